import * as Y from 'yjs';
import { partChildrenOf } from '../../shared/doc/collection';
import { PART_FIELD } from '../../shared/doc/parts';
import { useCurrentWorkspace } from '../workspace/useWorkspace';
import { currentSync } from '../sync/syncLifecycle';
import { probeSignaling } from '../sync/signalingWatch';

/** localStorage switch that installs the hook (end-to-end tests set it; users never do). */
export const DIAGNOSTICS_KEY = 'crisis-room.diag';

/** What the open workspace's document holds, in a form two laptops can compare. */
export interface DocDigest {
  workspaceId: string | null;
  /** Base64 of Y.encodeStateVector(doc): which updates this copy has seen. */
  sv: string;
  /** Every root type as JSON with sorted keys (a statement body is its XML text). */
  text: string;
}

/** A cheap stand-in for `digest()` when polling: equal hashes and state vectors mean equal copies. */
export interface DocFingerprint {
  workspaceId: string | null;
  sv: string;
  hash: string;
  length: number;
  /** Date.now() when the document last changed (local or remote update). */
  changedAt: number;
}

export interface CrisisRoomDiagnostics {
  digest(): DocDigest;
  fingerprint(): DocFingerprint;
  /** Each client's clock in the open copy, by client (a state vector's encoding lists them in no set order). */
  clocks(): Array<[client: number, clock: number]>;
  /** The sync transport's recent reconnection events, [epoch ms, what] (why a reconnection was slow). */
  syncEvents(): Array<[number, string]>;
  /** The reachability probe the sync transport uses, run from this page (under its CSP). */
  probe(wsUrl: string): Promise<boolean>;
}

declare global {
  interface Window {
    __crisisRoomDiag?: CrisisRoomDiagnostics;
  }
}

/** FNV-1a over bytes (an attachment's content in a dump: its length and this, not every byte as a key). */
function fnv1a(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return (h >>> 0).toString(16);
}

function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) return { $bytes: v.length, fnv: fnv1a(v) };
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const obj = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]]));
  });
}

/**
 * Whole-document dump with sorted keys: root types by name, maps by key. Roots are read through
 * the generic map and list readers rather than doc.getMap(): a root that a peer created and this
 * copy never read is still an untyped placeholder, and typing it here would change the document.
 */
export function docText(doc: Y.Doc): string {
  const roots: Record<string, unknown> = {};
  for (const [name, type] of doc.share) {
    const map = Object.fromEntries(Array.from(Y.Map.prototype.entries.call(type as unknown as Y.Map<unknown>), ([k, v]) => [k, plainOf(v)]));
    const list = Y.Array.prototype.toArray.call(type as unknown as Y.Array<unknown>).map((v) => (v instanceof Y.AbstractType ? v.toJSON() : v));
    // A root one copy has opened and another has not is empty on the first: leave it out.
    if (list.length > 0) roots[name] = { map, list };
    else if (Object.keys(map).length > 0) roots[name] = map;
  }
  return sortedJson(roots);
}

/**
 * A value as JSON, a record's part (shared/doc/parts.ts) shown as the collections it holds (built
 * here) rather than as its log of updates: the same content reads the same on every laptop.
 */
function plainOf(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value.entries()) if (k !== PART_FIELD) out[k] = plainOf(v);
    for (const [k, coll] of partChildrenOf(value as Y.Map<unknown>)) out[k] = plainOf(coll);
    return out;
  }
  if (value instanceof Y.Array) return value.toArray().map(plainOf);
  return value instanceof Y.AbstractType ? value.toJSON() : value;
}

/** 53-bit string hash (cyrb53): enough to tell two dumps apart while polling. */
function hash53(str: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/**
 * A read-only window onto the open workspace's document for end-to-end measurements (time until
 * three laptops hold identical content). Installed only when localStorage DIAGNOSTICS_KEY is
 * '1'; it listens to document updates to know when its cached dump is stale and never writes.
 */
export function installDiagnostics(): void {
  try {
    if (localStorage.getItem(DIAGNOSTICS_KEY) !== '1') return;
  } catch {
    return;
  }
  let doc: Y.Doc | null = null;
  let changedAt = 0;
  let cached: DocFingerprint | null = null;
  // afterTransaction, not 'update': an 'update' listener makes Yjs encode every transaction as a
  // V1 update only for us (27 % of a joining laptop's busy time at 100×, with diagnostics on).
  const onUpdate = (tr: Y.Transaction) => {
    if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return;
    changedAt = Date.now();
    cached = null;
  };
  const follow = () => {
    const next = useCurrentWorkspace.getState().current?.doc ?? null;
    if (next === doc) return;
    doc?.off('afterTransaction', onUpdate);
    doc = next;
    doc?.on('afterTransaction', onUpdate);
    changedAt = Date.now();
    cached = null;
  };
  follow();
  useCurrentWorkspace.subscribe(follow);
  const workspaceId = () => useCurrentWorkspace.getState().current?.id ?? null;

  window.__crisisRoomDiag = {
    digest() {
      if (!doc) return { workspaceId: null, sv: '', text: '' };
      return { workspaceId: workspaceId(), sv: base64(Y.encodeStateVector(doc)), text: docText(doc) };
    },
    clocks() {
      return doc ? [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]) : [];
    },
    probe: (wsUrl) => probeSignaling(wsUrl),
    syncEvents() {
      return [...(currentSync()?.transport.watch.events ?? [])];
    },
    fingerprint() {
      if (!doc) return { workspaceId: null, sv: '', hash: '', length: 0, changedAt };
      if (!cached) {
        const text = docText(doc);
        cached = { workspaceId: workspaceId(), sv: base64(Y.encodeStateVector(doc)), hash: hash53(text), length: text.length, changedAt };
      }
      return cached;
    },
  };
}
