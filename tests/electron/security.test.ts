import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_INDEX_URL,
  CONTENT_SECURITY_POLICY,
  assertAppSender,
  guardWebContents,
  hardenSession,
  isAppPageUrl,
  secureWebPreferences,
} from '../../electron/security';
import { FakeSession, FakeWebContents, as, navEvent } from './fakes';

// Nothing here may load the real package; any accidental import gets this stub.
vi.mock('electron', () => ({}));

describe('secure webPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the page', () => {
    expect(secureWebPreferences('/x/preload.cjs')).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('isAppPageUrl', () => {
  it.each([APP_INDEX_URL, `${APP_INDEX_URL}#/project/1/coding`, 'app://workbench/'])('accepts %s', (url) => {
    expect(isAppPageUrl(url)).toBe(true);
  });
  it.each([
    'https://example.org/',
    'file:///work/main/dist/index.html',
    'app://evil/index.html',
    'app://workbench/assets/other.html',
    'about:blank',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppPageUrl(url)).toBe(false);
  });
});

describe('guardWebContents', () => {
  const guarded = (): FakeWebContents => {
    const contents = new FakeWebContents();
    guardWebContents(as<WebContents>(contents));
    return contents;
  };
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('blocks %s away from the app page', (name) => {
    const contents = guarded();
    const away = navEvent('https://example.org/phish');
    contents.emit(name, away);
    expect(away.prevented).toBe(true);
    const file = navEvent('file:///etc/passwd');
    contents.emit(name, file);
    expect(file.prevented).toBe(true);
  });
  it('lets the app page reload itself', () => {
    const contents = guarded();
    const same = navEvent(`${APP_INDEX_URL}#/`);
    contents.emit('will-navigate', same);
    expect(same.prevented).toBe(false);
  });
  it('denies window.open and <webview>', () => {
    const contents = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: APP_INDEX_URL })).toEqual({ action: 'deny' });
    const attach = navEvent('');
    contents.emit('will-attach-webview', attach);
    expect(attach.prevented).toBe(true);
  });
});

describe('hardenSession', () => {
  const hardened = (): FakeSession => {
    const session = new FakeSession();
    hardenSession(as<Session>(session));
    return session;
  };
  it('denies every permission request and check', () => {
    const session = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler?.(null, permission, APP_INDEX_URL, {})).toBe(false);
    }
  });
  it('cancels http(s) and ws(s) requests but not the app itself', () => {
    const session = hardened();
    const decide = (url: string): unknown => {
      let response: unknown;
      session.beforeRequest?.({ url }, (r) => (response = r));
      return response;
    };
    for (const url of ['https://example.org/x.js', 'http://127.0.0.1:8080/', 'ws://localhost/', 'wss://a.b/']) {
      expect(decide(url)).toEqual({ cancel: true });
    }
    expect(decide(`${APP_INDEX_URL}`)).toEqual({ cancel: false });
    expect(decide('app://workbench/assets/index.js')).toEqual({ cancel: false });
  });
  it('sets the CSP response header, replacing any other', () => {
    const session = hardened();
    let response: { responseHeaders: Record<string, string[]> } | undefined;
    session.headersReceived?.(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      (r) => (response = r),
    );
    expect(response?.responseHeaders).toEqual({
      'X-Other': ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

describe('the CSP', () => {
  it('is the same policy as the meta tag in renderer/index.html', () => {
    const html = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
  it('allows no remote origins and no connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
  it('allows no inline script or style: every e2e test fails on a refused one (console error)', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self';");
  });
});

describe('assertAppSender', () => {
  it('accepts the app page and refuses anything else', () => {
    expect(() => assertAppSender({ senderFrame: as({ url: APP_INDEX_URL }) }, 'app:info')).not.toThrow();
    expect(() => assertAppSender({ senderFrame: as({ url: 'https://evil.example/' }) }, 'app:info')).toThrow(
      'app:info: refused a call from an unexpected sender (https://evil.example/)',
    );
    expect(() => assertAppSender({ senderFrame: null }, 'app:info')).toThrow(/unknown frame/);
  });
});
