import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupFileName } from '../../electron/backupPolicy';
import { CHANNELS, type MenuSpec } from '../../electron/contract';
import { registerIpcHandlers } from '../../electron/ipc';
import { APP_INDEX_URL } from '../../electron/security';
import { FakeDialog, FakeIpcMain, as } from './fakes';

vi.mock('electron', () => ({}));

const UUID = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';
const INFO = { version: '0.1.0', platform: 'linux', electron: '45.5.0', dataFolder: '/u', backupsFolder: '/u/backups' };
const NAME = backupFileName(Date.UTC(2026, 11, 5, 11, 30));
let dir: string;
let userData: string;
let ipc: FakeIpcMain;
let dialog: FakeDialog;
let opened: string[];
let readyToClose: number;
let stillClosing = 0;
let menusShown: MenuSpec[][];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wb-ipc-'));
  userData = join(dir, 'userData'); // not created: handlers must create it only when they write
  ipc = new FakeIpcMain();
  dialog = new FakeDialog();
  opened = [];
  readyToClose = 0;
  menusShown = [];
  registerIpcHandlers({
    ipcMain: as(ipc),
    dialog: as(dialog),
    shell: { openPath: (p: string) => (opened.push(p), Promise.resolve('')) },
    getWindow: () => null,
    userDataDir: () => userData,
    appInfo: () => INFO,
    readyToClose: () => void readyToClose++,
    stillClosing: () => void stillClosing++,
    setMenu: (menus) => void menusShown.push(menus),
    takeOpenedFiles: () => Promise.resolve({ files: [], problems: [] }),
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
    [CHANNELS.writeBackup, { projectId: UUID, fileName: '../../../.bashrc', bytes: new Uint8Array(1) }, /fileName must be a backup name/],
    [CHANNELS.writeBackup, { projectId: UUID, fileName: 'notes.txt', bytes: new Uint8Array(1) }, /fileName must be a backup name/],
    [CHANNELS.writeBackup, { projectId: '../../etc', fileName: NAME, bytes: new Uint8Array(1) }, /projectId must be a UUID-like id/],
    [CHANNELS.writeBackup, { projectId: UUID, fileName: NAME, bytes: 'not bytes' }, /bytes must be a Uint8Array/],
    [CHANNELS.readBackup, { projectId: UUID, fileName: `../${NAME}` }, /fileName must be a backup name/],
    [CHANNELS.readBackup, { projectId: UUID }, /fileName must be a string/],
    [CHANNELS.revealBackups, { projectId: '/etc' }, /projectId must be a UUID-like id/],
    [CHANNELS.readyToClose, { now: true }, /takes no arguments/],
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
  it('replaces an earlier file whole, through a temporary file that does not stay behind', async () => {
    const target = join(dir, 'out.csv');
    writeFileSync(target, 'an older, longer export');
    dialog.saveResult = { canceled: false, filePath: target };
    await call(CHANNELS.saveFile, { suggestedName: 'out.csv', bytes: new TextEncoder().encode('new') });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir).filter((n) => n !== 'userData')).toEqual(['out.csv']);
  });
  it('leaves what was there when the write fails, and no temporary file', async () => {
    const target = join(dir, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true }); // a folder: the rename over it fails
    dialog.saveResult = { canceled: false, filePath: target };
    await expect(call(CHANNELS.saveFile, { suggestedName: 'taken', bytes: new Uint8Array([1]) })).rejects.toThrow();
    expect(readdirSync(target)).toEqual(['inside']);
    expect(readdirSync(dir)).toEqual(['taken']);
  });
  it('reports a cancelled dialog', async () => {
    await expect(call(CHANNELS.saveFile, { suggestedName: 'q.csv', bytes: new Uint8Array() })).resolves.toEqual({ saved: false });
  });
});

