// Browser mode's automatic backups: files in the Origin Private File System, under
// backups/<project id>/, named and pruned exactly as Electron's backups folder is. A file is
// written through createWritable(), which writes to a swap file and replaces the target only
// when closed: a tab killed mid-write leaves the previous backups as they were.
import { backupFileName, backupsToDelete, backupTakenAt } from './backupPolicy';
import type { BackupEntry } from './contract';
import type { BackupStore } from './platform';

/** The OPFS store, or null where the browser has no OPFS or cannot write files in it. */
export function opfsBackups(storage: StorageManager | undefined = globalThis.navigator?.storage): BackupStore | null {
  if (typeof storage?.getDirectory !== 'function') return null;
  if (typeof FileSystemFileHandle === 'undefined' || typeof FileSystemFileHandle.prototype.createWritable !== 'function') return null;
  const folder = async (projectId: string, create: boolean): Promise<FileSystemDirectoryHandle | null> => {
    try {
      const root = await storage.getDirectory();
      const all = await root.getDirectoryHandle('backups', { create });
      return await all.getDirectoryHandle(projectId, { create });
    } catch (e) {
      if (!create && e instanceof DOMException && e.name === 'NotFoundError') return null;
      throw e;
    }
  };
  const list = async (projectId: string): Promise<BackupEntry[]> => {
    const dir = await folder(projectId, false);
    if (!dir) return [];
    const entries: BackupEntry[] = [];
    for await (const [name, handle] of dir.entries()) {
      const takenAt = backupTakenAt(name);
      if (takenAt === null || handle.kind !== 'file') continue;
      entries.push({ fileName: name, size: (await (handle as FileSystemFileHandle).getFile()).size, takenAt });
    }
    return entries.sort((a, b) => b.takenAt - a.takenAt);
  };
  return {
    async projects() {
      let all: FileSystemDirectoryHandle;
      try {
        all = await (await storage.getDirectory()).getDirectoryHandle('backups');
      } catch (e) {
        if (e instanceof DOMException && e.name === 'NotFoundError') return [];
        throw e;
      }
      const ids: string[] = [];
      for await (const [name, handle] of all.entries()) if (handle.kind === 'directory' && (await list(name)).length) ids.push(name);
      return ids.sort();
    },
    async removeAll(projectId) {
      try {
        const all = await (await storage.getDirectory()).getDirectoryHandle('backups');
        await all.removeEntry(projectId, { recursive: true });
      } catch (e) {
        if (!(e instanceof DOMException && e.name === 'NotFoundError')) throw e;
      }
    },
    async write(projectId, bytes, takenAt) {
      const fileName = backupFileName(takenAt);
      const dir = (await folder(projectId, true))!;
      const writable = await (await dir.getFileHandle(fileName, { create: true })).createWritable();
      try {
        await writable.write(bytes as Uint8Array<ArrayBuffer>);
        await writable.close();
      } catch (e) {
        await writable.abort().catch(() => undefined);
        throw e;
      }
      const names = (await list(projectId)).map((b) => b.fileName);
      for (const old of backupsToDelete(names, Date.now(), fileName)) await dir.removeEntry(old);
      return { fileName, size: bytes.byteLength, takenAt };
    },
    list,
    async read(projectId, fileName) {
      const dir = await folder(projectId, false);
      try {
        if (!dir) throw new DOMException('', 'NotFoundError');
        return new Uint8Array(await (await (await dir.getFileHandle(fileName)).getFile()).arrayBuffer());
      } catch (e) {
        if (e instanceof DOMException && e.name === 'NotFoundError')
          throw new Error(`The backup "${fileName}" is no longer there.`, { cause: e });
        throw e;
      }
    },
  };
}
