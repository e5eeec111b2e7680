// One ipcMain.handle per channel of the contract. Every handler first checks that
// the caller is the app's own page, then validates its argument as `unknown`, and
// only then touches dialogs or the file system.
import { mkdir, rm } from 'node:fs/promises';
import type { BrowserWindow, Dialog, IpcMain, OpenDialogOptions, Shell } from 'electron';
import {
  CHANNELS,
  RECORDING_FILE_EXTENSIONS,
  type ApiName,
  type ApiResult,
  type AppInfo,
  type MenuSpec,
  type OpenedFilesResult,
} from './contract.js';
import {
  backupDir,
  listBackupFiles,
  listBackupProjects,
  readBackupFile,
  readPickedFiles,
  writeBackupFile,
  writeFileAtomically,
} from './files.js';
import { linkFile, readLinked, relink, statusOf, unlink } from './recordingLinks.js';
import { assertAppSender } from './security.js';
import {
  validateBackupReadArgs,
  validateBackupWriteArgs,
  validateLinkRecordingArgs,
  validateNoArgs,
  validateOpenFilesArgs,
  validateProjectArgs,
  validateRecordingRefArgs,
  validateSaveFileArgs,
  validateSetMenuArgs,
  validateUnlinkRecordingArgs,
} from './validate.js';

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  /** The window dialogs attach to (null: app-modal dialogs). */
  getWindow: () => BrowserWindow | null;
  /** Electron's userData folder; backups go to <userData>/backups/<projectId>/. */
  userDataDir: () => string;
  appInfo: () => AppInfo;
  /** The page has taken its last backup: the window may close now. */
  readyToClose: () => void;
  /** The page is still finishing work before closing: the window waits longer. */
  stillClosing: () => void;
  /** Shows the page's application menu (checked already). */
  setMenu: (menus: MenuSpec[]) => void;
  /** Hands over the files the system asked the app to open (each once). */
  takeOpenedFiles: () => Promise<OpenedFilesResult>;
}

/** The mapped type makes the compiler insist on a handler for every channel. */
type Handlers = { [K in ApiName]: (raw: unknown) => Promise<ApiResult<K>> };

/** An open dialog attached to the window when there is one; the paths chosen, [] if cancelled. */
async function chooseFiles(deps: IpcDeps, options: OpenDialogOptions): Promise<string[]> {
  const win = deps.getWindow();
  const result = await (win ? deps.dialog.showOpenDialog(win, options) : deps.dialog.showOpenDialog(options));
  return result.canceled ? [] : result.filePaths;
}

/** The one file a recording dialog offers: only the kinds the page's player can play. */
function recordingDialog(title: string, defaultPath?: string): OpenDialogOptions {
  return {
    title,
    ...(defaultPath === undefined ? {} : { defaultPath }),
    properties: ['openFile'],
    filters: [{ name: 'Recordings', extensions: [...RECORDING_FILE_EXTENSIONS] }],
  };
}

function handlers(deps: IpcDeps): Handlers {
  return {
    async openFiles(raw) {
      const args = validateOpenFilesArgs(raw);
      const options: OpenDialogOptions = {
        title: args.title,
        properties: args.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        filters: args.extensions.length > 0 ? [{ name: 'Supported files', extensions: args.extensions }] : [],
      };
      const paths = await chooseFiles(deps, options);
      return paths.length > 0 ? readPickedFiles(paths) : [];
    },
    async saveFile(raw) {
      const args = validateSaveFileArgs(raw);
      const win = deps.getWindow();
      const options = { defaultPath: args.suggestedName };
      const result = await (win ? deps.dialog.showSaveDialog(win, options) : deps.dialog.showSaveDialog(options));
      if (result.canceled || !result.filePath) return { saved: false };
      // Saving over an earlier export must never leave it half overwritten.
      await writeFileAtomically(result.filePath, args.bytes);
      return { saved: true, path: result.filePath };
    },
    async writeBackup(raw) {
      const args = validateBackupWriteArgs(raw);
      return { path: await writeBackupFile(deps.userDataDir(), args.projectId, args.fileName, args.bytes) };
    },
    async listBackups(raw) {
      return listBackupFiles(deps.userDataDir(), validateProjectArgs(CHANNELS.listBackups, raw).projectId);
    },
    async readBackup(raw) {
      const args = validateBackupReadArgs(raw);
      return readBackupFile(deps.userDataDir(), args.projectId, args.fileName);
    },
    async revealBackups(raw) {
      const dir = backupDir(deps.userDataDir(), validateProjectArgs(CHANNELS.revealBackups, raw).projectId);
      await mkdir(dir, { recursive: true });
      // openPath resolves with an error text rather than rejecting.
      const problem = await deps.shell.openPath(dir);
      if (problem) throw new Error(`The backups folder could not be opened: ${problem}`);
    },
    async backupProjects(raw) {
      validateNoArgs(CHANNELS.backupProjects, raw);
      return listBackupProjects(deps.userDataDir());
    },
    async deleteBackups(raw) {
      await rm(backupDir(deps.userDataDir(), validateProjectArgs(CHANNELS.deleteBackups, raw).projectId), { recursive: true, force: true });
    },
    async appInfo(raw) {
      validateNoArgs(CHANNELS.appInfo, raw);
      return deps.appInfo();
    },
    async readyToClose(raw) {
      validateNoArgs(CHANNELS.readyToClose, raw);
      deps.readyToClose();
    },
    async stillClosing(raw) {
      validateNoArgs(CHANNELS.stillClosing, raw);
      deps.stillClosing();
    },
    async setMenu(raw) {
      deps.setMenu(validateSetMenuArgs(raw).menus);
    },
    async openedFiles(raw) {
      validateNoArgs(CHANNELS.openedFiles, raw);
      return deps.takeOpenedFiles();
    },
    // Recordings are linked by a file the researcher chooses here, in main's dialog: the page
    // gets a token for it, never a way to name a path itself.
    async linkRecording(raw) {
      const args = validateLinkRecordingArgs(raw);
      const [chosen] = await chooseFiles(deps, recordingDialog(args.title));
      return chosen === undefined ? null : linkFile(deps.userDataDir(), chosen);
    },
    async recordingStatus(raw) {
      return statusOf(deps.userDataDir(), validateRecordingRefArgs(CHANNELS.recordingStatus, raw));
    },
    async relinkRecording(raw) {
      const ref = validateRecordingRefArgs(CHANNELS.relinkRecording, raw);
      const [chosen] = await chooseFiles(deps, recordingDialog(`Find the recording ${ref.fileName}`, ref.fileName));
      return chosen === undefined ? { kind: 'cancelled' } : relink(deps.userDataDir(), ref, chosen);
    },
    async unlinkRecording(raw) {
      await unlink(deps.userDataDir(), validateUnlinkRecordingArgs(raw).token);
    },
    async recordingBytes(raw) {
      return readLinked(deps.userDataDir(), validateRecordingRefArgs(CHANNELS.recordingBytes, raw));
    },
  };
}

export function registerIpcHandlers(deps: IpcDeps): void {
  const table = handlers(deps);
  for (const name of Object.keys(CHANNELS) as ApiName[]) {
    const channel = CHANNELS[name];
    deps.ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      assertAppSender(event, channel);
      if (args.length > 1) throw new Error(`${channel}: expected at most one argument`);
      return table[name](args[0]);
    });
  }
}
