// Linked recordings on app://workbench/recording/<token>: only granted files, with the Range
// answers <audio> and <video> need to play and seek, and nothing else on the disk.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { linkFile } from '../../electron/recordingLinks';
import { parseRange, recordingResponse, serveAppProtocol } from '../../electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { FakeProtocol, as } from './fakes';

vi.mock('electron', () => ({}));

const root = mkdtempSync(join(tmpdir(), 'wb-recording-protocol-'));
const userData = join(root, 'userData');
const dist = join(root, 'dist');
mkdirSync(dist);
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(root, 'secret.txt'), 'not a recording');
afterAll(() => rmSync(root, { recursive: true, force: true }));

// 300 bytes whose values say where they are, so a slice is easy to check.
const BYTES = Uint8Array.from({ length: 300 }, (_, i) => i % 256);
async function granted(name: string, bytes: Uint8Array = BYTES): Promise<{ url: string; path: string }> {
  const path = join(root, name);
  writeFileSync(path, bytes);
  const { token } = await linkFile(userData, path);
  return { url: `app://workbench/recording/${token}`, path };
}
const body = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe('app://workbench/recording/<token>', () => {
  it('sends the whole file, streamed, with its type and Accept-Ranges, when no range is asked', async () => {
    const { url } = await granted('whole.mp3');
    const res = await recordingResponse(userData, url, null);
    expect(res.status).toBe(200);
    expect(res.body).toBeInstanceOf(ReadableStream);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe('300');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await body(res)).toEqual(BYTES);
  });

  it('answers bytes=10-19 with 206 and exactly those bytes', async () => {
    const { url } = await granted('range.mp4');
    const res = await recordingResponse(userData, url, 'bytes=10-19');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 10-19/300');
    expect(res.headers.get('content-length')).toBe('10');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await body(res)).toEqual(BYTES.slice(10, 20));
  });

  it('answers an open-ended range, and an end past the file, up to its last byte', async () => {
    const { url } = await granted('open.webm');
    const open = await recordingResponse(userData, url, 'bytes=100-');
    expect(open.status).toBe(206);
    expect(open.headers.get('content-range')).toBe('bytes 100-299/300');
    expect(open.headers.get('content-length')).toBe('200');
    expect(await body(open)).toEqual(BYTES.slice(100));
    const past = await recordingResponse(userData, url, 'bytes=290-5000');
    expect(past.headers.get('content-range')).toBe('bytes 290-299/300');
    expect(await body(past)).toEqual(BYTES.slice(290));
    const suffix = await recordingResponse(userData, url, 'bytes=-5');
    expect(suffix.headers.get('content-range')).toBe('bytes 295-299/300');
    expect(await body(suffix)).toEqual(BYTES.slice(295));
  });

  it('answers 416 with the size to a range past the end', async () => {
    const { url } = await granted('short.wav');
    for (const range of ['bytes=300-', 'bytes=1000-2000', 'bytes=-0']) {
      const res = await recordingResponse(userData, url, range);
      expect(res.status).toBe(416);
      expect(res.headers.get('content-range')).toBe('bytes */300');
    }
  });

  it('sends the whole file for a range header it does not take (several ranges, other units, backwards)', async () => {
    const { url } = await granted('other.ogg');
    for (const range of ['bytes=0-1,5-6', 'items=0-5', 'bytes=20-10', 'bytes=-', 'nonsense']) {
      const res = await recordingResponse(userData, url, range);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('audio/ogg');
      expect((await body(res)).length).toBe(300);
    }
  });

  it.each([
    'app://workbench/recording/3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b', // a token never granted
    'app://workbench/recording/',
    'app://workbench/recording/../secret.txt',
    'app://workbench/recording/%2e%2e/secret.txt',
    'app://workbench/recording/..%2Fsecret.txt',
    'app://workbench/recording/..%5Csecret.txt',
    `app://workbench/recording/${join(root, 'secret.txt')}`,
    'app://workbench/recording/%2Fetc%2Fpasswd',
    'app://other/recording/3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b',
  ])('answers 404 to anything but a granted token (%s)', async (url) => {
    const res = await recordingResponse(userData, url, null);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('not a recording');
  });

  it('answers 404 for a token with extra path, or upper-case, around a granted one', async () => {
    const { url } = await granted('exact.mp3');
    for (const bad of [`${url}/x`, `${url}x`, url.replace(/[0-9a-f-]+$/, (token) => token.toUpperCase())]) {
      expect((await recordingResponse(userData, bad, null)).status).toBe(404);
    }
  });

  it('answers 404 once the file is gone or no longer the size it was linked at', async () => {
    const grown = await granted('grown.mp3');
    appendFileSync(grown.path, 'x');
    expect((await recordingResponse(userData, grown.url, 'bytes=0-9')).status).toBe(404);
    const gone = await granted('gone.mp3');
    rmSync(gone.path);
    expect((await recordingResponse(userData, gone.url, null)).status).toBe(404);
  });

  it('serves an empty file as an empty body', async () => {
    const { url } = await granted('empty.m4a', new Uint8Array());
    const res = await recordingResponse(userData, url, null);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('0');
    expect((await body(res)).length).toBe(0);
    expect((await recordingResponse(userData, url, 'bytes=0-')).status).toBe(416);
  });
});

describe('serveAppProtocol', () => {
  it('answers recordings from the grants and everything else from dist/, passing the Range header on', async () => {
    const protocol = new FakeProtocol();
    serveAppProtocol(as(protocol), dist, userData);
    const handle = protocol.handlers.get('app')!;
    const { url } = await granted('served.mp3');
    const res = await handle(new Request(url, { headers: { Range: 'bytes=1-2' } }));
    expect(res.status).toBe(206);
    expect(await body(res)).toEqual(BYTES.slice(1, 3));
    const page = await handle(new Request('app://workbench/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>app</title>');
    expect((await handle(new Request('app://workbench/recording/index.html'))).status).toBe(404);
  });
});

describe('parseRange', () => {
  it.each([
    [null, 100, null],
    ['bytes=0-0', 100, [0, 0]],
    ['bytes=0-99', 100, [0, 99]],
    ['bytes=0-', 100, [0, 99]],
    ['Bytes=5-6', 100, [5, 6]],
    ['bytes=-200', 100, [0, 99]],
    ['bytes=99-', 100, [99, 99]],
    ['bytes=100-', 100, 'unsatisfiable'],
    ['bytes=0-', 0, 'unsatisfiable'],
    ['bytes=99999999999999999999-', 100, 'unsatisfiable'],
    ['bytes=0-99999999999999999999', 100, [0, 99]],
    ['bytes=1-2, 4-5', 100, null],
    ['bytes= 1-2', 100, null],
  ] as const)('%j of %d bytes is %j', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
