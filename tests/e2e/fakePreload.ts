// A stand-in for Electron's preload (window.workbench) in Chromium, where Electron cannot run:
// every WorkbenchApi function, with what main would do kept in memory in `window.__main`. Main's
// own side of each is tested with Electron mocked (tests/electron/).
import type { BrowserContext } from 'playwright-core';

/** The stand-in preload: every WorkbenchApi function, with what main would do kept in memory. */
export async function installFakePreload(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    type File = { name: string; bytes: Uint8Array };
    type Linked = { token: string; fileName: string; path: string; size: number; sha256: string };
    type Ref = { token: string; fileName: string; size: number; sha256: string };
    const w = window as unknown as Record<string, unknown>;
    const backups = new Map<string, Map<string, Uint8Array>>();
    const state = {
      menus: [] as unknown[],
      saved: [] as File[],
      opened: [] as File[],
      problems: [] as string[],
      /** Where the page was when it said it was ready to close, and how often it asked for time. */
      readyAt: [] as string[],
      stillClosing: 0,
      /** The file main's dialog "chooses" next for linkRecording / relinkRecording (null: cancelled). */
      nextLink: null as null | Linked,
      toOpen: [] as { name: string; bytes: number[] }[],
      /** What main would read from a linked file. */
      linkedBytes: [] as number[],
      /** Tokens main serves (a new page starts with none, as main on another computer). */
      links: {} as Record<string, Linked>,
    };
    let onCommand: ((c: string) => void) | null = null;
    let onOpened: (() => void) | null = null;
    let onClosing: (() => void) | null = null;
    w['__main'] = {
      state,
      choose: (command: string) => onCommand?.(command),
      close: () => onClosing?.(),
      /** A file saved earlier, double-clicked in the file manager. */
      reopen: (index: number) => {
        state.opened.push(state.saved[index]!);
        onOpened?.();
      },
      open: (files: { name: string; bytes: number[] }[], problems: string[] = []) => {
        state.opened.push(...files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })));
        state.problems.push(...problems);
        onOpened?.();
      },
    };
    const projectBackups = (id: string) => backups.get(id) ?? backups.set(id, new Map()).get(id)!;
    w['workbench'] = {
      // The files main's open dialog "chooses" next (the test puts them there); none: cancelled.
      openFiles: async () => state.toOpen.splice(0).map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })),
      saveFile: async ({ suggestedName, bytes }: { suggestedName: string; bytes: Uint8Array }) => {
        // A slow disk, when the test asks for one: the save ends when the test says.
        if (w['__holdSave']) await new Promise((resolve) => (w['__releaseSave'] = resolve));
        state.saved.push({ name: suggestedName, bytes });
        return { saved: true, path: `/home/r/${suggestedName}` };
      },
      writeBackup: async ({ projectId, fileName, bytes }: { projectId: string; fileName: string; bytes: Uint8Array }) => {
        projectBackups(projectId).set(fileName, bytes);
        return { path: `/u/backups/${projectId}/${fileName}` };
      },
      listBackups: async ({ projectId }: { projectId: string }) =>
        [...projectBackups(projectId)].map(([fileName, bytes]) => ({ fileName, size: bytes.length, takenAt: Date.now() })),
      readBackup: async ({ projectId, fileName }: { projectId: string; fileName: string }) => projectBackups(projectId).get(fileName),
      revealBackups: async () => undefined,
      backupProjects: async () => [...backups.keys()],
      deleteBackups: async ({ projectId }: { projectId: string }) => void backups.delete(projectId),
      appInfo: async () => ({ version: '0.1.0', platform: 'linux', electron: '45.5.0', dataFolder: '/u', backupsFolder: '/u/backups' }),
      readyToClose: async () => void state.readyAt.push(location.hash),
      stillClosing: async () => void state.stillClosing++,
      setMenu: async ({ menus }: { menus: unknown[] }) => void state.menus.push(menus),
      openedFiles: async () => ({ files: state.opened.splice(0), problems: state.problems.splice(0) }),
      // Main's side of linked recordings: the test serves each token's file (page.route).
      linkRecording: async () => {
        const file = state.nextLink;
        state.nextLink = null;
        if (file) state.links[file.token] = file;
        return file;
      },
      recordingStatus: async ({ token, size }: Ref) => {
        const file = state.links[token];
        if (!file) return 'missing';
        return file.size === size ? 'ok' : 'changed';
      },
      relinkRecording: async ({ token, sha256 }: Ref) => {
        const file = state.nextLink;
        state.nextLink = null;
        if (!file) return { kind: 'cancelled' };
        if (file.sha256 !== sha256) return { kind: 'wrong', fileName: file.fileName };
        state.links[token] = { ...file, token };
        return { kind: 'found', path: file.path, beside: false };
      },
      unlinkRecording: async ({ token }: { token: string }) => void delete state.links[token],
      // Main reads the file by its token: here the test hands its bytes over (linkedBytes).
      recordingBytes: async ({ token }: Ref) => {
        if (!state.links[token]) throw new Error('not linked');
        return new Uint8Array(state.linkedBytes);
      },
      onAppClosing: (listener: () => void) => void (onClosing = listener),
      onMenuCommand: (listener: (c: string) => void) => void (onCommand = listener),
      onFilesOpened: (listener: () => void) => void (onOpened = listener),
    };
  });
}
