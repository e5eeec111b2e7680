import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, MAX_BACKUPS_PER_PROJECT } from '../../electron/contract';
import { registerIpcHandlers } from '../../electron/ipc';
import { APP_INDEX_URL } from '../../electron/security';
import { FakeDialog, FakeIpcMain, as } from './fakes';

vi.mock('electron', () => ({}));

const UUID = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';
let dir: string;
let userData: string;
let ipc: FakeIpcMain;
let dialog: FakeDialog;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wb-ipc-'));
  userData = join(dir, 'userData'); // not created: handlers must create it only when they write
  ipc = new FakeIpcMain();
  dialog = new FakeDialog();
  registerIpcHandlers({
    ipcMain: as(ipc),
    dialog: as(dialog),
    getWindow: () => null,
    userDataDir: () => userData,
    appInfo: () => ({ version: '0.1.0', platform: 'linux', electron: '45.5.0' }),
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const call = (channel: string, ...args: unknown[]) => ipc.invoke(channel, APP_INDEX_URL, ...args);

describe('registration and sender checks', () => {
  it('registers exactly one handler per channel', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it.each(Object.values(CHANNELS))('%s refuses a foreign sender before doing anything', async (channel) => {
    dialog.openResult = { canceled: false, filePaths: [join(dir, 'x')] };
    for (const sender of ['https://evil.example/', 'file:///tmp/x.html', 'app://workbench/other.html', null]) {
      await expect(ipc.invoke(channel, sender, { projectId: UUID })).rejects.toThrow(
        `${channel}: refused a call from an unexpected sender`,
      );
    }
    expect(dialog.openCalls).toHaveLength(0);
    expect(dialog.saveCalls).toHaveLength(0);
    expect(existsSync(userData)).toBe(false);
  });

  it('refuses extra arguments', async () => {
    await expect(call(CHANNELS.appInfo, undefined, 'more')).rejects.toThrow('app:info: expected at most one argument');
  });
});

describe('malformed arguments are refused without touching the file system', () => {
  it.each([
    [
      CHANNELS.writeBackup,
      { projectId: UUID, fileName: '../../../.bashrc', bytes: new Uint8Array(1) },
      /fileName must be a plain file name/,
    ],
    [CHANNELS.writeBackup, { projectId: '../../etc', fileName: 'a.qdpx', bytes: new Uint8Array(1) }, /projectId must be a UUID-like id/],
    [CHANNELS.writeBackup, { projectId: UUID, fileName: 'a.qdpx', bytes: 'not bytes' }, /bytes must be a Uint8Array/],
    [CHANNELS.listBackups, { projectId: '..' }, /projectId must be a UUID-like id/],
    [CHANNELS.listBackups, undefined, /arguments must be an object/],
    [CHANNELS.openFiles, { title: 7, extensions: [], multiple: false }, /title must be a string/],
    [CHANNELS.saveFile, { suggestedName: '/etc/passwd', bytes: new Uint8Array(1) }, /without path separators/],
    [CHANNELS.appInfo, { x: 1 }, /takes no arguments/],
  ])('%s %j', async (channel, args, message) => {
    await expect(call(channel, args)).rejects.toThrow(message);
    expect(dialog.openCalls).toHaveLength(0);
    expect(dialog.saveCalls).toHaveLength(0);
    expect(existsSync(userData)).toBe(false);
  });
});

describe('dialog:openFiles', () => {
  it('returns the names and bytes of the chosen files', async () => {
    writeFileSync(join(dir, 'a.txt'), 'Interviewer: hello');
    writeFileSync(join(dir, 'b.vtt'), new Uint8Array([0xef, 0xbb, 0xbf, 0x57]));
    dialog.openResult = { canceled: false, filePaths: [join(dir, 'a.txt'), join(dir, 'b.vtt')] };
    const files = (await call(CHANNELS.openFiles, { title: 'Import', extensions: ['.txt', 'vtt'], multiple: true })) as {
      name: string;
      bytes: Uint8Array;
    }[];
    expect(files.map((f) => f.name)).toEqual(['a.txt', 'b.vtt']);
    expect(new TextDecoder().decode(files[0]!.bytes)).toBe('Interviewer: hello');
    expect([...files[1]!.bytes]).toEqual([0xef, 0xbb, 0xbf, 0x57]);
    expect(dialog.openCalls[0]).toEqual([
      {
        title: 'Import',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Supported files', extensions: ['txt', 'vtt'] }],
      },
    ]);
  });

  it('returns [] when the dialog is cancelled', async () => {
    dialog.openResult = { canceled: true, filePaths: [] };
    await expect(call(CHANNELS.openFiles, { title: 'Import', extensions: [], multiple: false })).resolves.toEqual([]);
    expect(dialog.openCalls[0]).toEqual([{ title: 'Import', properties: ['openFile'], filters: [] }]);
  });

  it('refuses files over 60 MB with a clear message', async () => {
    writeFileSync(join(dir, 'small.txt'), 'x');
    const big = join(dir, 'huge.docx');
    writeFileSync(big, '');
    truncateSync(big, 60 * 1024 * 1024 + 1); // sparse: no 60 MB actually written
    dialog.openResult = { canceled: false, filePaths: [join(dir, 'small.txt'), big] };
    await expect(call(CHANNELS.openFiles, { title: 'Import', extensions: [], multiple: true })).rejects.toThrow(
      '"huge.docx" is 60.0 MB; files over 60 MB are refused.',
    );
  });
});

describe('dialog:saveFile', () => {
  it('writes the bytes where the user chose', async () => {
    const target = join(dir, 'out.csv');
    dialog.saveResult = { canceled: false, filePath: target };
    await expect(call(CHANNELS.saveFile, { suggestedName: 'quotes.csv', bytes: new TextEncoder().encode('a,b') })).resolves.toEqual({
      saved: true,
      path: target,
    });
    expect(readFileSync(target, 'utf8')).toBe('a,b');
    expect(dialog.saveCalls[0]).toEqual([{ defaultPath: 'quotes.csv' }]);
  });
  it('reports a cancelled dialog', async () => {
    await expect(call(CHANNELS.saveFile, { suggestedName: 'q.csv', bytes: new Uint8Array() })).resolves.toEqual({ saved: false });
  });
});

describe('backup:write and backup:list', () => {
  const write = (fileName: string, text: string) =>
    call(CHANNELS.writeBackup, { projectId: UUID, fileName, bytes: new TextEncoder().encode(text) }) as Promise<{ path: string }>;

  it('writes to <userData>/backups/<projectId>/<fileName> and lists it', async () => {
    const { path } = await write('backup-001.qdpx', 'hello');
    expect(path).toBe(join(userData, 'backups', UUID, 'backup-001.qdpx'));
    expect(readFileSync(path, 'utf8')).toBe('hello');
    const list = (await call(CHANNELS.listBackups, { projectId: UUID })) as { fileName: string; size: number; modifiedAt: number }[];
    expect(list).toEqual([{ fileName: 'backup-001.qdpx', size: 5, modifiedAt: expect.any(Number) }]);
    expect(Math.abs(list[0]!.modifiedAt - Date.now())).toBeLessThan(60_000);
  });

  it('lists nothing for a project without backups', async () => {
    await expect(call(CHANNELS.listBackups, { projectId: UUID })).resolves.toEqual([]);
  });

  it(`keeps only the ${MAX_BACKUPS_PER_PROJECT} newest backups per project`, async () => {
    const other = '0a0b0c0d-0000-4000-8000-000000000000';
    await call(CHANNELS.writeBackup, { projectId: other, fileName: 'keep.qdpx', bytes: new Uint8Array(1) });
    for (let i = 1; i <= 25; i++) {
      const { path } = await write(`backup-${String(i).padStart(3, '0')}.qdpx`, `v${i}`);
      const t = new Date(Date.UTC(2024, 0, 1, 0, i)); // distinct, increasing mtimes
      utimesSync(path, t, t);
    }
    const names = readdirSync(join(userData, 'backups', UUID)).sort();
    expect(names).toHaveLength(MAX_BACKUPS_PER_PROJECT);
    expect(names[0]).toBe('backup-006.qdpx');
    expect(names.at(-1)).toBe('backup-025.qdpx');
    const list = (await call(CHANNELS.listBackups, { projectId: UUID })) as { fileName: string }[];
    expect(list.map((e) => e.fileName)[0]).toBe('backup-025.qdpx'); // newest first
    expect(readdirSync(join(userData, 'backups', other))).toEqual(['keep.qdpx']); // other projects untouched
  });

  it('keeps the backup just written even when older files look newer', async () => {
    for (let i = 1; i <= 20; i++) {
      const { path } = await write(`z-${String(i).padStart(2, '0')}.qdpx`, 'x');
      const future = new Date(Date.now() + 86_400_000);
      utimesSync(path, future, future);
    }
    await write('a-latest.qdpx', 'latest');
    const names = readdirSync(join(userData, 'backups', UUID));
    expect(names).toHaveLength(20);
    expect(names).toContain('a-latest.qdpx');
  });
});

describe('app:info', () => {
  it('returns version, platform and Electron version', async () => {
    await expect(call(CHANNELS.appInfo)).resolves.toEqual({ version: '0.1.0', platform: 'linux', electron: '45.5.0' });
  });
});
