// Hand-written stand-ins for the pieces of Electron the main process uses. They
// record what the code under test did so tests can assert on it; nothing here
// loads the real 'electron' package (whose binary is not installed offline).
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Listener = (...args: any[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}

/** A navigation-style event: records whether preventDefault was called. */
export function navEvent(url: string): { url: string; prevented: boolean; preventDefault(): void } {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

export class FakeWebContents extends FakeEmitter {
  readonly sent: string[] = [];
  /** Each message with its arguments. */
  readonly messages: unknown[][] = [];
  send(channel: string, ...args: unknown[]): void {
    this.sent.push(channel);
    this.messages.push([channel, ...args]);
  }
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = false;
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  closeCalls = 0;
  close(): void {
    this.closeCalls++;
  }
  bounds = { x: 10, y: 20, width: 1200, height: 800 };
  maximized = false;
  minimized = false;
  focused = 0;
  getNormalBounds() {
    return { ...this.bounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused++;
  }
  isDestroyed(): boolean {
    return false;
  }
}

type WebRequestListener = (details: any, callback: (response: any) => void) => void;

export class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  beforeRequest: WebRequestListener | null = null;
  headersReceived: WebRequestListener | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: WebRequestListener) => void (this.beforeRequest = listener),
    onHeadersReceived: (listener: WebRequestListener) => void (this.headersReceived = listener),
  };
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  /** Calls a handler the way Electron does: (event, ...args). */
  invoke(channel: string, senderUrl: string | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    const event = { senderFrame: senderUrl === null ? null : { url: senderUrl } };
    return Promise.resolve().then(() => handler(event, ...args));
  }
}

export class FakeDialog {
  openResult: { canceled: boolean; filePaths: string[] } = { canceled: true, filePaths: [] };
  saveResult: { canceled: boolean; filePath?: string } = { canceled: true };
  readonly openCalls: unknown[][] = [];
  readonly saveCalls: unknown[][] = [];
  showOpenDialog(...args: unknown[]) {
    this.openCalls.push(args);
    return Promise.resolve(this.openResult);
  }
  showSaveDialog(...args: unknown[]) {
    this.saveCalls.push(args);
    return Promise.resolve(this.saveResult);
  }
}

export class FakeProtocol {
  readonly privileged: unknown[] = [];
  readonly handlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    this.handlers.set(scheme, handler);
  }
}

export class FakeApp extends FakeEmitter {
  sandboxEnabled = false;
  quitCalled = false;
  /** What requestSingleInstanceLock answers: false when another copy already runs. */
  lock = true;
  requestSingleInstanceLock(): boolean {
    return this.lock;
  }
  // A folder of its own that does not exist yet: what the app writes there stays in the temp dir.
  constructor(public userData = join(tmpdir(), `mirabal-fake-user-data-${randomUUID()}`)) {
    super();
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
    return this.userData;
  }
  getVersion(): string {
    return '0.1.0';
  }
  quit(): void {
    this.quitCalled = true;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
}

/** One 1920×1080 screen (its work area less a 40 px task bar), or the screens given. */
export class FakeScreen {
  constructor(public workAreas = [{ x: 0, y: 0, width: 1920, height: 1040 }]) {}
  getAllDisplays() {
    return this.workAreas.map((workArea) => ({ workArea }));
  }
}

/** Electron's Menu: buildFromTemplate keeps the template, which setApplicationMenu records. */
export const FakeMenu = {
  shown: [] as FakeMenuItem[][],
  buildFromTemplate(template: FakeMenuItem[]): { template: FakeMenuItem[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: FakeMenuItem[] } | null): void {
    FakeMenu.shown.push(menu?.template ?? []);
  },
};
export interface FakeMenuItem {
  label?: string;
  role?: string;
  type?: string;
  enabled?: boolean;
  accelerator?: string;
  registerAccelerator?: boolean;
  click?: () => void;
  submenu?: FakeMenuItem[];
}

/** Lets fakes stand in for Electron's (much larger) types in calls under test. */
export function as<T>(fake: unknown): T {
  return fake as T;
}
