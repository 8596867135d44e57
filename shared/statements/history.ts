import { diffChars, diffWordsWithSpace } from 'diff';
import { z } from 'zod';
import { addRecord, newId, readChildren, recordId, type YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { parseJsonField } from '../doc/jsonField.js';
import type { Language } from '../languages.js';
import { bodyToJson, jsonText, parseBodyJson, replaceBody } from './body.js';
import { contentHash } from './hash.js';
import { nestedOf, requireBody } from './store.js';
import { VersionRecord, type StatementVersion, type VersionReason } from './types.js';
import type { RecordFields } from '../doc/typedRecord.js';

/**
 * Version history of a statement: a version at every status change and on demand. Each is a
 * snapshot of the body that reads back exactly, but not a copy of it (issue 14: full copies were
 * most of a year's workspace): a version is stored as a *delta* to the newest earlier version —
 * the body JSON of that version with a middle part replaced (prefix and suffix kept, one inserted
 * text) — unless it has no earlier version, its base sits MAX_CHAIN deltas from a full one, or the
 * inserted text would be more than half the body; then its body JSON is stored in full. A status
 * change without an edit thus costs a few bytes instead of two copies of the text.
 *
 * Reading rebuilds each delta from its base and checks the result against the version's own
 * content hash: a version whose base is missing (not synced yet) or whose rebuild does not match
 * reads as `unreadable` (empty body JSON and text; restoring it is refused), never as wrong text.
 * Versions written before deltas (text and body JSON in full) read as they always did; a laptop on
 * an older release reads a delta version as one without a body (its restore refuses it as
 * "damaged"; nothing is written).
 */

export interface VersionInput {
  by: string;
  reason: VersionReason;
  label: string;
  at?: number;
}

/** Most deltas between a version and the nearest one stored in full (what a read applies at most). */
export const MAX_CHAIN = 16;
/** Longest chain a read follows (a damaged or hostile document can hold longer ones, or cycles). */
const READ_CHAIN_LIMIT = 64;

/** A stored delta: [base version id, kept prefix, kept suffix, inserted text] of the body JSON. */
const DeltaSchema = z.tuple([z.string().min(1).max(200), z.number().int().min(0), z.number().int().min(0), z.string()]);
type Delta = z.infer<typeof DeltaSchema>;

const parseDelta = (raw: string): Delta | null => parseJsonField(DeltaSchema, raw);

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * `next` as `before` with its middle replaced: the common prefix and suffix kept (never splitting a
 * surrogate pair, so the inserted text is valid UTF-16 and survives Yjs's UTF-8 encoding).
 */
export function deltaOf(before: string, next: string): { keep: number; tail: number; insert: string } {
  const max = Math.min(before.length, next.length);
  let keep = 0;
  while (keep < max && before.charCodeAt(keep) === next.charCodeAt(keep)) keep++;
  if (keep > 0 && keep < next.length && isHigh(next.charCodeAt(keep - 1))) keep--;
  let tail = 0;
  while (tail < max - keep && before.charCodeAt(before.length - 1 - tail) === next.charCodeAt(next.length - 1 - tail)) tail++;
  if (tail > 0 && tail < next.length - keep && isLow(next.charCodeAt(next.length - tail))) tail--;
  return { keep, tail, insert: next.slice(keep, next.length - tail) };
}

/** `base` with a delta applied (null when the delta does not fit it). */
export function applyDelta(base: string, keep: number, tail: number, insert: string): string | null {
  if (keep + tail > base.length) return null;
  return base.slice(0, keep) + insert + base.slice(base.length - tail);
}

interface Resolved {
  json: string;
  /** Deltas between this version and the nearest one stored in full (0: stored in full). */
  depth: number;
}

/**
 * The stored versions of `rec`, oldest first, and `resolve`, which rebuilds one version's body JSON
 * (following its bases, each rebuild checked against its hash; remembered within this call).
 */
function historyOf(rec: YRecord): { ordered: Array<RecordFields<typeof VersionRecord>>; resolve: (id: string) => Resolved | null } {
  const stored = readChildren(rec, 'versions').map((v, index) => ({ index, version: VersionRecord.read(v) }));
  const byId = new Map(stored.map((s) => [s.version.id, s.version]));
  const memo = new Map<string, Resolved | null>();
  const resolve = (id: string, chain: number): Resolved | null => {
    if (memo.has(id)) return memo.get(id)!;
    const v = byId.get(id);
    if (!v || chain > READ_CHAIN_LIMIT) return null;
    let out: Resolved | null;
    if (!v.delta) out = v.bodyJson ? { json: v.bodyJson, depth: 0 } : null;
    else {
      const d = parseDelta(v.delta);
      const base = d && d[0] !== id ? resolve(d[0], chain + 1) : null;
      const json = d && base ? applyDelta(base.json, d[1], d[2], d[3]) : null;
      out = json !== null && base && matchesHash(json, v.hash) ? { json, depth: base.depth + 1 } : null;
    }
    memo.set(id, out);
    return out;
  };
  const ordered = stored
    .sort((a, b) => a.version.at - b.version.at || a.index - b.index)
    // Same millisecond (a release right after an approval): keep the order they were added in,
    // which the collection's order field records and every peer agrees on.
    .map((s) => s.version);
  return { ordered, resolve: (id) => resolve(id, 0) };
}

/** Every version of `rec` with its text and body JSON rebuilt, oldest first. */
function readHistory(rec: YRecord): StatementVersion[] {
  const { ordered, resolve } = historyOf(rec);
  return ordered.map(({ delta, ...v }): StatementVersion => {
    if (!delta) return v.text || !v.bodyJson ? v : { ...v, text: textOf(v.bodyJson) };
    const json = resolve(v.id)?.json;
    return json === undefined ? { ...v, bodyJson: '', text: '', unreadable: true } : { ...v, bodyJson: json, text: textOf(json) };
  });
}

/**
 * What a body JSON reads as (its text and content hash), remembered for the last few hundred bodies:
 * the history panel reads every version again when the analysed text changes, and rebuilding a
 * delta gives an equal string, whose parse and hash need not be redone.
 */
const READ_CACHE_SIZE = 256;
const readCache = new Map<string, { text: string; hash: string } | null>();

function readBody(json: string): { text: string; hash: string } | null {
  const hit = readCache.get(json);
  if (hit !== undefined) return hit;
  let out: { text: string; hash: string } | null;
  try {
    const node = parseBodyJson(json);
    out = { text: jsonText(node), hash: contentHash(node) };
  } catch {
    out = null;
  }
  if (readCache.size >= READ_CACHE_SIZE) readCache.delete(readCache.keys().next().value!);
  readCache.set(json, out);
  return out;
}

const textOf = (json: string): string => readBody(json)?.text ?? '';
const matchesHash = (json: string, hash: string): boolean => readBody(json)?.hash === hash;

/**
 * Saves the current body as a version (a delta to the newest version when that is small, see
 * above). Joins the caller's transaction when nested. Returns its id. Throws RecordFieldError
 * (nothing written) when a field is invalid, e.g. an over-long label.
 */
export function addVersion(rec: YRecord, input: VersionInput, origin: Origin): string {
  const body = requireBody(rec);
  const json = bodyToJson(body);
  const bodyJson = JSON.stringify(json);
  // Only the newest version is rebuilt (the base of this one), not the whole history's texts.
  const { ordered, resolve } = historyOf(rec);
  const last = ordered[ordered.length - 1];
  const rebuilt = last ? resolve(last.id) : null;
  const newest = last && rebuilt ? { id: last.id, ...rebuilt } : null;
  const d = newest && newest.depth < MAX_CHAIN ? deltaOf(newest.json, bodyJson) : null;
  const asDelta = d !== null && d.insert.length * 2 <= bodyJson.length;
  const version = VersionRecord.init({
    id: newId(),
    at: input.at ?? Date.now(),
    by: input.by,
    reason: input.reason,
    label: input.label,
    text: '',
    bodyJson: asDelta ? '' : bodyJson,
    hash: contentHash(json),
    delta: asDelta ? JSON.stringify([newest!.id, d.keep, d.tail, d.insert] satisfies Delta) : '',
  });
  return addRecord(nestedOf(rec, 'versions'), VersionRecord.stored(version), origin);
}

/**
 * Schema 4 migration (shared/doc/migrations.ts): the versions of `rec` stored in full by earlier
 * releases become deltas where `addVersion` would have stored one, and their text copies go (the
 * text is derived from the body). A version is changed only when what it reads back stays exactly
 * the same: its body JSON matches its hash and the derived text equals the stored one; any other
 * (damaged, or hashed differently by a much older release) is left as it is. Deterministic: two
 * laptops migrating the same history write the same values.
 */
export function compactVersions(rec: YRecord): void {
  const records = new Map(readChildren(rec, 'versions').map((r) => [recordId(r), r]));
  // Versions kept in the statement's part (doc/parts.ts) are written in a transaction of the part.
  const doc = records.values().next().value?.doc;
  if (doc) write(doc, 'system', () => compactRecords(rec, records));
}

function compactRecords(rec: YRecord, records: Map<string, YRecord>): void {
  let prev: (Resolved & { id: string }) | null = null;
  for (const v of readHistory(rec)) {
    const r = records.get(v.id)!;
    const json = v.bodyJson;
    if (r.has('delta')) {
      prev = json ? { id: v.id, json, depth: prev && prev.depth < MAX_CHAIN ? prev.depth + 1 : MAX_CHAIN } : null;
      continue;
    }
    const same = json !== '' && matchesHash(json, v.hash) && (!r.has('text') || textOf(json) === r.get('text'));
    if (!same) {
      prev = null;
      continue;
    }
    const d = prev && prev.depth < MAX_CHAIN ? deltaOf(prev.json, json) : null;
    if (d && prev && d.insert.length * 2 <= json.length) {
      r.set('delta', JSON.stringify([prev.id, d.keep, d.tail, d.insert] satisfies Delta));
      r.delete('bodyJson');
      r.delete('text');
      prev = { id: v.id, json, depth: prev.depth + 1 };
    } else {
      if (r.has('text')) r.delete('text');
      prev = { id: v.id, json, depth: 0 };
    }
  }
}

/** Versions, oldest first, each with its text and body JSON (both '' for one marked `unreadable`: its base is missing or its rebuild does not match its hash). */
export function listVersions(rec: YRecord): StatementVersion[] {
  return readHistory(rec);
}

/**
 * Restores a version as a new version: the body is replaced by the version's content (a person's
 * edit, origin 'user' by default) and a 'restore' version is recorded. Approvals are untouched:
 * they stay valid only if the restored text is exactly the text they approved.
 */
export function restoreVersion(rec: YRecord, versionId: string, by: string, label: string, origin: Origin = 'user'): string {
  const version = listVersions(rec).find((v) => v.id === versionId);
  if (!version) throw new Error('That version no longer exists');
  if (version.unreadable) throw new Error('That version cannot be read on this laptop (the version it builds on is missing, or it does not match its hash): nothing was restored');
  const json = parseBodyJson(version.bodyJson);
  const doc = rec.doc;
  if (!doc) throw new Error('This statement is not part of a workspace document');
  return write(doc, origin, () => {
    replaceBody(requireBody(rec), json);
    return addVersion(rec, { by, reason: 'restore', label }, origin);
  });
}

/** One piece of a diff. */
export interface DiffPart {
  value: string;
  kind: 'same' | 'added' | 'removed';
}

/**
 * Diff of two texts for reading. Chinese has no spaces between words, so it is compared by
 * characters; English by words (with their spaces), which reads better.
 */
export function diffTexts(before: string, after: string, language: Language): DiffPart[] {
  const parts = language === 'en' ? diffWordsWithSpace(before, after) : diffChars(before, after);
  return parts.map((p) => ({ value: p.value, kind: p.added ? 'added' : p.removed ? 'removed' : 'same' }));
}

/** Plain text of a version (its stored text, or recomputed from its body when missing). */
export function versionText(v: StatementVersion): string {
  if (v.text) return v.text;
  try {
    return jsonText(parseBodyJson(v.bodyJson));
  } catch {
    return '';
  }
}
