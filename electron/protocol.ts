// Serves the built renderer (dist/) on app://workbench/ instead of file://.
// Why a custom scheme: (1) the CSP header is set on every response right here,
// whereas webRequest header hooks are not reliable for file:// loads; (2) the page
// can only ever read files inside dist/, while a file:// page may address any
// file:// URL on the disk; (3) a standard, secure scheme gives a stable origin of
// its own for IndexedDB, where the projects live.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Protocol } from 'electron';
import { RECORDING_MEDIA_TYPES, RECORDING_PATH } from './contract.js';
import { grantFor } from './recordingLinks.js';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Must run before the app is ready: standard + secure make app:// behave like https
 * (origin, storage, secure context). stream lets <audio> and <video> play linked recordings
 * from app:// as they arrive and seek in them by Range requests, instead of waiting for
 * the whole file. corsEnabled stays off on purpose: the page loads its modules
 * same-origin, and with it on any origin could read app:// responses.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true } },
  ]);
}

/** Serves dist/ and, under RECORDING_PATH, the recordings granted in <userData>. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, distDir: string, userData: string): void {
  protocol.handle(APP_SCHEME, (request) =>
    isRecordingUrl(request.url)
      ? recordingResponse(userData, request.url, request.headers.get('range'))
      : appResponse(distDir, request.url),
  );
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

const SECURITY_HEADERS = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };

/** The response for one app:// URL: a file from distDir, or 400/404. Never outside distDir. */
export async function appResponse(distDir: string, url: string): Promise<Response> {
  let pathname: string;
  try {
    const u = new URL(url);
    if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return plain(404, 'Not found');
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return plain(400, 'Bad request');
  }
  if (pathname.includes('\0')) return plain(400, 'Bad request');
  const root = path.resolve(distDir);
  const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  // URL parsing already collapses "/../", but encoded separators (%2F, %5C) survive it.
  if (!file.startsWith(root + path.sep)) return plain(404, 'Not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return plain(404, 'Not found');
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      ...SECURITY_HEADERS,
    },
  });
}

/** True for app://workbench/recording/…, which only recordingResponse answers. */
export function isRecordingUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.pathname.startsWith(RECORDING_PATH);
  } catch {
    return false;
  }
}

// The whole rest of the path is the token, checked before decoding: nothing else is a file name.
const TOKEN_PATH = new RegExp(`^${RECORDING_PATH}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`);

/**
 * A linked recording, by its token: only a file main granted (recordingLinks.ts), and only while
 * it is the size it was linked at (otherwise it is not the recording, and the page says so).
 * Media elements seek by Range requests, answered 206 with the bytes asked for, read as they
 * are sent: a recording can be several GB.
 */
export async function recordingResponse(userData: string, url: string, rangeHeader: string | null): Promise<Response> {
  let token: string | undefined;
  try {
    const u = new URL(url);
    if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) token = TOKEN_PATH.exec(u.pathname)?.[1];
  } catch {
    // not a URL: not found below
  }
  const grant = token === undefined ? undefined : await grantFor(userData, token);
  if (!grant) return plain(404, 'Not found');
  const info = await stat(grant.path).catch(() => null);
  if (!info?.isFile() || info.size !== grant.size) return plain(404, 'Not found');
  const size = info.size;
  const headers: Record<string, string> = {
    'Content-Type':
      RECORDING_MEDIA_TYPES[path.extname(grant.path).slice(1).toLowerCase() as keyof typeof RECORDING_MEDIA_TYPES] ??
      'application/octet-stream',
    'Accept-Ranges': 'bytes',
    // The same token may stand for a file found again elsewhere: never reuse old bytes.
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  };
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
  }
  if (range === null)
    return new Response(fileBody(grant.path, 0, size - 1), { status: 200, headers: { ...headers, 'Content-Length': String(size) } });
  const [start, end] = range;
  return new Response(fileBody(grant.path, start, end), {
    status: 206,
    headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1) },
  });
}

/** Bytes start..end (inclusive) of a file, streamed; null for none (an empty file). */
function fileBody(file: string, start: number, end: number): ReadableStream<Uint8Array> | null {
  if (end < start) return null;
  return Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
}

/**
 * One byte range of a `Range: bytes=…` header, clamped to the file: [start, end] inclusive.
 * null: no header, or one this server ignores (malformed, several ranges), so the whole file
 * is sent, as HTTP allows; 'unsatisfiable': a well-formed range wholly past the end (416).
 */
export function parseRange(header: string | null, size: number): [number, number] | null | 'unsatisfiable' {
  if (header === null) return null;
  const m = /^bytes=(\d*)-(\d*)$/i.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    // "bytes=-N": the last N bytes.
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(m[1]);
  const last = m[2] === '' ? Infinity : Number(m[2]);
  if (last < start) return null; // an invalid range is ignored, not refused
  if (start >= size) return 'unsatisfiable';
  return [start, Math.min(last, size - 1)];
}
