// The one typed IPC contract between the renderer and Electron's main process.
// Pure types and string constants: no imports at all, so the renderer (via
// renderer/platform/contract.ts), the preload and main can all share it.
//
// Why it lives in electron/ and renderer/platform/contract.ts re-exports it: main
// is compiled by tsc to dist-electron/main.js. If electron/*.ts imported a file
// under renderer/, tsc's rootDir would have to be the project root and main would
// land in dist-electron/electron/main.js instead of package.json's "main".

/** Channel name per API function; the preload exposes exactly these functions. */
export const CHANNELS = {
  openFiles: 'dialog:openFiles',
  saveFile: 'dialog:saveFile',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
  revealBackups: 'backup:reveal',
  backupProjects: 'backup:projects',
  deleteBackups: 'backup:delete',
  appInfo: 'app:info',
  readyToClose: 'app:readyToClose',
  stillClosing: 'app:stillClosing',
  setMenu: 'menu:set',
  openedFiles: 'app:openedFiles',
  linkRecording: 'recording:link',
  recordingStatus: 'recording:status',
  relinkRecording: 'recording:relink',
  unlinkRecording: 'recording:unlink',
  recordingBytes: 'recording:bytes',
} as const;

/**
 * Main tells the page the window is about to close (the user closed it or quit). The page lets
 * running work finish (an import, a save), takes a last backup if anything changed, then calls
 * readyToClose. Main closes the window anyway CLOSE_GRACE_MS after the page last said it is still
 * at it (stillClosing), so a hung page can never keep it open.
 */
export const APP_CLOSING = 'app:closing';
export const CLOSE_GRACE_MS = 20_000;

/** Main tells the page that an item of the application menu was chosen; the payload is its command. */
export const MENU_COMMAND = 'menu:command';
/**
 * Main tells the page that the system asked the app to open files (a double-click on a .mirabal
 * or .qdpx, or a second launch with one): the page takes them with openedFiles.
 */
export const FILES_OPENED = 'app:filesOpened';
/** What the system may ask the app to open: the file associations of electron-builder.yml. */
export const OPENABLE_EXTENSIONS = ['.mirabal', '.qdpx'] as const;

/**
 * The application menu's commands, as the page names them (renderer/core/commands); main sends
 * back only these. The page builds the menu (labels, which items are enabled) from its action
 * registry; main checks it and shows it.
 */
export const MENU_COMMANDS = [
  'newProject',
  'openSample',
  'importTranscripts',
  'importQdpx',
  'saveArchive',
  'restoreArchive',
  'exportQdpx',
  'undo',
  'redo',
  'shortcutSheet',
  'about',
] as const;
export type MenuCommandId = (typeof MENU_COMMANDS)[number];
/** Items the platform provides itself (Electron menu roles). */
export const MENU_ROLES = ['cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'quit'] as const;
export type MenuRoleName = (typeof MENU_ROLES)[number];

export type MenuItemSpec =
  | { kind: 'command'; command: MenuCommandId; label: string; accelerator?: string; enabled: boolean }
  | { kind: 'role'; role: MenuRoleName }
  | { kind: 'separator' };
export interface MenuSpec {
  label: string;
  items: MenuItemSpec[];
}
export interface OpenedFilesResult {
  files: PickedFile[];
  /** One line per file that could not be read ("Study.mirabal could not be opened: …"). */
  problems: string[];
}
export interface SetMenuArgs {
  menus: MenuSpec[];
}

/** The API functions that are invoke channels (all but the one listener, onAppClosing). */
export type ApiName = keyof typeof CHANNELS;
export type Channel = (typeof CHANNELS)[ApiName];

/** Files larger than this are refused by dialog:openFiles (a transcript is far smaller). */
export const MAX_OPEN_FILE_BYTES = 60 * 1024 * 1024;
/** Upper bound on bytes written by dialog:saveFile and backup:write in one call. */
export const MAX_WRITE_BYTES = 512 * 1024 * 1024;

export interface OpenFilesArgs {
  title: string;
  /** File name extensions offered by the dialog, with or without the leading dot. */
  extensions: string[];
  multiple: boolean;
}
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface SaveFileArgs {
  suggestedName: string;
  bytes: Uint8Array;
}
export interface SaveFileResult {
  saved: boolean;
  path?: string;
}

export interface BackupWriteArgs {
  /** A UUID-like id: letters, digits, '-' and '_' only. */
  projectId: string;
  /** A plain file name: no path separators and no '..'. */
  fileName: string;
  bytes: Uint8Array;
}
export interface BackupWriteResult {
  path: string;
}
export interface BackupListArgs {
  projectId: string;
}
export interface BackupReadArgs {
  projectId: string;
  fileName: string;
}
export interface BackupEntry {
  fileName: string;
  size: number;
  /** When the backup was taken (from its name), milliseconds since the epoch. */
  takenAt: number;
}

export interface AppInfo {
  version: string;
  platform: string;
  electron: string;
  /** Where the app keeps its data (Electron's userData folder), to tell the researcher. */
  dataFolder: string;
  /** Where automatic backups go: <dataFolder>/backups/<project id>/. */
  backupsFolder: string;
}

/**
 * Recordings linked, not copied (issue 23): the file stays where the researcher keeps it and the
 * page plays it from RECORDING_PATH + token on the app's own scheme. Main serves only files the
 * researcher chose in its own dialog, by a token it made (a UUID), never by a path the page
 * sends: the page cannot ask for any other file on the disk.
 */
export const RECORDING_PATH = '/recording/';
/**
 * The media files a recording may be, and the type each is served as (Opus files are Ogg): the
 * same as core/media's RECORDING_TYPES, which the core cannot import from here (a test keeps
 * the two equal).
 */
export const RECORDING_MEDIA_TYPES = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  webm: 'video/webm',
  mp4: 'video/mp4',
} as const;
export const RECORDING_FILE_EXTENSIONS = Object.keys(RECORDING_MEDIA_TYPES) as readonly (keyof typeof RECORDING_MEDIA_TYPES)[];

