// Serves the built renderer (dist/) on app://workbench/ instead of file://.
// Why a custom scheme: (1) the CSP header is set on every response right here,
// whereas webRequest header hooks are not reliable for file:// loads; (2) the page
// can only ever read files inside dist/, while a file:// page may address any
// file:// URL on the disk; (3) a standard, secure scheme gives a stable origin of
// its own for IndexedDB, where the projects live.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
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
 * (origin, storage, secure context). corsEnabled stays off on purpose: the page loads
 * its modules same-origin, and with it on any origin could read app:// responses.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, distDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(distDir, request.url));
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

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
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
