// The renderer's platform layer, exercised in Node: the Electron side with a fake
// window.workbench, the browser side with a minimal fake document.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkbenchApi } from '../../renderer/platform/contract';
import { browserPlatform, cleanIpcError, getPlatform } from '../../renderer/platform/platform';

function fakeApi(): WorkbenchApi {
  return {
    openFiles: vi.fn(async () => [{ name: 'a.txt', bytes: new Uint8Array([1]) }]),
    saveFile: vi.fn(async () => ({ saved: true, path: '/x/a.csv' })),
    writeBackup: vi.fn(async () => ({ path: '/u/backups/p/b.mirabal' })),
    listBackups: vi.fn(async () => []),
    readBackup: vi.fn(async () => new Uint8Array([7])),
    revealBackups: vi.fn(async () => undefined),
    backupProjects: vi.fn(async () => ['p1']),
    deleteBackups: vi.fn(async () => undefined),
    appInfo: vi.fn(async () => ({ version: '1', platform: 'linux', electron: '45.5.0', dataFolder: '/u', backupsFolder: '/u/backups' })),
    readyToClose: vi.fn(async () => undefined),
    stillClosing: vi.fn(async () => undefined),
    onAppClosing: vi.fn(),
    setMenu: vi.fn(async () => undefined),
    openedFiles: vi.fn(async () => ({ files: [{ name: 'S.mirabal', bytes: new Uint8Array([3]) }], problems: [] })),
    onMenuCommand: vi.fn(),
    onFilesOpened: vi.fn(),
    linkRecording: vi.fn(async () => null),
    recordingStatus: vi.fn(async () => 'ok' as const),
    relinkRecording: vi.fn(async () => ({ kind: 'cancelled' as const })),
    unlinkRecording: vi.fn(async () => undefined),
    recordingBytes: vi.fn(async () => new Uint8Array([1, 2, 3])),
  };
}

afterEach(() => {
  delete (globalThis as { workbench?: unknown }).workbench;
});

describe('getPlatform in Electron', () => {
  it('uses window.workbench when the preload exposed it', async () => {
    const api = fakeApi();
    (globalThis as { workbench?: unknown }).workbench = api;
    const p = getPlatform();
    expect(p.kind).toBe('electron');
    const opts = { title: 'Import', extensions: ['.txt'], multiple: true };
    await expect(p.openFiles(opts)).resolves.toHaveLength(1);
    expect(api.openFiles).toHaveBeenCalledWith(opts);
    await expect(p.saveFile('a.csv', new Uint8Array([9]), 'text/csv')).resolves.toBe(true);
    expect(api.saveFile).toHaveBeenCalledWith({ suggestedName: 'a.csv', bytes: new Uint8Array([9]) });
    const at = Date.UTC(2026, 11, 5, 11, 30);
    await expect(p.backups!.write('p', new Uint8Array([1]), at)).resolves.toEqual({
      fileName: 'backup-2026-12-05T11-30-00.000Z.mirabal',
      size: 1,
      takenAt: at,
    });
    expect(api.writeBackup).toHaveBeenCalledWith({
      projectId: 'p',
      fileName: 'backup-2026-12-05T11-30-00.000Z.mirabal',
      bytes: new Uint8Array([1]),
    });
    await expect(p.backups!.list('p')).resolves.toEqual([]);
    await expect(p.backups!.read('p', 'b.mirabal')).resolves.toEqual(new Uint8Array([7]));
    expect(api.readBackup).toHaveBeenCalledWith({ projectId: 'p', fileName: 'b.mirabal' });
    await p.backups!.reveal!('p');
    expect(api.revealBackups).toHaveBeenCalledWith({ projectId: 'p' });
    await expect(p.location()).resolves.toEqual({ data: "in the app's data folder, /u", backups: 'in /u/backups' });
  });

  it('runs the last backup when the window closes, then says ready, even when the backup fails', async () => {
    const api = fakeApi();
    (globalThis as { workbench?: unknown }).workbench = api;
    const steps: string[] = [];
    getPlatform().onAppClosing!(async () => {
      steps.push('backup');
      throw new Error('disk full');
    });
    const listener = vi.mocked(api.onAppClosing).mock.calls[0]![0];
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    listener();
    await vi.waitFor(() => expect(api.readyToClose).toHaveBeenCalledOnce());
    expect(steps).toEqual(['backup']);
    quiet.mockRestore();
  });

  it('is the same object, backups included, until the preload changes: views depend on it in effects', () => {
    const api = fakeApi();
    (globalThis as { workbench?: unknown }).workbench = api;
    const p = getPlatform();
    expect(getPlatform()).toBe(p);
    expect(getPlatform().backups).toBe(p.backups);
    (globalThis as { workbench?: unknown }).workbench = fakeApi();
    expect(getPlatform()).not.toBe(p);
  });

  it('shows the menu, passes its commands on, and hands over opened files', async () => {
    const api = fakeApi();
    (globalThis as { workbench?: unknown }).workbench = api;
    const p = getPlatform();
    const menus = [{ label: 'Help', items: [{ kind: 'command' as const, command: 'about' as const, label: 'About', enabled: true }] }];
    await p.menu!.show(menus);
    expect(api.setMenu).toHaveBeenCalledWith({ menus });
    const heard: string[] = [];
    p.menu!.onCommand((c) => heard.push(c));
    vi.mocked(api.onMenuCommand).mock.calls[0]![0]('about');
    expect(heard).toEqual(['about']);
    await expect(p.openedFiles!.take()).resolves.toEqual({ files: [{ name: 'S.mirabal', bytes: new Uint8Array([3]) }], problems: [] });
    const told = vi.fn();
    p.openedFiles!.onOpened(told);
    vi.mocked(api.onFilesOpened).mock.calls[0]![0]();
    expect(told).toHaveBeenCalledOnce();
  });

  it("passes main's message on without Electron's wrapping", async () => {
    const api = fakeApi();
    api.openFiles = async () => {
      throw new Error(`Error invoking remote method 'dialog:openFiles': Error: "big.docx" is 70.0 MB; files over 60 MB are refused.`);
    };
    (globalThis as { workbench?: unknown }).workbench = api;
    await expect(getPlatform().openFiles({ title: 't', extensions: [], multiple: false })).rejects.toThrow(
      /^"big.docx" is 70.0 MB; files over 60 MB are refused.$/,
    );
    expect(cleanIpcError('odd').message).toBe('odd');
  });
});

