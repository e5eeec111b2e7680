// Building and serving the renderer with Vite's programmatic API. Used by
// start.mjs (browser mode) and by tests that need the built app on a local port.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { DEFAULT_PORT, PortBusyError, workbenchAnswersAt } from './browserMode.mjs';

export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs `vite build` (renderer/ -> dist/) with the project's vite.config.ts. */
export async function buildRenderer({ projectDir = PROJECT_DIR, logLevel = 'warn' } = {}) {
  // vite.config.ts says root: 'renderer', which Vite resolves against the current
  // directory; an absolute root makes this work from any cwd.
  await build({
    configFile: path.join(projectDir, 'vite.config.ts'),
    root: path.join(projectDir, 'renderer'),
    logLevel,
  });
}

/** True when dist/ holds a built renderer. */
export function distIsBuilt(projectDir = PROJECT_DIR) {
  return existsSync(path.join(projectDir, 'dist', 'index.html'));
}

/**
 * The response headers browser mode sends with every file: the Content-Security-Policy of the
 * built index.html's meta tag (one policy, written once, as Electron's protocol sends it too),
 * plus what only a header can say: no framing by another page (frame-ancestors is ignored in a
 * meta tag), no MIME sniffing, no referrer. A page without the meta tag (the bench's and tests'
 * own pages) gets only the latter.
 */
export function securityHeaders(projectDir = PROJECT_DIR) {
  const html = readFileSync(path.join(projectDir, 'dist', 'index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
  const headers = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY' };
  return meta ? { ...headers, 'Content-Security-Policy': `${meta}; frame-ancestors 'none'` } : headers;
}

/**
 * Serves dist/ on 127.0.0.1 only (never on the network: the app holds sensitive
 * data). Port 0 picks a free port. A busy port is a PortBusyError, never the next port:
 * another port is another origin, with an empty IndexedDB (browserMode.mjs).
 * @param {{ port?: number, projectDir?: string, logLevel?: 'info' | 'warn' | 'error' | 'silent' }} [options]
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function serveDist({ port = DEFAULT_PORT, projectDir = PROJECT_DIR, logLevel = 'warn' } = {}) {
  if (!distIsBuilt(projectDir)) {
    throw new Error(`${path.join(projectDir, 'dist')} has no index.html: build the renderer first.`);
  }
  let server;
  try {
    server = await preview({
      configFile: false, // only static files are served; the React plugin is not needed
      root: projectDir,
      logLevel,
      build: { outDir: 'dist' },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false, headers: securityHeaders(projectDir) },
    });
  } catch (error) {
    if (port !== 0 && error instanceof Error && /already in use/.test(error.message)) {
      throw new PortBusyError(port, await workbenchAnswersAt(port));
    }
    throw error;
  }
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') {
    await server.close();
    throw new Error('The preview server did not report a TCP port.');
  }
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => server.close(),
  };
}
