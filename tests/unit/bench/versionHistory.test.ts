import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { withHistory } from '../../../bench/lib/versionHistory';
import { generateWorkspace } from '../../../bench/lib/generateWorkspace';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import { listVersions } from '../../../shared/statements/history';

const read = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, update, 'remote');
  return [...collectionOf(doc, 'statements').values()].map((rec) => listVersions(rec).map((v) => [v.label, v.text, v.hash]));
};

describe('bench: a year of version history, as copies and as deltas', () => {
  it('both formats read back the same four versions per statement; deltas take a fraction of the bytes', () => {
    const base = Y.encodeStateAsUpdateV2(generateWorkspace(1).doc);
    const copies = withHistory(base, 'copies');
    const deltas = withHistory(base, 'deltas');
    const a = read(copies);
    expect(a).toHaveLength(10);
    expect(a.every((vs) => vs.length === 4)).toBe(true);
    // The edit is in every version after the draft.
    expect(a.every((vs) => !vs[0]![1]!.includes('已更正') && vs.slice(1).every((v) => v[1]!.includes('已更正')))).toBe(true);
    // The hashes differ per statement and version, so read back is compared field by field.
    expect(read(deltas).map((vs) => vs.map(([label, text]) => [label, text]))).toEqual(a.map((vs) => vs.map(([label, text]) => [label, text])));
    expect(read(deltas).flat().map((v) => v[2])).toEqual(a.flat().map((v) => v[2]));
    expect(deltas.length - base.length).toBeLessThan((copies.length - base.length) / 5);
  });
});
