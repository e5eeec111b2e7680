// Loads electron/main.ts against a fake 'electron' module and checks the wiring:
// secure window, app:// page, hardened session, every channel registered.
import { describe, expect, it, vi } from 'vitest';
import { APP_CLOSING, CHANNELS, FILES_OPENED, MENU_COMMAND, type MenuSpec, type OpenedFilesResult } from '../../electron/contract';
import { APP_INDEX_URL } from '../../electron/security';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeReady } from '../../electron/app';
import { OpenedFiles } from '../../electron/openedFiles';
import {
  as,
  FakeApp,
  FakeBrowserWindow,
  FakeDialog,
  FakeIpcMain,
  FakeMenu,
  FakeProtocol,
  FakeSession,
  FakeWebContents,
  navEvent,
  type FakeMenuItem,
} from './fakes';

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
    Menu: f.FakeMenu,
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

  it("shows a menu of the platform's own items at once, then the page's menu, whose commands go back to the page", async () => {
    const { ipcMain } = await startMain();
    const win = FakeBrowserWindow.created[0]!;
    const starting = FakeMenu.shown[0]!;
    expect(starting.map((m) => m.label)).toEqual(
      process.platform === 'darwin' ? [undefined, 'File', 'Edit', 'View'] : ['File', 'Edit', 'View'],
    );
    const menus: MenuSpec[] = [
      {
        label: 'Edit',
        items: [
          { kind: 'command', command: 'undo', label: 'Undo Apply code', accelerator: 'CmdOrCtrl+Z', enabled: true },
          { kind: 'separator' },
          { kind: 'role', role: 'copy' },
        ],
      },
      { label: 'Help', items: [{ kind: 'command', command: 'about', label: 'About', enabled: false }] },
    ];
    await ipcMain.invoke(CHANNELS.setMenu, APP_INDEX_URL, { menus });
    const shown = FakeMenu.shown.at(-1)!.filter((m) => m.role !== 'appMenu');
    expect(shown.map((m) => m.label)).toEqual(['Edit', 'Help']);
    const [undo, separator, copy] = shown[0]!.submenu as FakeMenuItem[];
    // The keys are shown but left to the page, which knows whether the focus is in a text field.
    expect(undo).toMatchObject({ label: 'Undo Apply code', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, enabled: true });
    expect(separator).toEqual({ type: 'separator' });
    expect(copy).toEqual({ role: 'copy' });
    expect(shown[1]!.submenu![0]).toMatchObject({ label: 'About', enabled: false });
    undo!.click!();
    expect(win.webContents.messages.at(-1)).toEqual([MENU_COMMAND, 'undo']);
    // A menu the contract does not allow changes nothing.
    const count = FakeMenu.shown.length;
    const bad = [{ label: 'File', items: [{ kind: 'command', command: 'deleteEverything', label: 'x', enabled: true }] }];
    await expect(ipcMain.invoke(CHANNELS.setMenu, APP_INDEX_URL, { menus: bad })).rejects.toThrow(/deleteEverything/);
    expect(FakeMenu.shown).toHaveLength(count);
  });

  it('hands a file from a second launch to the page, once, and tells the page it is there', async () => {
    const { app, ipcMain } = await startMain();
    const win = FakeBrowserWindow.created[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'mirabal-open-'));
    writeFileSync(join(dir, 'Study.mirabal'), 'archive bytes');
    app.emit('second-instance', {}, ['/opt/Mirabal/mirabal', '--no-sandbox', 'Study.mirabal', 'notes.txt'], dir);
    expect(win.webContents.sent.at(-1)).toBe(FILES_OPENED);
    const { files, problems } = (await ipcMain.invoke(CHANNELS.openedFiles, APP_INDEX_URL)) as OpenedFilesResult;
    expect(files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([['Study.mirabal', 'archive bytes']]);
    // The earlier test's launch named a file that is not there: said, not lost silently.
    expect(problems).toEqual(['Study.mirabal could not be opened: it is not there any more']);
    await expect(ipcMain.invoke(CHANNELS.openedFiles, APP_INDEX_URL)).resolves.toEqual({ files: [], problems: [] });
  });

  it('takes a file a Mac hands over by open-file, before or after the window opens', async () => {
    const { app, ipcMain } = await startMain();
    const dir = mkdtempSync(join(tmpdir(), 'mirabal-open-'));
    writeFileSync(join(dir, 'Shared.qdpx'), 'zip');
    const event = closeEvent();
    app.emit('open-file', event, join(dir, 'Shared.qdpx'));
    expect(event.prevented).toBe(true);
    const { files } = (await ipcMain.invoke(CHANNELS.openedFiles, APP_INDEX_URL)) as OpenedFilesResult;
    expect(files.map((f) => f.name)).toEqual(['Shared.qdpx']);
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
    expect(beforeReady({ app: as(app), protocol: as(protocol) }, new OpenedFiles())).toBe(false);
    expect(app.quitCalled).toBe(true);
    expect(app.sandboxEnabled).toBe(false);
    expect(protocol.privileged).toHaveLength(0);
  });
});
