// The renderer's one interface for files and dialogs. Inside Electron it calls the
// preload's `window.workbench`; in a plain browser (browser mode) it falls back to
// <input type="file"> and downloads. Neither path uses the network.
import { MAX_OPEN_FILE_BYTES, type BackupEntry, type OpenFilesArgs, type PickedFile, type WorkbenchApi } from './contract';

export type { BackupEntry, OpenFilesArgs, PickedFile };

export interface Platform {
  kind: 'electron' | 'browser';
  /** Lets the user pick files; resolves [] when the dialog is cancelled. */
  openFiles(opts: OpenFilesArgs): Promise<PickedFile[]>;
  /** Offers bytes to save under a suggested name; false when the user cancelled. */
  saveFile(name: string, bytes: Uint8Array, mime?: string): Promise<boolean>;
  /** Electron only: writes <userData>/backups/<projectId>/<fileName>, returns its path. */
  writeBackup?(projectId: string, fileName: string, bytes: Uint8Array): Promise<string>;
  /** Electron only: the project's backups, newest first. */
  listBackups?(projectId: string): Promise<BackupEntry[]>;
}

/** The Electron implementation is chosen whenever the preload has run. */
export function getPlatform(): Platform {
  const api = (globalThis as { workbench?: WorkbenchApi }).workbench;
  return api ? electronPlatform(api) : browserPlatform();
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
    writeBackup: async (projectId, fileName, bytes) => (await unwrap(() => api.writeBackup({ projectId, fileName, bytes }))).path,
    listBackups: (projectId) => unwrap(() => api.listBackups({ projectId })),
  };
}

export function browserPlatform(doc: Document = document): Platform {
  return {
    kind: 'browser',
    openFiles: (opts) => pickFiles(doc, opts),
    saveFile: (name, bytes, mime) => Promise.resolve(download(doc, name, bytes, mime)),
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