describe('backups: write, list, read, reveal', () => {
  const at = (day: number, hour = 12) => Date.UTC(2026, 10, day, hour);
  const write = (fileName: string, text: string) =>
    call(CHANNELS.writeBackup, { projectId: UUID, fileName, bytes: new TextEncoder().encode(text) }) as Promise<{ path: string }>;

  it('writes to <userData>/backups/<projectId>/<fileName>, lists it with its time, and reads it back', async () => {
    const { path } = await write(NAME, 'hello');
    expect(path).toBe(join(userData, 'backups', UUID, NAME));
    expect(readFileSync(path, 'utf8')).toBe('hello');
    await expect(call(CHANNELS.listBackups, { projectId: UUID })).resolves.toEqual([
      { fileName: NAME, size: 5, takenAt: Date.UTC(2026, 11, 5, 11, 30) },
    ]);
    const bytes = (await call(CHANNELS.readBackup, { projectId: UUID, fileName: NAME })) as Uint8Array;
    expect(new TextDecoder().decode(bytes)).toBe('hello');
  });

  it('lists nothing for a project without backups, and says when a backup is gone', async () => {
    await expect(call(CHANNELS.listBackups, { projectId: UUID })).resolves.toEqual([]);
    await expect(call(CHANNELS.readBackup, { projectId: UUID, fileName: NAME })).rejects.toThrow(
      `The backup "${NAME}" is no longer there.`,
    );
  });

  it('leaves no temporary file behind, and lists neither temporary nor foreign files', async () => {
    await write(NAME, 'x');
    const folder = join(userData, 'backups', UUID);
    writeFileSync(join(folder, `.${NAME}.123.tmp`), 'half'); // a write a crash cut off
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
    const list = (await call(CHANNELS.listBackups, { projectId: UUID })) as { fileName: string }[];
    expect(list.map((e) => e.fileName)).toEqual([NAME]);
  });

  it('prunes by the rotation rule after each write, never another project, never a foreign file', async () => {
    const other = '0a0b0c0d-0000-4000-8000-000000000000';
    await call(CHANNELS.writeBackup, { projectId: other, fileName: backupFileName(at(1)), bytes: new Uint8Array(1) });
    writeFileSync(join(dir, 'x'), '');
    // 30 backups a day apart, oldest first: each write prunes with the real clock (December 2026
    // or later), so only the newest ten and what falls in the day/week windows survive.
    for (let day = 1; day <= 30; day++) await write(backupFileName(at(day)), `v${day}`);
    const names = readdirSync(join(userData, 'backups', UUID));
    expect(names).toContain(backupFileName(at(30)));
    expect(names.length).toBeLessThan(30);
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(readdirSync(join(userData, 'backups', other))).toEqual([backupFileName(at(1))]);
    const list = (await call(CHANNELS.listBackups, { projectId: UUID })) as { takenAt: number }[];
    expect(list[0]!.takenAt).toBe(at(30)); // newest first
  });

  it('keeps the backup just written even when the clock is far ahead of it', async () => {
    for (let day = 1; day <= 12; day++) await write(backupFileName(Date.now() + day * 86_400_000), 'future');
    await write(backupFileName(at(1)), 'latest'); // a machine whose clock was wrong
    expect(readdirSync(join(userData, 'backups', UUID))).toContain(backupFileName(at(1)));
  });

  it("lists every project that has a backup, listed or not, and deletes all of one project's backups", async () => {
    const other = '0a0b0c0d-0000-4000-8000-000000000000';
    await expect(call(CHANNELS.backupProjects, undefined)).resolves.toEqual([]);
    await write(NAME, 'x');
    await call(CHANNELS.writeBackup, { projectId: other, fileName: NAME, bytes: new Uint8Array(1) });
    mkdirSync(join(userData, 'backups', 'empty-folder'));
    writeFileSync(join(userData, 'backups', 'stray.txt'), '');
    await expect(call(CHANNELS.backupProjects, undefined)).resolves.toEqual([other, UUID].sort());
    await expect(call(CHANNELS.backupProjects, { all: true })).rejects.toThrow(/takes no arguments/);
    await call(CHANNELS.deleteBackups, { projectId: UUID });
    expect(existsSync(join(userData, 'backups', UUID))).toBe(false);
    await expect(call(CHANNELS.backupProjects, undefined)).resolves.toEqual([other]);
    await expect(call(CHANNELS.deleteBackups, { projectId: '../..' })).rejects.toThrow(/projectId must be a UUID-like id/);
    expect(existsSync(join(userData, 'backups', other))).toBe(true);
  });

  it("reveals the project's backups folder, creating it", async () => {
    await call(CHANNELS.revealBackups, { projectId: UUID });
    expect(opened).toEqual([join(userData, 'backups', UUID)]);
    expect(existsSync(opened[0]!)).toBe(true);
  });
});

describe('app:readyToClose', () => {
  it('tells main the page is ready', async () => {
    await call(CHANNELS.readyToClose);
    expect(readyToClose).toBe(1);
  });
});

describe('app:info', () => {
  it('returns version, platform and Electron version', async () => {
    await expect(call(CHANNELS.appInfo)).resolves.toEqual(INFO);
  });
});

describe('menu:set', () => {
  it('shows the menu the page describes, checked first', async () => {
    const menus: MenuSpec[] = [
      {
        label: 'Help',
        items: [{ kind: 'command', command: 'shortcutSheet', label: 'Keyboard shortcuts', accelerator: 'F1', enabled: true }],
      },
    ];
    await call(CHANNELS.setMenu, { menus });
    expect(menusShown).toEqual([menus]);
    await expect(call(CHANNELS.setMenu, { menus: [] })).rejects.toThrow('menu:set: menus must be an array of 1 to 8 menus');
    expect(menusShown).toHaveLength(1);
  });
});

describe('app:openedFiles', () => {
  it('takes no arguments', async () => {
    await expect(call(CHANNELS.openedFiles)).resolves.toEqual({ files: [], problems: [] });
    await expect(call(CHANNELS.openedFiles, { path: '/etc/passwd' })).rejects.toThrow('app:openedFiles: takes no arguments');
  });
});

describe('app:stillClosing', () => {
  it('tells main the page is still finishing', async () => {
    const before = stillClosing;
    await call(CHANNELS.stillClosing);
    expect(stillClosing).toBe(before + 1);
  });
});
