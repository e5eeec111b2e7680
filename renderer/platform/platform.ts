// The renderer's one interface for files and dialogs. Inside Electron it calls the
// preload's `window.workbench`; in a plain browser (browser mode) it falls back to
// <input type="file"> and downloads. Neither path uses the network.
import { backupFileName } from './backupPolicy';
import {
  MAX_OPEN_FILE_BYTES,
  RECORDING_PATH,
  type BackupEntry,
  type LinkedRecordingFile,
  type RecordingLinkStatus,
  type RecordingRefArgs,
  type RelinkResult,
  type MenuSpec,
  type OpenedFilesResult,
  type OpenFilesArgs,
  type PickedFile,
  type WorkbenchApi,
} from './contract';
import { opfsBackups } from './opfsBackups';

export type { BackupEntry, LinkedRecordingFile, MenuSpec, OpenedFilesResult, OpenFilesArgs, PickedFile, RecordingLinkStatus, RelinkResult };

/**
 * Desktop only: recordings linked to a file on the computer, not copied into the project. Main
 * hashes the file the researcher chooses in its own dialog and serves it by a token it made.
 */
export interface RecordingFiles {
  /** A file chosen to link (hashed by main); null when the dialog is cancelled. */
  link(title: string): Promise<LinkedRecordingFile | null>;
  /** Whether the linked file can be played now. */
  status(ref: RecordingRefArgs): Promise<RecordingLinkStatus>;
  /** "Find the recording": the researcher points at the file; it is matched by size and SHA-256. */
  relink(ref: RecordingRefArgs): Promise<RelinkResult>;
  /** Main forgets the token (the recording was removed). */
  unlink(token: string): Promise<void>;
  /** The file's bytes, to draw its waveform once (the page may fetch nothing itself). */
  bytes(ref: RecordingRefArgs): Promise<Uint8Array>;
  /** Where the page plays it from: the app's own scheme, same origin (CSP media-src 'self'). */
  url(token: string): string;
}

/** Where a project's automatic backups are kept: Electron's backups folder, or browser mode's OPFS. */
export interface BackupStore {
  /** Writes one backup all or nothing, named by its time, then prunes by the rotation rule (backupPolicy.ts). */
  write(projectId: string, bytes: Uint8Array, takenAt: number): Promise<BackupEntry>;
  /** The project's backups, newest first. */
  list(projectId: string): Promise<BackupEntry[]>;
  read(projectId: string, fileName: string): Promise<Uint8Array>;
  /** Ids of every project with a backup, listed or not (a lost profile's projects can be restored). */
  projects(): Promise<string[]>;
  /** Deletes all of a project's backups (the project was deleted for ever). */
  removeAll(projectId: string): Promise<void>;
  /** Electron only: shows the project's backups folder in the file manager. */
  reveal?(projectId: string): Promise<void>;
}

/** Where the app keeps its data, in words for the researcher. */
export interface DataLocation {
  data: string;
  /** null: automatic backups are not possible here. */
  backups: string | null;
}

export interface Platform {
  kind: 'electron' | 'browser';
  /** Lets the user pick files; resolves [] when the dialog is cancelled. */
  openFiles(opts: OpenFilesArgs): Promise<PickedFile[]>;
  /** Offers bytes to save under a suggested name; false when the user cancelled. */
  saveFile(name: string, bytes: Uint8Array, mime?: string): Promise<boolean>;
  /** Automatic backups; null where this browser cannot keep them. */
  backups: BackupStore | null;
  location(): Promise<DataLocation>;
  /**
   * Electron only: `whenClosing` runs when the window is about to close (running work finishes,
   * a last backup); the window closes when it settles, or a grace period after the last call of
   * `stillClosing`, its way of asking for more time.
   */
  onAppClosing?(whenClosing: (stillClosing: () => void) => Promise<void>): void;
  /** Electron only: the window's application menu, and the commands chosen from it. */
  menu?: {
    show(menus: MenuSpec[]): Promise<void>;
    onCommand(listener: (command: string) => void): void;
  };
  /**
   * Electron only: files the system asked the app to open (a double-click on a .mirabal or
   * .qdpx); `onOpened` says when more have come, `take` hands each over once.
   */
  openedFiles?: {
    take(): Promise<OpenedFilesResult>;
    onOpened(listener: () => void): void;
  };
  /** Desktop only: recordings linked by reference (see RecordingFiles). */
  recordingFiles?: RecordingFiles;
}

let current: { api: WorkbenchApi | undefined; platform: Platform } | null = null;

/**
 * The Electron implementation is chosen whenever the preload has run. The same object each
 * time: views use it (and its `backups`) as effect dependencies, and a new one per render made
 * the Backups card list the backups again after every render, for ever.
 */
export function getPlatform(): Platform {
  const api = (globalThis as { workbench?: WorkbenchApi }).workbench;
  if (current?.api !== api || !current) current = { api, platform: api ? electronPlatform(api) : browserPlatform() };
  return current.platform;
}