export interface LinkRecordingArgs {
  /** The dialog's title, e.g. "Link the recording of Kieran, Time 2". */
  title: string;
}
/** A file the researcher chose to link: main has hashed it and will serve it by `token`. */
export interface LinkedRecordingFile {
  token: string;
  fileName: string;
  /** Where it is, to show the researcher ("linked to …"). */
  path: string;
  size: number;
  /** SHA-256 of the whole file, hex. */
  sha256: string;
}
/** What the page knows of a linked recording, to ask after it or find it again. */
export interface RecordingRefArgs {
  token: string;
  fileName: string;
  size: number;
  sha256: string;
}
/**
 * 'ok': served by its token; 'missing': no file at the known place (moved, renamed, another
 * computer) or this computer never linked it; 'changed': a file is there but not the same size.
 */
export type RecordingLinkStatus = 'ok' | 'missing' | 'changed';
/**
 * relinkRecording's answer. `found`: the chosen file, or one of the same size and SHA-256 in
 * its folder (`beside`), is the recording, now served by its token again. `wrong`: the file
 * chosen is not it (its content differs) and none in its folder is. `cancelled`: no file chosen.
 */
export type RelinkResult = { kind: 'found'; path: string; beside: boolean } | { kind: 'wrong'; fileName: string } | { kind: 'cancelled' };
/**
 * The largest linked file recordingBytes hands over, to draw its waveform (the page's CSP lets
 * it fetch nothing, not even from the app's own scheme): core/media's PEAKS_MAX_BYTES.
 */
export const RECORDING_BYTES_MAX = 512 * 1024 * 1024;
export interface UnlinkRecordingArgs {
  token: string;
}

/** What the preload exposes as `window.workbench`: one function per channel. */
export interface WorkbenchApi {
  openFiles(args: OpenFilesArgs): Promise<PickedFile[]>;
  saveFile(args: SaveFileArgs): Promise<SaveFileResult>;
  writeBackup(args: BackupWriteArgs): Promise<BackupWriteResult>;
  listBackups(args: BackupListArgs): Promise<BackupEntry[]>;
  readBackup(args: BackupReadArgs): Promise<Uint8Array>;
  /** Opens the project's backups folder in the system's file manager. */
  revealBackups(args: BackupListArgs): Promise<void>;
  /** The ids of every project with at least one backup (also projects no longer in the list). */
  backupProjects(): Promise<string[]>;
  /** Deletes every backup of a project (when the project itself is deleted for ever). */
  deleteBackups(args: BackupListArgs): Promise<void>;
  appInfo(): Promise<AppInfo>;
  /** The page has done what it had to before closing (see APP_CLOSING). */
  readyToClose(): Promise<void>;
  /** The page is still finishing work before closing: wait CLOSE_GRACE_MS more. */
  stillClosing(): Promise<void>;
  /** Shows the page's application menu in the window (Electron's menu bar, or the Mac's). */
  setMenu(args: SetMenuArgs): Promise<void>;
  /** The files the system asked the app to open since the last call (each given once). */
  openedFiles(): Promise<OpenedFilesResult>;
  /** Lets the researcher choose a recording to link; null when the dialog is cancelled. */
  linkRecording(args: LinkRecordingArgs): Promise<LinkedRecordingFile | null>;
  /** Whether a linked recording can be played now (see RecordingLinkStatus). */
  recordingStatus(args: RecordingRefArgs): Promise<RecordingLinkStatus>;
  /** "Find the recording": a dialog, and the file chosen matched by size and SHA-256. */
  relinkRecording(args: RecordingRefArgs): Promise<RelinkResult>;
  /** Main forgets a token (the recording was removed from its project). */
  unlinkRecording(args: UnlinkRecordingArgs): Promise<void>;
  /** A linked file's bytes, to draw its waveform once (up to RECORDING_BYTES_MAX). */
  recordingBytes(args: RecordingRefArgs): Promise<Uint8Array>;
  /** Listens to APP_CLOSING. */
  onAppClosing(listener: () => void): void;
  /** Listens to MENU_COMMAND: the listener gets the command's id. */
  onMenuCommand(listener: (command: string) => void): void;
  /** Listens to FILES_OPENED. */
  onFilesOpened(listener: () => void): void;
}

/** Argument and result types of each API function, for main's handlers. */
export type ApiArgs<K extends ApiName> = Parameters<WorkbenchApi[K]>;
export type ApiResult<K extends ApiName> = Awaited<ReturnType<WorkbenchApi[K]>>;
