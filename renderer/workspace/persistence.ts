import { create } from 'zustand';

/** What the team sees about local saving: never silent about a failure. */
export type SaveStatus = 'saved' | 'saving' | 'error';

export interface PersistenceState {
  status: SaveStatus;
  /** Local edits whose write to IndexedDB has not been confirmed yet. */
  pending: number;
  /** The storage error in words, e.g. QuotaExceededError: … */
  error: string | null;
  /** Kind of failure, used to pick the advice shown. */
  errorKind: 'quota' | 'closed' | 'blocked' | 'other' | null;
}

export const usePersistence = create<PersistenceState>(() => ({ status: 'saved', pending: 0, error: null, errorKind: null }));

/** Maps an IndexedDB/Dexie error to the kind of advice the UI shows. */
export function classifyStorageError(err: unknown): PersistenceState['errorKind'] {
  const name = (err as { name?: string } | null)?.name ?? '';
  const inner = (err as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return 'quota';
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError' || inner === 'InvalidStateError') return 'closed';
  if (name === 'VersionChangeError') return 'closed';
  if (name === 'BlockedError') return 'blocked';
  return 'other';
}

export function reportStorageError(err: unknown): void {
  const e = err as { name?: string; message?: string } | null;
  const text = `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`;
  console.error('[storage]', err);
  usePersistence.setState({ status: 'error', error: text, errorKind: classifyStorageError(err) });
}

export function beginWrite(): void {
  usePersistence.setState((s) => ({ pending: s.pending + 1, status: s.status === 'error' ? 'error' : 'saving' }));
}

export function endWrite(): void {
  usePersistence.setState((s) => {
    const pending = Math.max(0, s.pending - 1);
    return { pending, status: s.status === 'error' ? 'error' : pending > 0 ? 'saving' : 'saved' };
  });
}

/** Writes issued and not yet confirmed or refused. */
const inFlight = new Set<Promise<void>>();

/**
 * Counts `write` as pending until IndexedDB confirms it ("saving…" → "saved"); a refusal is
 * reported (the storage banner offers to save everything again).
 */
export function trackWrite(write: Promise<unknown>): void {
  beginWrite();
  const settled: Promise<void> = write.then(
    () => undefined,
    (err: unknown) => reportStorageError(err),
  );
  inFlight.add(settled);
  void settled.finally(() => {
    inFlight.delete(settled);
    endWrite();
  });
}

/** Resolves when every write tracked so far is confirmed or refused, or after `timeoutMs`; true when none is left. */
export async function writesSettled(timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (inFlight.size > 0) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => (timer = setTimeout(r, left)))]);
    clearTimeout(timer);
  }
  return inFlight.size === 0;
}

/** Writes not yet confirmed by IndexedDB (the number behind "saving…"). */
export function pendingWrites(): number {
  return usePersistence.getState().pending;
}

export function clearStorageError(): void {
  usePersistence.setState((s) => ({ error: null, errorKind: null, status: s.pending > 0 ? 'saving' : 'saved' }));
}
