import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../shared/ipc.js';
import type { ElectronFacade, SessionLike, WebContentsLike } from './facade.js';

/**
 * Content-Security-Policy for every page of the app, in Electron (protocol + session headers)
 * and from the Node host (web mode). Starts from nothing and allows only what the app uses:
 * - scripts only from the app itself (no inline script, no eval);
 * - inline styles (the editor sets styles at run time; styles cannot run code);
 * - images from the app, `data:` and `blob:` (QR codes, pasted logos);
 * - connections to the app and to signaling servers on the LAN: `ws:`/`wss:` for signaling, and
 *   `http:`/`https:` for the reachability probe that decides when to dial again after a network
 *   loss (renderer/sync/signalingWatch.ts). This reaches no host that `ws:` could not already reach.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', `'self' ${APP_SCHEME}://${APP_HOST} ws: wss: http: https:`],
  ['worker-src', "'self' blob:"],
  ['manifest-src', "'self'"],
  ['media-src', "'self' blob:"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['object-src', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** Headers every app response carries (Electron protocol and Node host alike). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

// Whitespace and control characters are stripped or treated differently by URL parsers; a URL
// that contains any is never one we produced.
// eslint-disable-next-line no-control-regex
const SUSPICIOUS = /[\u0000-\u0020\u007f\\]/;

function parse(url: string): URL | null {
  if (typeof url !== 'string' || SUSPICIOUS.test(url)) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for `app://crisis-room/…`: our scheme, our host, no port, no credentials. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    // Only an exact lower-case `app://crisis-room/` prefix: anything else is parsed differently by
    // Chromium (which treats the scheme as standard) and Node (which does not).
    url.startsWith(`${APP_SCHEME}://${APP_HOST}/`)
  );
}

/** The window may only ever show the app itself. Used for `will-navigate` and `will-redirect`. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Links the user may open in the system browser: plain https, no credentials in the URL. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Locks down one web contents: no navigation away from the app, no redirects out, no webviews,
 * no new windows (https links go to the system browser instead).
 */
export function hardenWebContents(electron: Pick<ElectronFacade, 'shell'>, contents: WebContentsLike): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void electron.shell.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** Permissions the app itself may use; everything else (camera, location, …) is refused. */
const GRANTED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** Whether a permission request or check is granted: only listed ones, only for the app. */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined): boolean {
  // Permission checks name an origin (`app://crisis-room`), requests a full URL.
  return (
    GRANTED_PERMISSIONS.has(permission) &&
    requestingUrl !== undefined &&
    (requestingUrl === APP_ORIGIN || isAppUrl(requestingUrl))
  );
}

/** Adds the CSP to every response and denies permissions by default, for one session. */
export function applySessionPolicy(session: SessionLike): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {};
    for (const [name, values] of Object.entries(details.responseHeaders ?? {})) {
      if (!(name.toLowerCase() in LOWER_SECURITY_HEADERS)) responseHeaders[name] = values;
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) responseHeaders[name] = [value];
    callback({ responseHeaders });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}

const LOWER_SECURITY_HEADERS = Object.fromEntries(Object.keys(SECURITY_HEADERS).map((k) => [k.toLowerCase(), true]));
