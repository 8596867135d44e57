import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { expectMigrationIdempotent, migrateBothThenSync } from './migrationChecks';
import { migrateDoc, schemaVersionOf } from '../../../shared/doc/migrations';
import { write } from '../../../shared/doc/origins';
import { SCHEMA_VERSION } from '../../../shared/doc/workspaceDoc';
import { addVersion, listVersions } from '../../../shared/statements/history';
import { getStatement, nestedOf } from '../../../shared/statements/store';
import type { StatementVersion } from '../../../shared/statements/types';

/**
 * A workspace saved by the release before version deltas (a853214, schema 3: every version a full
 * copy, text and body JSON; made by tests/fixtures/make-schema3-versions-fixture.ts.txt run in a
 * checkout of that commit) opens in this version, its history reads the same, and the migration to
 * schema 4 stores it as deltas.
 */
const FIXTURE = join(__dirname, '../../fixtures/workspace-schema3-versions.bin');
const expected = JSON.parse(readFileSync(FIXTURE.replace(/\.bin$/, '.expected.json'), 'utf8')) as {
  schemaVersion: number;
  statements: Array<{ id: string; versions: StatementVersion[] }>;
};
const fixtureDoc = () => {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, new Uint8Array(readFileSync(FIXTURE)), 'import');
  return doc;
};
const histories = (doc: Y.Doc) => expected.statements.map((s) => listVersions(getStatement(doc, s.id)!));
const storedKinds = (doc: Y.Doc) =>
  expected.statements.map((s) => listVersions(getStatement(doc, s.id)!).map((v) => {
    const r = nestedOf(getStatement(doc, s.id)!, 'versions').get(v.id)!;
    return `${r.has('delta') ? 'delta' : 'full'}${r.has('text') ? '+text' : ''}`;
  }));

describe('schema 4: version history as deltas', () => {
  it('the previous release’s history reads the same before and after the migration, without its copies', () => {
    const doc = fixtureDoc();
    expect(schemaVersionOf(doc)).toBe(3);
    expect(expected.schemaVersion).toBe(3);
    const want = expected.statements.map((s) => s.versions);
    expect(histories(doc)).toEqual(want);
    expect(storedKinds(doc)).toEqual([Array(4).fill('full+text'), Array(4).fill('full+text')]);
    const before = Y.encodeStateAsUpdateV2(doc).length;

    expect(migrateDoc(doc)).toEqual({ status: 'migrated', from: 3, to: SCHEMA_VERSION });
    expect(histories(doc)).toEqual(want);
    // The first in full (its text copy gone), each later one a delta to the one before.
    expect(storedKinds(doc)).toEqual([['full', 'delta', 'delta', 'delta'], ['full', 'delta', 'delta', 'delta']]);
    const after = Y.encodeStateAsUpdateV2(doc).length;
    const copies = want.flat().reduce((n, v) => n + new TextEncoder().encode(v.text + v.bodyJson).length, 0);
    // What went: all but one body JSON per statement, every text copy.
    const firstBodies = want.reduce((n, vs) => n + new TextEncoder().encode(vs[0]!.bodyJson).length, 0);
    expect(before - after).toBeGreaterThan(0.9 * (copies - firstBodies));
    // Idempotent: a second open changes nothing.
    expectMigrationIdempotent(doc);
  });

  it('two laptops migrating at once end identical; a version a laptop adds after it is a delta and reads back', () => {
    const a = fixtureDoc();
    const b = fixtureDoc();
    migrateBothThenSync(a, b);
    expect(histories(a)).toEqual(histories(b));
    expect(histories(a)).toEqual(expected.statements.map((s) => s.versions));
    const rec = getStatement(a, expected.statements[0]!.id)!;
    const id = addVersion(rec, { by: '公關', reason: 'status', label: 'status:released' }, 'user');
    expect(nestedOf(rec, 'versions').get(id)!.has('delta')).toBe(true);
    expect(listVersions(rec).at(-1)!.text).toBe(expected.statements[0]!.versions.at(-1)!.text);
  });

  it('a version whose stored text is not what its body gives (or whose hash does not match) is left as it was', () => {
    const doc = fixtureDoc();
    const rec = getStatement(doc, expected.statements[1]!.id)!;
    const [, second, third] = expected.statements[1]!.versions;
    write(doc, 'system', () => {
      nestedOf(rec, 'versions').get(second!.id)!.set('text', '手動改過的文字');
      nestedOf(rec, 'versions').get(third!.id)!.set('hash', 'not-a-hash');
    });
    const before = histories(doc)[1];
    migrateDoc(doc);
    expect(histories(doc)[1]).toEqual(before);
    expect(storedKinds(doc)[1]).toEqual(['full', 'full+text', 'full+text', 'full']);
  });
});
