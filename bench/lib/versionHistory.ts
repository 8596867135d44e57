/**
 * P13's estimate of what a year of statement history costs at open (issue 14: "versions as
 * snapshots, not copies"): the generated state with four versions per statement — the draft, then
 * one edit of a few words, sent for review, approved and released (status changes without an edit)
 * — written either as this release writes them (`addVersion`: deltas, shared/statements/history.ts)
 * or as the release before schema 4 did (every version a full copy of the text and of the body
 * JSON). The generated workspace itself keeps no history (its rows stay comparable across stops).
 */
import * as Y from 'yjs';
import { addRecord, newId } from '../../shared/doc/collection';
import { write } from '../../shared/doc/origins';
import { collectionOf } from '../../shared/doc/workspaceDoc';
import { bodyToJson, flattenBody } from '../../shared/statements/body';
import { contentHash } from '../../shared/statements/hash';
import { addVersion, type VersionInput } from '../../shared/statements/history';
import { nestedOf, requireBody } from '../../shared/statements/store';
import { VersionRecord } from '../../shared/statements/types';

export type HistoryFormat = 'copies' | 'deltas';

/** The version the release before schema 4 stored: text and body JSON in full. */
function addCopy(rec: Y.Map<unknown>, input: VersionInput): void {
  const body = requireBody(rec);
  const json = bodyToJson(body);
  const version = VersionRecord.init({
    id: newId(),
    at: input.at ?? 0,
    by: input.by,
    reason: input.reason,
    label: input.label,
    text: flattenBody(body).text,
    bodyJson: JSON.stringify(json),
    hash: contentHash(json),
    delta: '',
  });
  addRecord(nestedOf(rec, 'versions'), VersionRecord.stored(version), 'system');
}

/** The V2 state of `update`'s document with four versions per statement, stored as `format`. */
export function withHistory(update: Uint8Array, format: HistoryFormat): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, update, 'system');
  const save = (rec: Y.Map<unknown>, input: VersionInput) => (format === 'deltas' ? addVersion(rec, input, 'system') : addCopy(rec, input));
  const t0 = Date.UTC(2026, 0, 5, 9);
  write(doc, 'system', () => {
    for (const [, rec] of collectionOf(doc, 'statements').entries()) {
      if (!(rec instanceof Y.Map)) continue;
      save(rec, { by: 'Bench', reason: 'manual', label: 'draft', at: t0 });
      // One edit of a few words inside the first paragraph.
      const first = requireBody(rec).get(0);
      const text = first instanceof Y.XmlElement ? first.get(0) : null;
      if (text instanceof Y.XmlText) text.insert(Math.min(40, text.length), '（已更正時間與地點）');
      save(rec, { by: 'Bench', reason: 'status', label: 'status:in_review', at: t0 + 60_000 });
      save(rec, { by: 'Bench', reason: 'status', label: 'status:approved', at: t0 + 120_000 });
      save(rec, { by: 'Bench', reason: 'status', label: 'status:released', at: t0 + 180_000 });
    }
  });
  const out = Y.encodeStateAsUpdateV2(doc);
  doc.destroy();
  return out;
}
