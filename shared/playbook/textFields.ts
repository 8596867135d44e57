import * as Y from 'yjs';
import type { YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { currentItemId, holdsClient, ownItemId } from '../doc/yjsInternals.js';

/**
 * Free-text fields where two people plausibly type at once are Y.Text (a text CRDT): both
 * people's characters are kept. Before, they were plain strings in the record's Y.Map, and the
 * last writer's whole string replaced the other's (two tabs typing into one description kept
 * 20 of 40 characters).
 *
 * Documents written before hold plain strings in these fields, and peers may still write plain
 * strings (an older app, an import). So every reader takes either (`textOf`, and `toPlain`
 * turns a Y.Text into its string), exports stay plain strings, and a field becomes a Y.Text
 * the first time someone edits it (`editText`), never in bulk.
 *
 * That first edit is where two laptops could race: each would make its own Y.Text, one would win
 * the map key, and everything typed into the other would vanish. So the upgrade is written as
 * if by one fixed author: a client id derived from the id of the string item it replaces (and
 * the field), clock 0, same content, same position. Two laptops upgrading the same value
 * independently produce the very same Yjs items, which merge as one; both then type into one
 * Y.Text. (Upgrading different values — someone changed the string meanwhile — derives
 * different ids: then the values conflict as any two concurrent strings did before.)
 */

/** The record fields of the playbook that are edited as Y.Text, by the collection they live in. */
export const PLAYBOOK_TEXT_FIELDS = {
  crisisTypes: ['description', 'response'],
  steps: ['title'],
  checklist: ['text'],
  escalation: ['note'],
  severities: ['criteria', 'decisionRights'],
  signals: ['threshold'],
  principles: ['text'],
} as const satisfies Record<string, readonly string[]>;

/** The text of a field value: a Y.Text's content, a string, or '' for anything else. */
export function textOf(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

/** The text of `field` of `rec`, whether it is stored as a Y.Text or as a plain string. */
export function readText(rec: YRecord, field: string): string {
  return textOf(rec.get(field));
}

/** 32-bit FNV-1a. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Names what the upgrade of `field` replaces: the item holding its current value, else the item
 * the record lives in (Yjs internals, read through shared/doc/yjsInternals.ts).
 */
function upgradeAnchor(rec: YRecord, field: string): string | null {
  const current = currentItemId(rec, field);
  if (current) return `v:${current.client}:${current.clock}:${field}`;
  const own = ownItemId(rec);
  return own ? `r:${own.client}:${own.clock}:${field}` : null;
}

/**
 * The client id the upgrade of `field` is written as: the same on every laptop for the same
 * stored value. Above 2^32, where Yjs's random client ids (32-bit) never are; still an integer
 * Yjs encodes exactly. Null when there is nothing to derive it from or it is already in use here.
 */
export function upgradeClientId(rec: YRecord, field: string): number | null {
  const anchor = upgradeAnchor(rec, field);
  if (!anchor || !rec.doc) return null;
  const id = 2 ** 32 + fnv1a(anchor) * 1024 + (fnv1a(`${anchor}#`) % 1024);
  return holdsClient(rec.doc, id) ? null : id;
}

/**
 * The field as a Y.Text, upgrading a plain string (or a missing value) in place first — written
 * as the fixed author described above, inside the caller's transaction when there is one.
 */
export function ensureText(rec: YRecord, field: string, origin: Origin): Y.Text {
  const current = rec.get(field);
  if (current instanceof Y.Text) return current;
  const doc = rec.doc;
  if (!doc) throw new Error('This record is not part of a workspace document yet');
  const text = textOf(current);
  const author = upgradeClientId(rec, field);
  return write(doc, origin, () => {
    const own = doc.clientID;
    if (author !== null) doc.clientID = author;
    try {
      const created = new Y.Text(text);
      rec.set(field, created);
      return created;
    } finally {
      doc.clientID = own;
    }
  });
}

/** One change to a text: at `index`, `remove` characters deleted, then `insert` inserted. */
export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

/**
 * Applies `edit` to `field` (upgrading it to a Y.Text first when needed), in one transaction
 * tagged `origin`. Indices are clamped to the current text. Returns the Y.Text.
 */
export function editText(rec: YRecord, field: string, edit: TextEdit, origin: Origin): Y.Text {
  const doc = rec.doc;
  if (!doc) throw new Error('This record is not part of a workspace document yet');
  return write(doc, origin, () => {
    const text = ensureText(rec, field, origin);
    const index = Math.max(0, Math.min(edit.index, text.length));
    const remove = Math.max(0, Math.min(edit.remove, text.length - index));
    if (remove > 0) text.delete(index, remove);
    if (edit.insert) text.insert(index, edit.insert);
    return text;
  });
}

/** Replaces the whole text of `field` by `value` with the smallest edit (imports, programmatic sets). */
export function setText(rec: YRecord, field: string, value: string, origin: Origin): void {
  const edit = diffText(readText(rec, field), value);
  if (edit) editText(rec, field, edit, origin);
}

/**
 * The single edit that turns `before` into `after`. `caret` (where the caret is in `after`, as an
 * input reports it after typing) says where an ambiguous insertion happened: typing `a` after
 * the `a` of `banana`'s `ba|nana` is an insertion at 2, not at 1. Null when they are equal.
 */
export function diffText(before: string, after: string, caret?: number): TextEdit | null {
  if (before === after) return null;
  let prefixAll = 0;
  const max = Math.min(before.length, after.length);
  while (prefixAll < max && before.charCodeAt(prefixAll) === after.charCodeAt(prefixAll)) prefixAll++;
  let suffixAll = 0;
  while (suffixAll < max && before.charCodeAt(before.length - 1 - suffixAll) === after.charCodeAt(after.length - 1 - suffixAll)) suffixAll++;
  let prefix: number;
  let suffix: number;
  if (caret !== undefined && caret >= 0 && caret <= after.length && after.length - caret <= suffixAll) {
    // The edit ends at the caret: what follows the caret is untouched text.
    suffix = after.length - caret;
    prefix = Math.min(prefixAll, caret, before.length - suffix);
  } else {
    prefix = prefixAll;
    suffix = Math.min(suffixAll, max - prefix);
  }
  // Never split a surrogate pair.
  if (prefix > 0 && isHighSurrogate(after.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(after.charCodeAt(after.length - suffix)) && after.length - suffix > prefix) suffix--;
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
