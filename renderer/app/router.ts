import { useSyncExternalStore } from 'react';

/**
 * Hash routes, so a reload (and the Electron app:// protocol) keeps the place:
 *   #/                         workspace list
 *   #/settings                 settings
 *   #/w/<id>/<section>/<rest…> a section of an open workspace (rest for sub-pages, e.g. print views)
 * A query string after `?` is passed through as `params`.
 */
export interface Route {
  workspaceId: string | null;
  section: string | null;
  rest: string[];
  params: URLSearchParams;
  /** Top-level page when no workspace is open. */
  page: 'workspaces' | 'settings';
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  const params = new URLSearchParams(query);
  if (parts[0] === 'w' && parts[1]) {
    return { workspaceId: parts[1], section: parts[2] ?? null, rest: parts.slice(3), params, page: 'workspaces' };
  }
  return { workspaceId: null, section: null, rest: [], params, page: parts[0] === 'settings' ? 'settings' : 'workspaces' };
}

export function workspacePath(id: string, section?: string, ...rest: string[]): string {
  return ['#', 'w', id, ...(section ? [section] : []), ...rest].map((p, i) => (i < 1 ? p : encodeURIComponent(p))).join('/');
}

export function navigate(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

let lastHash = '';
let lastRoute: Route = parseRoute('');
function snapshot(): Route {
  const hash = window.location.hash;
  if (hash !== lastHash) {
    lastHash = hash;
    lastRoute = parseRoute(hash);
  }
  return lastRoute;
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
