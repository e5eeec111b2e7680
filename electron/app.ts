// Wiring of the main process, kept apart from main.ts so tests can drive it with
// fake Electron objects. Everything Electron-specific comes in as an argument.
import type { App, BrowserWindow, Dialog, IpcMain, Protocol, Session } from 'electron';
import { registerIpcHandlers } from './ipc.js';
import { registerAppScheme, serveAppProtocol } from './protocol.js';
import { APP_INDEX_URL, guardWebContents, hardenSession, secureWebPreferences } from './security.js';

export interface ElectronPieces {
  app: Pick<App, 'enableSandbox' | 'on' | 'getPath' | 'getVersion' | 'quit'>;
  BrowserWindow: typeof BrowserWindow;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  ipcMain: Pick<IpcMain, 'handle'>;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  session: { defaultSession: Session };
}

export interface AppPaths {
  /** The built renderer (vite's outDir). */
  distDir: string;
  /** The compiled CommonJS preload. */
  preloadPath: string;
}

/** What must happen before Electron's `ready` event. */
export function beforeReady(e: Pick<ElectronPieces, 'app' | 'protocol'>): void {
  e.app.enableSandbox(); // every renderer, including any we did not create ourselves
  registerAppScheme(e.protocol);
  // Guards every WebContents ever created (devtools, stray frames), not only our window.
  e.app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  e.app.on('window-all-closed', () => e.app.quit());
}

/** Hardens the session, serves dist/, registers IPC and opens the window. */
export function whenReady(e: ElectronPieces, paths: AppPaths): BrowserWindow {
  hardenSession(e.session.defaultSession);
  serveAppProtocol(e.protocol, paths.distDir);
  let win: BrowserWindow | null = null;
  registerIpcHandlers({
    ipcMain: e.ipcMain,
    dialog: e.dialog,
    getWindow: () => (win && !win.isDestroyed() ? win : null),
    userDataDir: () => e.app.getPath('userData'),
    appInfo: () => ({
      version: e.app.getVersion(),
      platform: process.platform,
      electron: process.versions['electron'] ?? 'unknown',
    }),
  });
  win = createMainWindow(e.BrowserWindow, paths.preloadPath);
  return win;
}

export function createMainWindow(BW: typeof BrowserWindow, preloadPath: string): BrowserWindow {
  const win = new BW({
    width: 1400,
    height: 900,
    show: false, // shown once painted, so there is no white flash
    title: 'Mirabal Workbench',
    webPreferences: secureWebPreferences(preloadPath),
  });
  guardWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}
