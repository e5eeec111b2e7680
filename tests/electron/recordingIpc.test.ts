// The recording channels through registerIpcHandlers, with main's dialog faked and real files:
// the page gets tokens for files chosen in main's dialog, never a say in which path is served.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHANNELS,
  RECORDING_BYTES_MAX,
  RECORDING_FILE_EXTENSIONS,
  RECORDING_MEDIA_TYPES,
  type LinkedRecordingFile,
} from '../../electron/contract';
import { PEAKS_MAX_BYTES, RECORDING_TYPES } from '../../renderer/core/media';
import { registerIpcHandlers } from '../../electron/ipc';
import { forgetLoadedLinks, grantFor } from '../../electron/recordingLinks';
import { APP_INDEX_URL } from '../../electron/security';
import { FakeDialog, FakeIpcMain, as } from './fakes';

vi.mock('electron', () => ({}));

let dir: string;
let userData: string;
let ipc: FakeIpcMain;
let dialog: FakeDialog;
const window = { id: 'the window' };
let hasWindow: boolean;

beforeEach(() => {
  forgetLoadedLinks();
  dir = mkdtempSync(join(tmpdir(), 'wb-recording-ipc-'));
  userData = join(dir, 'userData');
  ipc = new FakeIpcMain();
  dialog = new FakeDialog();
  hasWindow = false;
  registerIpcHandlers({
    ipcMain: as(ipc),
    dialog: as(dialog),
    shell: { openPath: () => Promise.resolve('') },
    getWindow: () => (hasWindow ? as(window) : null),
    userDataDir: () => userData,
    appInfo: () => ({ version: '0', platform: 'linux', electron: '0', dataFolder: userData, backupsFolder: userData }),
    readyToClose: () => undefined,
    stillClosing: () => undefined,
    setMenu: () => undefined,
    takeOpenedFiles: () => Promise.resolve({ files: [], problems: [] }),
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const call = (channel: string, ...args: unknown[]) => ipc.invoke(channel, APP_INDEX_URL, ...args);
const FILTERS = [{ name: 'Recordings', extensions: [...RECORDING_FILE_EXTENSIONS] }];
function file(name: string, bytes: Uint8Array = randomBytes(1000)): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
async function link(name = 'Kieran T2.mp3'): Promise<LinkedRecordingFile> {
  dialog.openResult = { canceled: false, filePaths: [file(name)] };
  return (await call(CHANNELS.linkRecording, { title: 'Link' })) as LinkedRecordingFile;
}
const refOf = (f: LinkedRecordingFile) => ({ token: f.token, fileName: f.fileName, size: f.size, sha256: f.sha256 });

describe('recording:link', () => {
  it("opens main's dialog for one recording, attached to the window, and grants the file chosen", async () => {
    hasWindow = true;
    const bytes = randomBytes(2048);
    const path = file('Kieran T2.wav', bytes);
    dialog.openResult = { canceled: false, filePaths: [path] };
    const linked = (await call(CHANNELS.linkRecording, { title: 'Link the recording of Kieran, Time 2' })) as LinkedRecordingFile;
    expect(dialog.openCalls).toEqual([
      [window, { title: 'Link the recording of Kieran, Time 2', properties: ['openFile'], filters: FILTERS }],
    ]);
    expect(linked).toEqual({
      token: expect.stringMatching(/^[0-9a-f-]{36}$/),
      fileName: 'Kieran T2.wav',
      path,
      size: 2048,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect((await grantFor(userData, linked.token))?.path).toBe(path);
  });

  it('answers null when the dialog is cancelled, and writes nothing', async () => {
    await expect(call(CHANNELS.linkRecording, { title: 'Link' })).resolves.toBeNull();
    expect(dialog.openCalls).toEqual([[{ title: 'Link', properties: ['openFile'], filters: FILTERS }]]);
    expect(existsSync(userData)).toBe(false);
  });

  it('refuses a file that is not a recording, naming it', async () => {
    dialog.openResult = { canceled: false, filePaths: [file('transcript.docx')] };
    await expect(call(CHANNELS.linkRecording, { title: 'Link' })).rejects.toThrow('"transcript.docx" is not a recording the app can play');
    expect(existsSync(userData)).toBe(false);
  });

  it('takes no path from the page', async () => {
    await expect(call(CHANNELS.linkRecording, { title: 'Link', path: '/etc/passwd' })).rejects.toThrow(
      'recording:link: unexpected argument(s): path',
    );
    expect(dialog.openCalls).toHaveLength(0);
  });
});

describe('recording:status', () => {
  it('is ok for a linked file, missing when it moved or the token is unknown', async () => {
    const linked = await link();
    await expect(call(CHANNELS.recordingStatus, refOf(linked))).resolves.toBe('ok');
    await expect(call(CHANNELS.recordingStatus, { ...refOf(linked), token: randomUUID() })).resolves.toBe('missing');
    renameSync(linked.path, join(dir, 'moved.mp3'));
    await expect(call(CHANNELS.recordingStatus, refOf(linked))).resolves.toBe('missing');
  });
});

describe('recording:relink', () => {
  it('asks to find the recording by its name and takes the file at its new place', async () => {
    hasWindow = true;
    const linked = await link();
    const moved = join(dir, 'moved.mp3');
    renameSync(linked.path, moved);
    dialog.openResult = { canceled: false, filePaths: [moved] };
    await expect(call(CHANNELS.relinkRecording, refOf(linked))).resolves.toEqual({ kind: 'found', path: moved, beside: false });
    expect(dialog.openCalls[1]).toEqual([
      window,
      { title: 'Find the recording Kieran T2.mp3', defaultPath: 'Kieran T2.mp3', properties: ['openFile'], filters: FILTERS },
    ]);
    await expect(call(CHANNELS.recordingStatus, refOf(linked))).resolves.toBe('ok');
  });

  it('answers wrong for another file, and cancelled when no file is chosen', async () => {
    const linked = await link();
    dialog.openResult = { canceled: false, filePaths: [file('other.mp3', randomBytes(7))] };
    // Beside the chosen file, the recording would be found: renamed to a non-recording, it is not.
    renameSync(linked.path, join(dir, 'away.bin'));
    await expect(call(CHANNELS.relinkRecording, refOf(linked))).resolves.toEqual({ kind: 'wrong', fileName: 'other.mp3' });
    dialog.openResult = { canceled: true, filePaths: [] };
    await expect(call(CHANNELS.relinkRecording, refOf(linked))).resolves.toEqual({ kind: 'cancelled' });
  });

  it('refuses a chosen file that is not a recording', async () => {
    const linked = await link();
    dialog.openResult = { canceled: false, filePaths: [file('notes.txt')] };
    await expect(call(CHANNELS.relinkRecording, refOf(linked))).rejects.toThrow('"notes.txt" is not a recording the app can play');
  });

  it('refuses a path as the name to look for, before any dialog', async () => {
    const linked = await link();
    await expect(call(CHANNELS.relinkRecording, { ...refOf(linked), fileName: '../../etc/passwd' })).rejects.toThrow(
      'recording:relink: fileName must be a plain file name without path separators',
    );
    expect(dialog.openCalls).toHaveLength(1); // the link's only
  });
});

describe('recording:unlink', () => {
  it('forgets the token', async () => {
    const linked = await link();
    await call(CHANNELS.unlinkRecording, { token: linked.token });
    await expect(call(CHANNELS.recordingStatus, refOf(linked))).resolves.toBe('missing');
    await expect(call(CHANNELS.unlinkRecording, { token: 'not-a-token' })).rejects.toThrow('recording:unlink: token must be');
  });
});

describe('what a recording may be', () => {
  it('is the same in main as in the page’s core (which cannot import the contract)', () => {
    const page = Object.fromEntries(Object.entries(RECORDING_TYPES).map(([ext, type]) => [ext.slice(1), type]));
    expect(RECORDING_MEDIA_TYPES).toEqual(page);
    // The largest file whose waveform main hands over is the largest the page draws one for.
    expect(RECORDING_BYTES_MAX).toBe(PEAKS_MAX_BYTES);
  });
});

describe('recording:bytes', () => {
  it('hands over a linked file’s bytes, for its waveform, only while it is the file linked', async () => {
    const bytes = randomBytes(5000);
    dialog.openResult = { canceled: false, filePaths: [file('Dale T1.wav', bytes)] };
    const linked = (await call(CHANNELS.linkRecording, { title: 'Link' })) as LinkedRecordingFile;
    expect(Buffer.from((await call(CHANNELS.recordingBytes, refOf(linked))) as Uint8Array)).toEqual(bytes);
    // A token main never made, and a file changed since, give nothing.
    await expect(call(CHANNELS.recordingBytes, { ...refOf(linked), token: randomUUID() })).rejects.toThrow(
      'The recording Dale T1.wav is not where it was linked, or has changed.',
    );
    writeFileSync(linked.path, randomBytes(10));
    await expect(call(CHANNELS.recordingBytes, refOf(linked))).rejects.toThrow('is not where it was linked, or has changed');
  });

  it('refuses a file over the limit: it plays without a waveform', async () => {
    const linked = await link();
    const big = { ...refOf(linked), size: RECORDING_BYTES_MAX + 1 };
    await expect(call(CHANNELS.recordingBytes, big)).rejects.toThrow(
      'The recording Kieran T2.mp3 is over 512 MB: it plays, without a waveform.',
    );
  });
});

describe('the recording channels check their caller and arguments', () => {
  it.each([CHANNELS.linkRecording, CHANNELS.recordingStatus, CHANNELS.relinkRecording, CHANNELS.unlinkRecording, CHANNELS.recordingBytes])(
    '%s refuses a foreign sender and a second argument',
    async (channel) => {
      await expect(ipc.invoke(channel, 'https://evil.example/', { title: 'x' })).rejects.toThrow(
        'refused a call from an unexpected sender',
      );
      await expect(call(channel, { title: 'x' }, 'more')).rejects.toThrow(`${channel}: expected at most one argument`);
      expect(dialog.openCalls).toHaveLength(0);
    },
  );
});
