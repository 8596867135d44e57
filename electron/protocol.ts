import { APP_HOST, APP_SCHEME } from '../shared/ipc.js';
import type { ElectronFacade, PrivilegedSchemeLike } from './facade.js';
import { SECURITY_HEADERS } from './security.js';
import { serveStatic } from './staticFiles.js';

/**
 * `app://crisis-room/…`: the origin the app runs from in Electron. Standard + secure makes it a
 * secure context with its own origin, so WebCrypto, IndexedDB and fetch work as on https.
 */
export const APP_SCHEME_PRIVILEGES: PrivilegedSchemeLike = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
};

/** Must run before `app` is ready. */
export function registerAppScheme(electron: Pick<ElectronFacade, 'protocol'>): void {
  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/**
 * Where the security headers come from: by default the fixed ones; in the app, the list of
 * allowed hosts (electron/hostAccess.ts), whose CSP is built for each response and which learns
 * when a document got it (a page keeps the CSP it loaded with until it reloads).
 */
export interface ResponsePolicy {
  headers(): Readonly<Record<string, string>>;
  documentServed(): void;
}

const FIXED: ResponsePolicy = { headers: () => SECURITY_HEADERS, documentServed: () => {} };

/** Serves files from `distDir` for `app://crisis-room/…`; anything else is refused. */
export function createAppRequestHandler(distDir: string, policy: ResponsePolicy = FIXED): (request: Request) => Promise<Response> {
  const refuse = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...policy.headers(), 'Content-Type': 'text/plain; charset=utf-8' } });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400, 'bad url');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
      return refuse(404, 'unknown host');
    }
    const answer = await serveStatic(distDir, url.pathname);
    const body = request.method === 'HEAD' ? null : answer.body;
    const headers = { ...answer.headers, ...policy.headers() };
    if (answer.status === 200 && answer.headers['Content-Type']?.startsWith('text/html')) policy.documentServed();
    return new Response(body as ConstructorParameters<typeof Response>[0], { status: answer.status, headers });
  };
}

/** Must run after `app` is ready. */
export function serveAppProtocol(electron: Pick<ElectronFacade, 'protocol'>, distDir: string, policy?: ResponsePolicy): void {
  electron.protocol.handle(APP_SCHEME, createAppRequestHandler(distDir, policy));
}
