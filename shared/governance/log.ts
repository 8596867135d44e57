import * as Y from 'yjs';
import { write, type Origin } from '../doc/origins.js';
import { canonicalJson, signingBytes } from './canonical.js';
import { parseLogItem, payloadSchema, serializeEntry, type LogItem, type SignedEntry, type UnsignedPayload } from './entries.js';
import { sign, type Signer } from './keys.js';

/**
 * The governance log: an append-only Y.Array of entry strings (`{"p":…,"s":…}`, entries.ts) at
 * the document root `governance.log`. It is a root-level type — not a Y.Array created lazily
 * under a map key — because two peers that each create a nested array before they first sync
 * keep only one of them, and with it one side's signed entries (the rule of workspaceDoc.ts).
 * Nothing in it is ever edited or removed; order in the array carries no meaning (replay order
 * is by `at`, then signature).
 */
export const GOVERNANCE_LOG_ROOT = 'governance.log';

/** The log array of a workspace document. */
export function governanceLog(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray<unknown>(GOVERNANCE_LOG_ROOT);
}

/**
 * Every element of the log, validated (malformed ones are marked, never thrown). Pass a `cache`
 * kept across calls to parse each distinct stored string only once.
 */
export function readLog(doc: Y.Doc, cache?: Map<string, LogItem>): LogItem[] {
  const values = governanceLog(doc).toArray();
  return values.map((raw, index) => {
    if (cache && typeof raw === 'string') {
      const known = cache.get(raw);
      if (known) return known.index === index ? known : { ...known, index };
      const item = parseLogItem(raw, index);
      cache.set(raw, item);
      return item;
    }
    return parseLogItem(raw, index);
  });
}

/** Appends a signed entry with the caller's origin. Throws if `entry` is not well formed (a local bug). */
export function appendEntry(doc: Y.Doc, entry: SignedEntry, origin: Origin): void {
  const raw = serializeEntry(entry);
  const item = parseLogItem(raw, 0);
  if (!item.payload) throw new Error(`Refusing to append a malformed governance entry (${item.malformed})`);
  write(doc, origin, () => governanceLog(doc).push([raw]));
}

/**
 * Signs a payload as `keys`: fills `by` with the signer's public key (and `at` with the current
 * time when not given), checks it against the schema and returns the entry to append.
 */
export async function signEntry(keys: Signer, payload: UnsignedPayload): Promise<SignedEntry> {
  const full = { at: Date.now(), ...payload, by: keys.publicKey };
  const checked = payloadSchema.safeParse(full);
  if (!checked.success) throw new Error(`Invalid ${payload.kind} payload: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const p = canonicalJson(full);
  return { p, s: await sign(keys.signing.privateKey, signingBytes(p)) };
}

/** Calls `onChange` after every change to the log (local or remote); returns the disposer. */
export function observeLog(doc: Y.Doc, onChange: () => void): () => void {
  const log = governanceLog(doc);
  const handler = (): void => onChange();
  log.observe(handler);
  return () => log.unobserve(handler);
}
