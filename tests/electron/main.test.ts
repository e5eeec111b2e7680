// Loads electron/main.ts against a fake 'electron' module and checks the wiring:
// secure window, app:// page, hardened session, every channel registered.
import { describe, expect, it, vi } from 'vitest';
import { APP_CLOSING, CHANNELS } from '../../electron/contract';
import { APP_INDEX_URL } from '../../electron/security';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeReady } from '../../electron/app';
import { as, FakeApp, FakeBrowserWindow, FakeDialog, FakeIpcMain, FakeProtocol, FakeSession, FakeWebContents, navEvent } from './fakes';

const fakes = vi.hoisted(() => ({}) as Record<string, unknown>);
vi.mock('electron', async () => {
  const f = await import('./fakes');
  Object.assign(fakes, {
    app: new f.FakeApp(),
    BrowserWindow: f.FakeBrowserWindow,
    dialog: new f.FakeDialog(),
    ipcMain: new f.FakeIpcMain(),
    protocol: new f.FakeProtocol(),
    session: { defaultSession: new f.FakeSession() },
    screen: new f.FakeScreen(),
    shell: { openPath: () => Promise.resolve('') },
  });
  return fakes;
});

async function startMain() {
  await import('../../electron/main');
  await new Promise((r) => setTimeout(r, 0)); // let app.whenReady().then(...) run
  return fakes as {
    app: FakeApp;
    dialog: FakeDialog;
    ipcMain: FakeIpcMain;
    protocol: FakeProtocol;
    session: { defaultSession: FakeSession };
  };
}

function closeEvent() {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

describe('electron/main.ts', () => {
  it('opens one sandboxed, isolated window on the app:// page with the CommonJS preload', async () => {
    await startMain();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const win = FakeBrowserWindow.created[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String(win.options.webPreferences?.['preload'])).toMatch(/[\\/]preload\.cjs$/);
    expect(win.loadedUrl).toBe(APP_INDEX_URL);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('sandboxes every renderer and registers the app:// scheme before ready', async () => {
    const { app, protocol } = await startMain();
    expect(app.sandboxEnabled).toBe(true);
    expect(protocol.privileged).toHaveLength(1);
    expect(protocol.handlers.has('app')).toBe(true);
  });

  it("blocks the window's navigation and window.open", async () => {
    await startMain();
    const contents = FakeBrowserWindow.created[0]!.webContents;
    const nav = navEvent('https://example.org/');
    contents.emit('will-navigate', nav);
    expect(nav.prevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('guards any other WebContents created later', async () => {
    const { app } = await startMain();
    const other = new FakeWebContents();
    app.emit('web-contents-created', {}, other);
    expect(other.windowOpenHandler?.({ url: 'https://x.example/' })).toEqual({ action: 'deny' });
  });

  it('hardens the default session (permissions, network, CSP)', async () => {
    const { session } = await startMain();
    const s = session.defaultSession;
    expect(s.permissionRequestHandler).toBeTypeOf('function');
    expect(s.permissionCheckHandler?.(null, 'media', APP_INDEX_URL, {})).toBe(false);
    expect(s.beforeRequest).toBeTypeOf('function');
    expect(s.headersReceived).toBeTypeOf('function');
  });

  it('registers a handler for every channel and answers app:info', async () => {
    const { ipcMain } = await startMain();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
    await expect(ipcMain.invoke(CHANNELS.appInfo, APP_INDEX_URL)).resolves.toMatchObject({
      version: '0.1.0',
      platform: process.platform,
    });
  });

  it('holds the window on close until the page has taken its last backup', async () => {
    const { ipcMain } = await startMain();
    const win = FakeBrowserWindow.created[0]!;
    const sent = win.webContents.sent;
    const first = closeEvent();
    win.emit('close', first);
    expect(first.prevented).toBe(true);
    expect(sent).toEqual([APP_CLOSING]);
    win.emit('close', closeEvent()); // a second click on × asks nothing more
    expect(sent).toEqual([APP_CLOSING]);
    await ipcMain.invoke(CHANNELS.readyToClose, APP_INDEX_URL);
    expect(win.closeCalls).toBe(1);
    const last = closeEvent();
    win.emit('close', last); // the close that call made goes through
    expect(last.prevented).toBe(false);
  });

  it('quits when the window closes', async () => {
    const { app } = await startMain();
    app.emit('window-all-closed');
    expect(app.quitCalled).toBe(true);
  });

  it('brings its window forward when the app is launched again', async () => {
    const { app } = await startMain();
    const win = FakeBrowserWindow.created[0]!;
    win.minimized = true;
    const before = win.focused;
    app.emit('second-instance', {}, ['mirabal', '/home/r/Study.mirabal'], '/home/r');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(before + 1);
  });

  it("remembers the window's size, position and maximised state when it is closed", async () => {
    const { app } = await startMain();
    const win = FakeBrowserWindow.created[0]!;
    win.bounds = { x: 100, y: 60, width: 1280, height: 820 };
    win.maximized = true;
    win.emit('close', closeEvent());
    const file = join(app.userData, 'window-state.json');
    // An earlier close in this file wrote the window as it was then: wait for this one's write.
    await expect
      .poll(() => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : null))
      .toEqual({ x: 100, y: 60, width: 1280, height: 820, maximized: true });
  });
});

describe('beforeReady', () => {
  it('quits at once, changing nothing, when another copy of the app is running', () => {
    const app = new FakeApp();
    app.lock = false;
    const protocol = new FakeProtocol();
    expect(beforeReady({ app: as(app), protocol: as(protocol) })).toBe(false);
    expect(app.quitCalled).toBe(true);
    expect(app.sandboxEnabled).toBe(false);
    expect(protocol.privileged).toHaveLength(0);
  });
});
