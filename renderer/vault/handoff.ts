import type { Vault } from './vault';

/**
 * "Once per session": a new tab or window of this origin (e.g. a print view) asks the tabs that
 * are already unlocked for the master key over a BroadcastChannel (same origin only, in memory)
 * instead of asking the person again. The key it gets is checked against the keyring.
 */
const CHANNEL = 'crisis-room.vault';
const WAIT_MS = 400;

interface Ask {
  type: 'ask';
  nonce: string;
}
interface Give {
  type: 'give';
  nonce: string;
  key: Uint8Array;
}

/** Asks other tabs; resolves with the first key offered, or null after a short wait. */
export function askOtherTabs(waitMs = WAIT_MS): Promise<Uint8Array | null> {
  if (typeof BroadcastChannel === 'undefined') return Promise.resolve(null);
  const channel = new BroadcastChannel(CHANNEL);
  const nonce = crypto.randomUUID();
  return new Promise((resolve) => {
    const done = (key: Uint8Array | null) => {
      clearTimeout(timer);
      channel.close();
      resolve(key);
    };
    const timer = setTimeout(() => done(null), waitMs);
    channel.onmessage = (ev: MessageEvent<Give>) => {
      if (ev.data?.type === 'give' && ev.data.nonce === nonce && ev.data.key instanceof Uint8Array && ev.data.key.length === 32) done(ev.data.key);
    };
    channel.postMessage({ type: 'ask', nonce } satisfies Ask);
  });
}

/** Answers other tabs' requests while `vault` is unlocked. */
export function answerOtherTabs(vault: Vault): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (ev: MessageEvent<Ask>) => {
    const key = vault.masterKeyForHandoff();
    if (ev.data?.type === 'ask' && typeof ev.data.nonce === 'string' && key) channel.postMessage({ type: 'give', nonce: ev.data.nonce, key } satisfies Give);
  };
  return () => channel.close();
}
