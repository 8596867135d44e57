import { DeliveryLedger } from '../../shared/sync/delivery';

/**
 * Keeps each workspace's delivery ledger (which of our edits each member holds) in localStorage:
 * synchronous, so a save at `pagehide` completes, and small (entries leave once every member holds
 * them). Saved within half a second of a change and when the page goes away.
 */

const PREFIX = 'crisis-room.delivery.';
const SAVE_EVERY_MS = 500;

const keyOf = (workspaceId: string) => `${PREFIX}${workspaceId}`;

/** The stored ledger of a workspace (an unreadable one is reported and replaced by an empty one). */
export function loadLedger(workspaceId: string): DeliveryLedger {
  let raw: unknown;
  try {
    const text = localStorage.getItem(keyOf(workspaceId));
    raw = text ? JSON.parse(text) : null;
  } catch (err) {
    console.warn('[sync] the record of undelivered changes could not be read; counting starts again:', err);
    return new DeliveryLedger();
  }
  const { ledger, error } = DeliveryLedger.restore(raw);
  if (error) console.warn(`[sync] the record of undelivered changes is damaged (${error}); counting starts again`);
  return ledger;
}

/** Saves `ledger` whenever it changed; returns the function that saves once more and stops. */
export function persistLedger(workspaceId: string, ledger: DeliveryLedger): () => void {
  let saved = -1;
  const save = () => {
    if (ledger.version === saved) return;
    try {
      localStorage.setItem(keyOf(workspaceId), JSON.stringify(ledger.toJSON()));
      saved = ledger.version;
    } catch (err) {
      console.warn('[sync] the record of undelivered changes could not be saved:', err);
    }
  };
  const timer = setInterval(save, SAVE_EVERY_MS);
  const onHide = () => save();
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    clearInterval(timer);
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHide);
    save();
  };
}

/** Forgets a deleted workspace's ledger. */
export function forgetLedger(workspaceId: string): void {
  try {
    localStorage.removeItem(keyOf(workspaceId));
  } catch {
    /* storage unavailable: nothing to forget */
  }
}
