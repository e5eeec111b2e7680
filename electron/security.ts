// Secure defaults for the window, its web contents and the session. Transcripts
// hold testimony of abuse: the page gets no Node, no network, no permissions, no
// navigation away and no new windows, whatever script might end up running in it.
import type { IpcMainInvokeEvent, Session, WebContents, WebPreferences } from 'electron';

/** The renderer is served from app://workbench/ (see protocol.ts for why not file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Identical to the meta tag in renderer/index.html (a test keeps them in step). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; " +
  "font-src 'self' data:; worker-src 'self' blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'";

const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false, // spellcheck dictionaries would be downloaded from the network
  };
}

/** True for the app's own page (any hash or query), the only page allowed to load. */
export function isAppPageUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && (u.pathname === '/' || u.pathname === '/index.html');
}

export function isNetworkUrl(url: string): boolean {
  try {
    return NETWORK_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Throws unless the IPC call comes from the app's own page (not a frame or foreign page). */
export function assertAppSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, channel: string): void {
  const url = event.senderFrame?.url ?? '';
  if (!isAppPageUrl(url)) {
    throw new Error(`${channel}: refused a call from an unexpected sender (${url || 'unknown frame'})`);
  }
}

/** Blocks navigation away from the app, new windows and <webview> for one WebContents. */
export function guardWebContents(contents: WebContents): void {
  const stayOnAppPage = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppPageUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnAppPage);
  contents.on('will-frame-navigate', stayOnAppPage);
  contents.on('will-redirect', stayOnAppPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Denies every permission, refuses network requests and adds the CSP header. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // CSP's connect-src 'none' already covers page scripts; this also catches requests
  // the CSP does not govern (e.g. from the browser process on the page's behalf).
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isNetworkUrl(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}
