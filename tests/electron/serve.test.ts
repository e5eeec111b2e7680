import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveDist } from '../../scripts/serve.mjs';

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
});
