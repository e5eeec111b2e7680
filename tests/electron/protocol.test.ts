import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { appResponse, registerAppScheme, serveAppProtocol } from '../../electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { FakeProtocol, as } from './fakes';

vi.mock('electron', () => ({}));

const root = mkdtempSync(join(tmpdir(), 'wb-protocol-'));
const dist = join(root, 'dist');
mkdirSync(join(dist, 'assets'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(dist, 'assets', 'index.js'), 'console.log(1)');
writeFileSync(join(root, 'secret.txt'), 'outside dist');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme that media can stream from', () => {
    const protocol = new FakeProtocol();
    registerAppScheme(as(protocol));
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, stream: true }) },
    ]);
  });

  it('serves index.html with the CSP header', async () => {
    const protocol = new FakeProtocol();
    serveAppProtocol(as(protocol), dist, join(root, 'userData'));
    const res = await protocol.handlers.get('app')!(new Request('app://workbench/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<title>app</title>');
  });

  it('serves assets with their MIME type, and / as index.html', async () => {
    const js = await appResponse(dist, 'app://workbench/assets/index.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await (await appResponse(dist, 'app://workbench/')).text()).toContain('<title>app</title>');
  });

  it.each([
    'app://workbench/../secret.txt',
    'app://workbench/%2e%2e/secret.txt',
    'app://workbench/assets%2F..%2F..%2Fsecret.txt',
    'app://workbench/..%5Csecret.txt',
    'app://other/index.html',
    'app://workbench/missing.js',
  ])('never serves anything outside dist/ (%s)', async (url) => {
    const res = await appResponse(dist, url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside dist');
  });

  it('answers 400 to malformed paths', async () => {
    expect((await appResponse(dist, 'app://workbench/%E0%A4%A')).status).toBe(400);
    expect((await appResponse(dist, 'app://workbench/a%00b')).status).toBe(400);
  });
});
