import { getVault } from '../vault';
import { useCurrentWorkspace } from '../workspace/useWorkspace';
import { parseRoute } from './router';

/** The workspace the address asks for, if any. */
const addressedWorkspace = (): string | null => parseRoute(window.location.hash).workspaceId;

interface EarlyVault {
  start(): Promise<void>;
  whenUnlocked(): Promise<void>;
}

/**
 * What the first screen waits for, started as the app's code runs rather than once React has
 * mounted (issue 14, bench P13): the vault (keyring read, the WebAssembly cipher, then the key from
 * the OS or another tab) and, the moment it is unlocked, the workspace in the address. React's own
 * effect (App.tsx) asks for the same workspace later; `open` ignores a second call for the
 * workspace it is loading or has open.
 */
export function startEarly(
  vault: EarlyVault = getVault(),
  open: (id: string) => Promise<void> = (id) => useCurrentWorkspace.getState().open(id),
  workspaceId: () => string | null = addressedWorkspace,
): Promise<void> {
  void vault.start();
  return vault.whenUnlocked().then(() => {
    const id = workspaceId();
    if (id) void open(id);
  });
}

/** The longest the sections' code waits for the first screen (a vault waiting for its passphrase). */
export const PRELOAD_WAIT_MS = 5000;

/**
 * Runs `preload` (App.tsx: every lazy section's code) once the first screen is done — the
 * workspace in the address loaded or failed, or none asked for — at the next idle moment, so
 * parsing that code does not compete with opening a large workspace; after `waitMs` in any case.
 * Returns a function that cancels it (if it has not started).
 */
export function preloadWhenSettled(preload: () => void, workspaceId: () => string | null = addressedWorkspace, waitMs = PRELOAD_WAIT_MS): () => void {
  let started = false;
  const settled = (): boolean => {
    const s = useCurrentWorkspace.getState();
    return s.loadingId === null && (s.current !== null || s.error !== null || workspaceId() === null);
  };
  const stop = () => {
    started = true;
    unsubscribe();
    clearTimeout(timer);
  };
  const start = () => {
    if (started) return;
    stop();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => preload(), { timeout: 1000 });
    else setTimeout(preload, 0);
  };
  const unsubscribe = useCurrentWorkspace.subscribe(() => {
    if (settled()) start();
  });
  const timer = setTimeout(start, waitMs);
  if (settled()) start();
  return stop;
}