/** Just enough DOM for browserPlatform: elements record clicks and listeners. */
function fakeDocument() {
  const appended: FakeElement[] = [];
  class FakeElement {
    [key: string]: unknown;
    style: Record<string, string> = {};
    listeners = new Map<string, () => void>();
    clicked = 0;
    removed = false;
    constructor(readonly tag: string) {}
    addEventListener(type: string, l: () => void) {
      this.listeners.set(type, l);
    }
    click() {
      this.clicked++;
    }
    remove() {
      this.removed = true;
    }
  }
  const doc = {
    createElement: (tag: string) => new FakeElement(tag),
    body: { append: (el: FakeElement) => appended.push(el) },
  };
  return { doc: doc as unknown as Document, appended };
}

describe('browserPlatform', () => {
  it('opens a hidden file input with the accepted extensions and reads the chosen files', async () => {
    const { doc, appended } = fakeDocument();
    const picked = browserPlatform(doc).openFiles({ title: 't', extensions: ['.txt', 'docx'], multiple: true });
    const input = appended[0]!;
    expect(input).toMatchObject({ tag: 'input', type: 'file', multiple: true, accept: '.txt,.docx', clicked: 1 });
    input['files'] = [new File(['hello'], 'a.txt')];
    input.listeners.get('change')!();
    const files = await picked;
    expect(files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([['a.txt', 'hello']]);
    expect(input.removed).toBe(true);
  });

  it('resolves [] when the picker is cancelled', async () => {
    const { doc, appended } = fakeDocument();
    const picked = browserPlatform(doc).openFiles({ title: 't', extensions: [], multiple: false });
    appended[0]!.listeners.get('cancel')!();
    await expect(picked).resolves.toEqual([]);
  });

  it('saves through a Blob download link', async () => {
    const { doc, appended } = fakeDocument();
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake');
    const p = browserPlatform(doc);
    expect(p.kind).toBe('browser');
    expect(p.backups).toBeNull(); // Node has no OPFS: browser mode then says so
    expect(p.onAppClosing).toBeUndefined();
    await expect(p.saveFile('quotes.csv', new Uint8Array([65]), 'text/csv')).resolves.toBe(true);
    expect(appended[0]).toMatchObject({ tag: 'a', href: 'blob:fake', download: 'quotes.csv', clicked: 1, removed: true });
    const blob = create.mock.calls[0]![0] as Blob;
    expect(blob.type).toBe('text/csv');
    expect(await blob.text()).toBe('A');
    create.mockRestore();
  });
});
