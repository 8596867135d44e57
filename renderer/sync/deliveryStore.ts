import { DeliveryLedger } from '../../shared/sync/delivery';
import { openFor, sealFor } from '../vault';
import { fromB64, toB64 } from '../vault/seal';

/**
 * Keeps each workspace's delivery ledger (which of our edits each member holds) in localStorage:
 * synchronous, so a save at `pagehide` completes, and small (entries leave once every member holds
 * them). Saved within half a second of a change and when the page goes away. It names members,
 * so it is sealed with the workspace's data key (renderer/vault, synchronous): `v1:` + base64.
 */

const PREFIX = 'crisis-room.delivery.';
const SAVE_EVERY_MS = 500;

const keyOf = (workspaceId: string) => `${PREFIX}${workspaceId}`;
const SEALED = 'v1:';
const aadOf = (workspaceId: string) => `ledger|${workspaceId}`;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The stored ledger of a workspace (an unreadable one is reported and replaced by an empty one). */
export function loadLedger(workspaceId: string): DeliveryLedger {
  let raw: unknown;
  try {
    const text = localStorage.getItem(keyOf(workspaceId));
    const plain = text?.startsWith(SEALED) ? decoder.decode(openFor(workspaceId, aadOf(workspaceId), fromB64(text.slice(SEALED.length)))) : text;
    raw = plain ? JSON.parse(plain) : null;
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
      const sealed = sealFor(workspaceId, aadOf(workspaceId), encoder.encode(JSON.stringify(ledger.toJSON())));
      localStorage.setItem(keyOf(workspaceId), SEALED + toB64(sealed));
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
