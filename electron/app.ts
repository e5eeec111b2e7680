// Wiring of the main process, kept apart from main.ts so tests can drive it with
// fake Electron objects. Everything Electron-specific comes in as an argument.
import path from 'node:path';
import type { App, BrowserWindow, Dialog, IpcMain, Protocol, Screen, Session, Shell } from 'electron';
import { APP_CLOSING, CLOSE_GRACE_MS, FILES_OPENED, MENU_COMMAND } from './contract.js';
import { registerIpcHandlers } from './ipc.js';
import { showMenu, STARTING_MENU, type MenuApi } from './menu.js';
import { filesInArgs, OpenedFiles } from './openedFiles.js';
import { registerAppScheme, serveAppProtocol } from './protocol.js';
import { APP_INDEX_URL, guardWebContents, hardenSession, secureWebPreferences } from './security.js';
import { MIN_HEIGHT, MIN_WIDTH, readWindowState, writeWindowState, type WindowState } from './windowState.js';

export interface ElectronPieces {
  app: Pick<App, 'enableSandbox' | 'on' | 'getPath' | 'getVersion' | 'quit' | 'requestSingleInstanceLock'>;
  BrowserWindow: typeof BrowserWindow;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  ipcMain: Pick<IpcMain, 'handle'>;
  shell: Pick<Shell, 'openPath'>;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  session: { defaultSession: Session };
  screen: Pick<Screen, 'getAllDisplays'>;
  Menu: MenuApi;
}

export interface AppPaths {
  /** The built renderer (vite's outDir). */
  distDir: string;
  /** The compiled CommonJS preload. */
  preloadPath: string;
}

/**
 * What must happen before Electron's `ready` event. False when another copy of the app is
 * already running: this one quits, and the other comes to the front (whenReady).
 */
export function beforeReady(e: Pick<ElectronPieces, 'app' | 'protocol'>, opened: OpenedFiles): boolean {
  // One app, one window: two copies would each take backups of the same projects.
  if (!e.app.requestSingleInstanceLock()) {
    e.app.quit();
    return false;
  }
  e.app.enableSandbox(); // every renderer, including any we did not create ourselves
  registerAppScheme(e.protocol);
  // Guards every WebContents ever created (devtools, stray frames), not only our window.
  e.app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  e.app.on('window-all-closed', () => e.app.quit());
  // A Mac hands over a double-clicked file by this event (also before ready, at launch).
  e.app.on('open-file', (event, filePath) => {
    event.preventDefault();
    opened.add([filePath]);
  });
  return true;
}

/** Hardens the session, serves dist/ and linked recordings, registers IPC and opens the window. */
export function whenReady(e: ElectronPieces, paths: AppPaths, opened: OpenedFiles): BrowserWindow {
  hardenSession(e.session.defaultSession);
  const userData = () => e.app.getPath('userData');
  // Linked recordings are served from the grants kept in userData (recordingLinks.ts).
  serveAppProtocol(e.protocol, paths.distDir, userData());
  let win: BrowserWindow | null = null;
  let closeGuard: CloseGuard | null = null;
  const toPage = (channel: string, ...args: unknown[]) => {
    if (win && !win.isDestroyed()) win.webContents.send(channel, ...args);
  };
  const mac = process.platform === 'darwin';
  const sendCommand = (command: string) => toPage(MENU_COMMAND, command);
  showMenu(e.Menu, STARTING_MENU, mac, sendCommand);
  registerIpcHandlers({
    ipcMain: e.ipcMain,
    dialog: e.dialog,
    shell: e.shell,
    getWindow: () => (win && !win.isDestroyed() ? win : null),
    userDataDir: userData,
    appInfo: () => ({
      version: e.app.getVersion(),
      platform: process.platform,
      electron: process.versions['electron'] ?? 'unknown',
      dataFolder: userData(),
      backupsFolder: path.join(userData(), 'backups'),
    }),
    readyToClose: () => closeGuard?.allow(),
    stillClosing: () => closeGuard?.extend(),
    setMenu: (menus) => showMenu(e.Menu, menus, mac, sendCommand),
    takeOpenedFiles: () => opened.take(),
  });
  const state = readWindowState(
    userData(),
    e.screen.getAllDisplays().map((d) => d.workArea),
  );
  win = createMainWindow(e.BrowserWindow, paths.preloadPath, state);
  const main = win;
  // Remembered when the window is asked to close (it then stays open for the last backup,
  // long enough for this small write).
  main.on('close', () => {
    if (!main.isDestroyed()) void writeWindowState(userData(), main).catch(() => {});
  });
  closeGuard = guardClose(main);
  // Files queued from now on are offered at once; those queued at launch the page asks for.
  opened.onAdded = () => toPage(FILES_OPENED);
  // A second launch (a double-click on the app, or on a file) brings this window forward, and
  // hands over the files it was asked to open.
  e.app.on('second-instance', (_event, argv: string[], workingDirectory: string) => {
    if (main.isDestroyed()) return;
    if (main.isMinimized()) main.restore();
    main.focus();
    opened.add(filesInArgs(argv, workingDirectory));
  });
  return main;
}

export interface CloseGuard {
  /** The page is ready: close now. */
  allow(): void;
  /** The page is still finishing (an import, a save): wait another grace period. */
  extend(): void;
}

/**
 * Holds the window open while the page finishes its work and takes its last backup: the first
 * close is cancelled and the page told (APP_CLOSING); the window closes when the page says it is
 * ready, or CLOSE_GRACE_MS after the page last said it is still at it, or at once if the page
 * has crashed.
 */
export function guardClose(win: BrowserWindow, graceMs = CLOSE_GRACE_MS, timers = { setTimeout, clearTimeout }): CloseGuard {
  let allowed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const allow = () => {
    if (timer) timers.clearTimeout(timer);
    timer = null;
    if (allowed) return;
    allowed = true;
    if (!win.isDestroyed()) win.close();
  };
  win.on('close', (event) => {
    if (allowed) return;
    event.preventDefault();
    if (timer) return; // already asked; a second click on × waits for the same answer
    timer = timers.setTimeout(allow, graceMs);
    win.webContents.send(APP_CLOSING);
  });
  win.webContents.on('render-process-gone', () => {
    allowed = true;
  });
  const extend = () => {
    if (!timer || allowed) return; // not closing: nothing to extend
    timers.clearTimeout(timer);
    timer = timers.setTimeout(allow, graceMs);
  };
  return { allow, extend };
}

export function createMainWindow(BW: typeof BrowserWindow, preloadPath: string, state: WindowState): BrowserWindow {
  const win = new BW({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false, // shown once painted, so there is no white flash
    title: 'Mirabal Workbench',
    webPreferences: secureWebPreferences(preloadPath),
  });
  guardWebContents(win.webContents);
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}