/**
 * Electron wraps errors thrown in main as "Error invoking remote method 'x': Error: ...";
 * the tail is the message written for people, so that is what we pass on.
 */
export function cleanIpcError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const message = error.message.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, '');
  return message === error.message ? error : new Error(message);
}

async function unwrap<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw cleanIpcError(error);
  }
}

export function electronPlatform(api: WorkbenchApi): Platform {
  return {
    kind: 'electron',
    openFiles: (opts) => unwrap(() => api.openFiles(opts)),
    saveFile: async (name, bytes) => (await unwrap(() => api.saveFile({ suggestedName: name, bytes }))).saved,
    backups: {
      write: async (projectId, bytes, takenAt) => {
        const fileName = backupFileName(takenAt);
        await unwrap(() => api.writeBackup({ projectId, fileName, bytes }));
        return { fileName, size: bytes.byteLength, takenAt };
      },
      list: (projectId) => unwrap(() => api.listBackups({ projectId })),
      read: (projectId, fileName) => unwrap(() => api.readBackup({ projectId, fileName })),
      reveal: (projectId) => unwrap(() => api.revealBackups({ projectId })),
      projects: () => unwrap(() => api.backupProjects()),
      removeAll: (projectId) => unwrap(() => api.deleteBackups({ projectId })),
    },
    location: async () => {
      const info = await unwrap(() => api.appInfo());
      return { data: `in the app's data folder, ${info.dataFolder}`, backups: `in ${info.backupsFolder}` };
    },
    onAppClosing: (whenClosing) =>
      api.onAppClosing(() => {
        void whenClosing(() => void api.stillClosing().catch(() => undefined))
          .catch((e: unknown) => console.error('The last backup before closing failed:', e))
          .finally(() => void api.readyToClose());
      }),
    menu: {
      show: (menus) => unwrap(() => api.setMenu({ menus })),
      onCommand: (listener) => api.onMenuCommand(listener),
    },
    openedFiles: {
      take: () => unwrap(() => api.openedFiles()),
      onOpened: (listener) => api.onFilesOpened(listener),
    },
    recordingFiles: {
      link: (title) => unwrap(() => api.linkRecording({ title })),
      status: (ref) => unwrap(() => api.recordingStatus(ref)),
      relink: (ref) => unwrap(() => api.relinkRecording(ref)),
      unlink: (token) => unwrap(() => api.unlinkRecording({ token })),
      bytes: (ref) => unwrap(() => api.recordingBytes(ref)),
      // The page is app://workbench/…, so this is same-origin there (and on the e2e's server).
      url: (token) => new URL(`${RECORDING_PATH}${encodeURIComponent(token)}`, globalThis.location?.href ?? 'app://workbench/').href,
    },
  };
}

export function browserPlatform(doc: Document = document): Platform {
  const backups = opfsBackups();
  return {
    kind: 'browser',
    openFiles: (opts) => pickFiles(doc, opts),
    saveFile: (name, bytes, mime) => Promise.resolve(download(doc, name, bytes, mime)),
    backups,
    location: () => {
      // Another address (port), browser or profile is another origin, with its own empty store.
      const origin = doc.defaultView?.location.origin ?? 'this address';
      return Promise.resolve({
        data: `in this browser's profile, for ${origin}`,
        backups: backups ? `in this browser's private file storage, for ${origin}` : null,
      });
    },
  };
}

function pickFiles(doc: Document, opts: OpenFilesArgs): Promise<PickedFile[]> {
  return new Promise((resolve, reject) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.multiple = opts.multiple;
    input.accept = opts.extensions.map((e) => (e.startsWith('.') ? e : `.${e}`)).join(',');
    input.style.display = 'none';
    const done = (): void => input.remove();
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []);
      done();
      readAll(files).then(resolve, reject);
    });
    // 'cancel' fires in current Chromium, Firefox and Safari; older browsers never
    // say, and the promise then simply stays pending.
    input.addEventListener('cancel', () => {
      done();
      resolve([]);
    });
    doc.body.append(input);
    input.click();
  });
}

/** Same 60 MB rule as Electron's main, checked before anything is read. */
async function readAll(files: File[]): Promise<PickedFile[]> {
  const big = files.find((f) => f.size > MAX_OPEN_FILE_BYTES);
  if (big) {
    const mb = (big.size / 1024 / 1024).toFixed(1);
    throw new Error(`"${big.name}" is ${mb} MB; files over ${MAX_OPEN_FILE_BYTES / 1024 / 1024} MB are refused.`);
  }
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** Browsers give no word on whether the user kept the download, so this says true. */
function download(doc: Document, name: string, bytes: Uint8Array, mime = 'application/octet-stream'): boolean {
  // The cast: Blob wants ArrayBuffer-backed views; ours never sit on a SharedArrayBuffer.
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
