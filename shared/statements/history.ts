import { diffChars, diffWordsWithSpace } from 'diff';
import { addRecord, newId, readChildren, type YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import type { Language } from '../languages.js';
import { bodyToJson, flattenBody, jsonText, parseBodyJson, replaceBody } from './body.js';
import { contentHash } from './hash.js';
import { nestedOf, requireBody } from './store.js';
import { VersionRecord, type StatementVersion, type VersionReason } from './types.js';

/**
 * Version history of a statement: a version at every status change and on demand, each a full
 * snapshot (plain text for reading and diffing, body JSON for restoring with formatting).
 */

export interface VersionInput {
  by: string;
  reason: VersionReason;
  label: string;
  at?: number;
}

/**
 * Saves the current body as a version. Joins the caller's transaction when nested. Returns its id.
 * Throws RecordFieldError (nothing written) when a field is invalid, e.g. an over-long label.
 */
export function addVersion(rec: YRecord, input: VersionInput, origin: Origin): string {
  const body = requireBody(rec);
  const json = bodyToJson(body);
  const version = VersionRecord.init({
    id: newId(),
    at: input.at ?? Date.now(),
    by: input.by,
    reason: input.reason,
    label: input.label,
    text: flattenBody(body).text,
    bodyJson: JSON.stringify(json),
    hash: contentHash(json),
  });
  return addRecord(nestedOf(rec, 'versions'), version, origin);
}

/** Versions, oldest first. */
export function listVersions(rec: YRecord): StatementVersion[] {
  return (
    readChildren(rec, 'versions')
      .map((v, index) => ({ index, version: VersionRecord.read(v) }))
      .sort((a, b) => a.version.at - b.version.at || a.index - b.index)
      // Same millisecond (a release right after an approval): keep the order they were added in,
      // which the collection's order field records and every peer agrees on.
      .map(({ version }) => version)
  );
}

/**
 * Restores a version as a new version: the body is replaced by the version's content (a person's
 * edit, origin 'user' by default) and a 'restore' version is recorded. Approvals are untouched:
 * they stay valid only if the restored text is exactly the text they approved.
 */
export function restoreVersion(rec: YRecord, versionId: string, by: string, label: string, origin: Origin = 'user'): string {
  const version = listVersions(rec).find((v) => v.id === versionId);
  if (!version) throw new Error('That version no longer exists');
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
