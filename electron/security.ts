import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../shared/ipc.js';
import type { ElectronFacade, SessionLike, WebContentsLike } from './facade.js';

/**
 * Content-Security-Policy for every page of the app. Starts from nothing and allows only what the app uses:
 * - scripts only from the app itself (no inline script, no eval); `'wasm-unsafe-eval'` lets the
 *   page compile WebAssembly (only that, not JS eval): Argon2id for the vault passphrase (hash-wasm);
 * - inline styles (the editor sets styles at run time; styles cannot run code);
 * - images from the app, `data:` and `blob:` (QR codes, pasted logos);
 * - connections to the app and to signaling servers on the LAN: `ws:`/`wss:` for signaling, and
 *   `http:`/`https:` for the reachability probe that decides when to dial again after a network
 *   loss (renderer/sync/signalingWatch.ts).
 * These fixed directives are what the Node host sends in web mode, where `connect-src` stays open
 * to any host (README, "Connections the page may make"). In Electron `connect-src` is built per
 * document from exactly the allowed hosts instead ({@link cspWithConnectSrc}, electron/hostAccess.ts).
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
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

// A CSP source list item: a keyword, a scheme-source or a scheme://host[:port] without anything
// that could end the directive or start another (`;`, `,`, quotes, whitespace).
const SOURCE = /^('self'|[a-z][a-z0-9+.-]*:(\/\/[a-z0-9.-]+(:\d{1,5})?)?)$/;

/** The CSP with `connect-src` set to exactly `sources` (each checked: a bad one throws). */
export function cspWithConnectSrc(sources: readonly string[]): string {
  for (const s of sources) if (!SOURCE.test(s)) throw new Error(`not a CSP source: ${JSON.stringify(s)}`);
  return CSP_DIRECTIVES.map(([name, value]) => `${name} ${name === 'connect-src' ? sources.join(' ') : value}`).join('; ');
}

/** {@link SECURITY_HEADERS} with another CSP. */
export function securityHeadersWith(csp: string): Record<string, string> {
  return { ...SECURITY_HEADERS, 'Content-Security-Policy': csp };
}

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

/** What a session's policy takes from the list of allowed hosts (electron/hostAccess.ts). */
export interface SessionPolicyOptions {
  /** Headers for a response sent now (default: the fixed {@link SECURITY_HEADERS}). */
  headers?: () => Readonly<Record<string, string>>;
  /** Told when a main-frame document gets its headers (its CSP is fixed from then on). */
  documentServed?: () => void;
  /** Whether a request may go out now; ws/wss/http/https requests it refuses are cancelled. */
  allowsRequest?: (url: string) => boolean;
}

/** Adds the CSP to every response, checks outgoing requests, and denies permissions by default, for one session. */
export function applySessionPolicy(session: SessionLike, options: SessionPolicyOptions = {}): void {
  const headers = options.headers ?? (() => SECURITY_HEADERS);
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {};
    for (const [name, values] of Object.entries(details.responseHeaders ?? {})) {
      if (!(name.toLowerCase() in LOWER_SECURITY_HEADERS)) responseHeaders[name] = values;
    }
    for (const [name, value] of Object.entries(headers())) responseHeaders[name] = [value];
    if (details.resourceType === 'mainFrame') options.documentServed?.();
    callback({ responseHeaders });
  });
  const allows = options.allowsRequest;
  if (allows) session.webRequest.onBeforeRequest((details, callback) => callback(allows(details.url) ? {} : { cancel: true }));
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}

const LOWER_SECURITY_HEADERS = Object.fromEntries(Object.keys(SECURITY_HEADERS).map((k) => [k.toLowerCase(), true]));
