import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { APP_CLOSING, CHANNELS, FILES_OPENED, MENU_COMMAND, type ApiName } from '../../electron/contract';

const exposed = vi.hoisted(() => new Map<string, Record<string, unknown>>());
const invoke = vi.hoisted(() => vi.fn((..._args: unknown[]) => Promise.resolve('result')));
const listeners = vi.hoisted(() => new Map<string, (...args: unknown[]) => void>());
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
  ipcRenderer: { invoke, on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener) },
}));

const sample: Record<ApiName, unknown> = {
  openFiles: { title: 't', extensions: ['txt'], multiple: true },
  saveFile: { suggestedName: 'a.csv', bytes: new Uint8Array([1]) },
  writeBackup: { projectId: 'p1', fileName: 'b.mirabal', bytes: new Uint8Array([2]) },
  listBackups: { projectId: 'p1' },
  readBackup: { projectId: 'p1', fileName: 'b.mirabal' },
  revealBackups: { projectId: 'p1' },
  backupProjects: undefined,
  deleteBackups: { projectId: 'p1' },
  appInfo: undefined,
  readyToClose: undefined,
  stillClosing: undefined,
  setMenu: { menus: [{ label: 'Help', items: [{ kind: 'command', command: 'about', label: 'About', enabled: true }] }] },
  openedFiles: undefined,
  linkRecording: { title: 'Link the recording' },
  recordingStatus: { token: 't', fileName: 'a.mp3', size: 1, sha256: 'ab' },
  relinkRecording: { token: 't', fileName: 'a.mp3', size: 1, sha256: 'ab' },
  unlinkRecording: { token: 't' },
  recordingBytes: { token: 't', fileName: 'a.mp3', size: 1, sha256: 'ab' },
};
const NO_ARGS: ApiName[] = ['appInfo', 'readyToClose', 'stillClosing', 'backupProjects', 'openedFiles'];
const LISTENERS = ['onAppClosing', 'onMenuCommand', 'onFilesOpened'];

/**
 * Compiles preload.cts the way electron/tsconfig.json does (CommonJS) and runs it with
 * only the parameters Electron's sandboxed loader provides: require (of 'electron'
 * alone), exports and module. Vite would not load a .cts file itself.
 */
function runPreload(electron: unknown): void {
  const source = readFileSync(join(import.meta.dirname, '..', '..', 'electron', 'preload.cts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: 'preload.cts',
    compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2023 },
  });
  const exports = {};
  const require = (id: string): unknown => {
    if (id !== 'electron') throw new Error(`module not found: ${id}`);
    return electron;
  };
  runInNewContext(outputText, { require, exports, module: { exports } });
}

describe('electron/preload.cts', () => {
  it('runs as a sandboxed CommonJS preload, requiring nothing but electron', async () => {
    exposed.clear();
    const electron = await import('electron');
    expect(() => runPreload(electron)).not.toThrow();
    expect([...exposed.keys()]).toEqual(['workbench']);
  });

  it('exposes window.workbench with exactly one function per channel, each invoking its channel', async () => {
    exposed.clear();
    runPreload(await import('electron'));
    const api = exposed.get('workbench')!;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(CHANNELS), ...LISTENERS].sort());
    for (const name of Object.keys(CHANNELS) as ApiName[]) {
      invoke.mockClear();
      const fn = api[name] as (args?: unknown) => Promise<unknown>;
      expect(fn).toBeTypeOf('function');
      await expect(fn(sample[name])).resolves.toBe('result');
      const expected = NO_ARGS.includes(name) ? [CHANNELS[name]] : [CHANNELS[name], sample[name]];
      expect(invoke.mock.calls).toEqual([expected]);
    }
  });

  it('listens to app:closing: says ready at once until the page listens, then calls the page, without the event', async () => {
    exposed.clear();
    listeners.clear();
    runPreload(await import('electron'));
    expect([...listeners.keys()].sort()).toEqual([APP_CLOSING, FILES_OPENED, MENU_COMMAND].sort());
    const closing = listeners.get(APP_CLOSING)!;
    invoke.mockClear();
    closing({ sender: 'ipc internals' });
    expect(invoke.mock.calls).toEqual([[CHANNELS.readyToClose]]);
    invoke.mockClear();
    const heard: unknown[][] = [];
    (exposed.get('workbench')!['onAppClosing'] as (l: (...a: unknown[]) => void) => void)((...args) => heard.push(args));
    closing({ sender: 'ipc internals' });
    expect(heard).toEqual([[]]);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('passes menu commands to the page as a string only, keeping those that come before the page listens', async () => {
    exposed.clear();
    listeners.clear();
    runPreload(await import('electron'));
    const command = listeners.get(MENU_COMMAND)!;
    command({ sender: 'ipc internals' }, 'about');
    command({ sender: 'ipc internals' }, { not: 'a string' });
    const heard: unknown[][] = [];
    (exposed.get('workbench')!['onMenuCommand'] as (l: (...a: unknown[]) => void) => void)((...args) => heard.push(args));
    expect(heard).toEqual([['about']]);
    command({ sender: 'ipc internals' }, 'undo');
    expect(heard).toEqual([['about'], ['undo']]);
  });

  it('tells the page about opened files once it listens, without the event', async () => {
    exposed.clear();
    listeners.clear();
    runPreload(await import('electron'));
    const opened = listeners.get(FILES_OPENED)!;
    opened({ sender: 'ipc internals' });
    opened({ sender: 'ipc internals' });
    const heard: unknown[][] = [];
    (exposed.get('workbench')!['onFilesOpened'] as (l: (...a: unknown[]) => void) => void)((...args) => heard.push(args));
    expect(heard).toEqual([[]]);
    opened({ sender: 'ipc internals' });
    expect(heard).toEqual([[], []]);
  });
});
