import type * as Y from 'yjs';
import type { YRecord } from '../../../shared/doc/collection';
import type { Governance } from '../../../shared/governance';
import { deriveGate, type GateState } from '../../../shared/statements/approval';
import { isDrillStatement } from '../../../shared/statements/drill';
import { contentHash } from '../../../shared/statements/hash';
import { bodyOf } from '../../../shared/statements/store';

/**
 * Incremental gate and hash caches for lists of statements (issue 14, P16). The list used to
 * hash every statement's text and derive every gate again whenever anyone typed anywhere; now:
 *
 * - `cachedContentHash(body)`: a body's hash, kept until that body changes (its own deep
 *   observer drops it) — typing in statement A never re-hashes statement B.
 * - `listGate(rec, gov)`: a record's derived gate, kept while the record (fields, body,
 *   approvals, releases: anything nested in it), the governance snapshot and its drill flag are
 *   unchanged — the same object, so memoized rows skip rendering.
 *
 * Both are keyed by the Yjs types themselves (WeakMaps: a removed statement's entries go with it).
 */

const hashes = new WeakMap<Y.XmlFragment, string>();
const watchedBodies = new WeakSet<Y.XmlFragment>();

/** The content hash of a statement body, computed again only after the body changed. */
export function cachedContentHash(body: Y.XmlFragment): string {
  if (!watchedBodies.has(body)) {
    watchedBodies.add(body);
    body.observeDeep(() => hashes.delete(body));
  }
  let h = hashes.get(body);
  if (h === undefined) {
    h = contentHash(body);
    hashes.set(body, h);
  }
  return h;
}

const versions = new WeakMap<YRecord, number>();

/** A counter that moves whenever anything in the record changes (its keys or anything nested). */
export function recordVersion(rec: YRecord): number {
  let v = versions.get(rec);
  if (v === undefined) {
    v = 0;
    versions.set(rec, v);
    rec.observeDeep(() => versions.set(rec, (versions.get(rec) ?? 0) + 1));
  }
  return v;
}

interface CachedGate {
  version: number;
  gov: Governance | null;
  drill: boolean;
  gate: GateState;
}

const gates = new WeakMap<YRecord, CachedGate>();

/** The derived gate of a statement in a list (no analysis flags), re-derived only when its inputs changed. */
export function listGate(rec: YRecord, gov: Governance | null): GateState {
  const version = recordVersion(rec);
  // The drill flag may also come from the incident the statement names (cheap to read).
  const drill = isDrillStatement(rec.doc, rec, gov);
  const c = gates.get(rec);
  if (c && c.version === version && c.gov === gov && c.drill === drill) return c.gate;
  const body = bodyOf(rec);
  const gate = deriveGate(rec, { gov, hash: body ? cachedContentHash(body) : '', drill });
  gates.set(rec, { version, gov, drill, gate });
  return gate;
}
