import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveDist } from '../../scripts/serve.mjs';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

const project = mkdtempSync(join(tmpdir(), 'wb-serve-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('serveDist', () => {
  it('refuses to serve when dist/ has not been built', async () => {
    await expect(serveDist({ port: 0, projectDir: project, logLevel: 'silent' })).rejects.toThrow(/build the renderer first/);
  });

  it('serves dist/ on 127.0.0.1 at a free port and closes', async () => {
    mkdirSync(join(project, 'dist'), { recursive: true });
    writeFileSync(join(project, 'dist', 'index.html'), '<!doctype html><title>served</title>');
    const server = await serveDist({ port: 0, projectDir: project, logLevel: 'silent' });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const res = await fetch(server.url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>served</title>');
    } finally {
      await server.close();
    }
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it("sends the app's Content-Security-Policy as a header too, with what only a header can say", async () => {
    const app = join(project, 'app');
    mkdirSync(join(app, 'dist'), { recursive: true });
    // The built page's head, as Vite writes it from renderer/index.html.
    const head = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    writeFileSync(join(app, 'dist', 'index.html'), head);
    const server = await serveDist({ port: 0, projectDir: app, logLevel: 'silent' });
    try {
      for (const path of ['', 'favicon.svg']) {
        const res = await fetch(server.url + path);
        expect(res.headers.get('content-security-policy')).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
      }
    } finally {
      await server.close();
    }
  });
});
