// The grant store behind linked recordings, on real files in a temporary folder: hashing,
// persistence, status, "find the recording" and a damaged store.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordingRefArgs } from '../../electron/contract';
import { forgetLoadedLinks, grantFor, linkFile, linksFile, relink, statusOf, unlink } from '../../electron/recordingLinks';

let dir: string;
let userData: string;

beforeEach(() => {
  forgetLoadedLinks();
  dir = mkdtempSync(join(tmpdir(), 'wb-links-'));
  userData = join(dir, 'userData');
  mkdirSync(join(dir, 'interviews'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
function recording(name: string, bytes: Uint8Array = randomBytes(4096)): string {
  const file = join(dir, 'interviews', name);
  writeFileSync(file, bytes);
  return file;
}
async function linked(name = 'kieran-t2.mp3', bytes?: Uint8Array): Promise<RecordingRefArgs & { path: string }> {
  const f = await linkFile(userData, recording(name, bytes));
  return { token: f.token, fileName: f.fileName, size: f.size, sha256: f.sha256, path: f.path };
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('linkFile', () => {
  it('hashes the whole file in chunks, grants a new token, and keeps it across a fresh start', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17); // several read chunks
    const file = recording('Kieran T2.m4a', bytes);
    const f = await linkFile(userData, file);
    expect(f).toEqual({
      token: expect.stringMatching(UUID),
      fileName: 'Kieran T2.m4a',
      path: file,
      size: bytes.length,
      sha256: sha(bytes),
    });
    expect((await linkFile(userData, file)).token).not.toBe(f.token);
    forgetLoadedLinks();
    await expect(grantFor(userData, f.token)).resolves.toEqual({ path: file, size: bytes.length, sha256: sha(bytes) });
    expect(JSON.parse(readFileSync(linksFile(userData), 'utf8')).version).toBe(1);
  });

  it('refuses a file that is not a recording, naming it, and writes nothing', async () => {
    await expect(linkFile(userData, recording('notes.txt'))).rejects.toThrow('"notes.txt" is not a recording the app can play');
    mkdirSync(join(dir, 'interviews', 'folder.mp3'));
    await expect(linkFile(userData, join(dir, 'interviews', 'folder.mp3'))).rejects.toThrow('"folder.mp3" is not a regular file.');
    expect(existsSync(userData)).toBe(false);
  });

  it('keeps every grant when several links are written at once', async () => {
    const refs = await Promise.all(['a.mp3', 'b.wav', 'c.ogg', 'd.webm', 'e.mp4'].map((n) => linked(n)));
    forgetLoadedLinks();
    for (const ref of refs) expect((await grantFor(userData, ref.token))?.path).toBe(ref.path);
  });
});

describe('statusOf', () => {
  it('is ok while the file is there at its size, changed when its size differs, missing when it is gone', async () => {
    const ref = await linked();
    await expect(statusOf(userData, ref)).resolves.toBe('ok');
    appendFileSync(ref.path, 'more');
    await expect(statusOf(userData, ref)).resolves.toBe('changed');
    rmSync(ref.path);
    await expect(statusOf(userData, ref)).resolves.toBe('missing');
  });

  it('is missing for a token this computer never granted', async () => {
    const ref = await linked();
    await expect(statusOf(userData, { ...ref, token: randomUUID() })).resolves.toBe('missing');
  });
});

describe('relink', () => {
  it('takes the recording chosen at its new place, under the same token', async () => {
    const ref = await linked();
    const moved = join(dir, 'moved.mp3');
    renameSync(ref.path, moved);
    await expect(statusOf(userData, ref)).resolves.toBe('missing');
    await expect(relink(userData, ref, moved)).resolves.toEqual({ kind: 'found', path: moved, beside: false });
    await expect(statusOf(userData, ref)).resolves.toBe('ok');
    forgetLoadedLinks();
    expect((await grantFor(userData, ref.token))?.path).toBe(moved);
  });

  it('teaches a computer that never linked the token (a project opened elsewhere)', async () => {
    const bytes = randomBytes(2000);
    const ref = { token: randomUUID(), fileName: 'k.wav', size: bytes.length, sha256: sha(bytes) };
    const file = recording('k.wav', bytes);
    await expect(relink(userData, ref, file)).resolves.toEqual({ kind: 'found', path: file, beside: false });
    await expect(grantFor(userData, ref.token)).resolves.toEqual({ path: file, size: bytes.length, sha256: ref.sha256 });
  });

  it('says which file was wrong when neither it nor any file beside it is the recording', async () => {
    const ref = await linked();
    rmSync(ref.path);
    const other = recording('other.mp3', randomBytes(ref.size + 1));
    await expect(relink(userData, ref, other)).resolves.toEqual({ kind: 'wrong', fileName: 'other.mp3' });
    await expect(statusOf(userData, ref)).resolves.toBe('missing');
  });

  it('finds the recording beside a wrong file chosen in its folder', async () => {
    const bytes = randomBytes(5000);
    const ref = await linked('original.mp3', bytes);
    mkdirSync(join(dir, 'new'));
    rmSync(ref.path);
    const right = join(dir, 'new', 'renamed.ogg');
    writeFileSync(right, bytes);
    writeFileSync(join(dir, 'new', 'chosen.mp3'), randomBytes(10));
    const result = await relink(userData, ref, join(dir, 'new', 'chosen.mp3'));
    expect(result).toEqual({ kind: 'found', path: right, beside: true });
    await expect(statusOf(userData, ref)).resolves.toBe('ok');
  });

  it('does not take a file beside that has the size but not the content', async () => {
    const ref = await linked();
    rmSync(ref.path);
    recording('same-size.mp3', randomBytes(ref.size));
    const chosen = recording('chosen.wav', randomBytes(ref.size)); // same size, other content too
    await expect(relink(userData, ref, chosen)).resolves.toEqual({ kind: 'wrong', fileName: 'chosen.wav' });
  });

  it('does not serve the recording copied under a name that is not a recording', async () => {
    const bytes = randomBytes(3000);
    const ref = await linked('a.mp3', bytes);
    rmSync(ref.path);
    recording('a.bin', bytes);
    await expect(relink(userData, ref, recording('b.mp3', randomBytes(3)))).resolves.toEqual({ kind: 'wrong', fileName: 'b.mp3' });
  });

  it('refuses a chosen file that is not a recording, naming it', async () => {
    const ref = await linked();
    await expect(relink(userData, ref, recording('notes.docx'))).rejects.toThrow('"notes.docx" is not a recording the app can play');
  });
});

describe('unlink', () => {
  it('forgets the token for good', async () => {
    const ref = await linked();
    const keep = await linked('keep.mp3');
    await unlink(userData, ref.token);
    await unlink(userData, randomUUID()); // unknown: nothing to do
    await expect(grantFor(userData, ref.token)).resolves.toBeUndefined();
    forgetLoadedLinks();
    await expect(statusOf(userData, ref)).resolves.toBe('missing');
    await expect(statusOf(userData, keep)).resolves.toBe('ok');
  });
});

describe('a damaged store', () => {
  it.each(['{"version": 1, "links": {', 'null', '{"version": 2, "links": {}}', '\u0000\u0001'])(
    'starts empty without crashing, and keeps the damaged file aside when it first writes (%j)',
    async (text) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      mkdirSync(userData);
      writeFileSync(linksFile(userData), text);
      await expect(grantFor(userData, randomUUID())).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('recording-links.json is damaged'), expect.anything());
      expect(readFileSync(linksFile(userData), 'utf8')).toBe(text); // not overwritten by the load
      const ref = await linked();
      expect(readFileSync(`${linksFile(userData)}.damaged`, 'utf8')).toBe(text);
      forgetLoadedLinks();
      await expect(statusOf(userData, ref)).resolves.toBe('ok');
    },
  );

  it('skips entries that are not grants, keeping the others', async () => {
    const ref = await linked();
    const data = JSON.parse(readFileSync(linksFile(userData), 'utf8'));
    data.links['bad'] = { path: 7 };
    writeFileSync(linksFile(userData), JSON.stringify(data));
    forgetLoadedLinks();
    await expect(statusOf(userData, ref)).resolves.toBe('ok');
    await expect(grantFor(userData, 'bad')).resolves.toBeUndefined();
  });
});
