import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectMigrationIdempotent, migrateBothThenSync } from './migrationChecks';
import { migrateDoc, MIGRATIONS, schemaVersionOf } from '../../../shared/doc/migrations';
import { readSet, writeSet } from '../../../shared/doc/sets';
import { write } from '../../../shared/doc/origins';
import { metaOf, SCHEMA_VERSION } from '../../../shared/doc/workspaceDoc';
import { createStatement, getStatement, readStatement } from '../../../shared/statements/store';
import { setRequiredRoles } from '../../../shared/statements/workflow';
import { CHANNEL_KEYS } from '../../../shared/statements/channels';
import { addWorkspaceRow, CrisisRoomDb } from '../../../renderer/workspace/db';
import { openWorkspace } from '../../../renderer/workspace/workspaceService';
import { ensureDataKey } from '../../../renderer/vault';
import { installTestVault } from '../vault/testVault';

/**
 * A workspace saved by the previous release (commit a78b29d, schema 1: channels and required roles
 * as comma-separated strings; made by tests/fixtures/make-schema1-fixture.ts.txt run in a checkout
 * of that commit) opens in this version and reads the same.
 */
const FIXTURE = join(__dirname, '../../fixtures/workspace-schema1.bin');
const expected = JSON.parse(readFileSync(FIXTURE.replace(/\.bin$/, '.expected.json'), 'utf8')) as {
  statements: Array<{ id: string; title: string; channels: string; requiredRoles: string }>;
  schemaVersion: number;
};
const fixtureDoc = () => {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, new Uint8Array(readFileSync(FIXTURE)), 'import');
  return doc;
};
const fieldsOf = (doc: Y.Doc) => expected.statements.map((s) => {
  const f = readStatement(getStatement(doc, s.id)!);
  return { id: f.id, title: f.title, channels: f.channels.join(','), requiredRoles: f.requiredRoles.join(',') };
});
/** A channel list in the app's order (CHANNEL_KEYS), as readStatement gives it. */
const sorted = (list: string) => CHANNEL_KEYS.filter((c) => list.split(',').includes(c)).join(',');

describe('document schema migrations', () => {
  it('the previous release’s workspace reads the same before and after the migration to sets', () => {
    const doc = fixtureDoc();
    expect(expected.schemaVersion).toBe(1);
    expect(schemaVersionOf(doc)).toBe(1);
    const before = fieldsOf(doc);
    expect(before.map((f) => f.title)).toEqual(expected.statements.map((s) => s.title));
    expect(before.map((f) => f.channels)).toEqual(expected.statements.map((s) => sorted(s.channels)));
    expect(before.map((f) => f.requiredRoles)).toEqual(expected.statements.map((s) => s.requiredRoles));

    expect(migrateDoc(doc)).toEqual({ status: 'migrated', from: 1, to: SCHEMA_VERSION });
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
    for (const s of expected.statements) {
      expect(getStatement(doc, s.id)!.get('channels')).toBeInstanceOf(Y.Map);
      expect(getStatement(doc, s.id)!.get('requiredRoles')).toBeInstanceOf(Y.Map);
    }
    expect(fieldsOf(doc)).toEqual(before);
    // Idempotent: a second open changes nothing.
    expectMigrationIdempotent(doc);
  });

  it('two laptops migrating the same workspace at once end identical, nothing lost', () => {
    const a = fixtureDoc();
    const b = fixtureDoc();
    migrateBothThenSync(a, b);
    expect(fieldsOf(a)).toEqual(fieldsOf(b));
    expect(fieldsOf(a).map((f) => f.channels)).toEqual(expected.statements.map((s) => sorted(s.channels)));
  });

  it('sets keep both of two concurrent changes (the comma string kept one); a laptop still on schema 1 writing a string is read', () => {
    const a = fixtureDoc();
    migrateDoc(a);
    const b = new Y.Doc();
    Y.applyUpdateV2(b, Y.encodeStateAsUpdateV2(a), 'remote');
    const id = expected.statements[0]!.id;
    write(a, 'user', () => writeSet(getStatement(a, id)!, 'channels', ['website', 'press', 'line', 'sms']));
    write(b, 'user', () => writeSet(getStatement(b, id)!, 'channels', ['website', 'line']));
    Y.applyUpdateV2(a, Y.encodeStateAsUpdateV2(b), 'remote');
    Y.applyUpdateV2(b, Y.encodeStateAsUpdateV2(a), 'remote');
    // a added sms; b removed press: both changes survive.
    expect(readStatement(getStatement(a, id)!).channels.join(',')).toBe('line,sms,website');
    expect(readStatement(getStatement(b, id)!).channels.join(',')).toBe('line,sms,website');
    // A schema-1 laptop replaces the field with its string: still read.
    write(b, 'remote', () => getStatement(b, id)!.set('requiredRoles', 'legal,executive'));
    expect(readStatement(getStatement(b, id)!).requiredRoles.join(',')).toBe('legal,executive');
    setRequiredRoles(getStatement(b, id)!, ['pr'], 'user');
    expect(readSet(getStatement(b, id)!.get('requiredRoles'))).toEqual(['pr']);
  });

  it('a document from a newer version is left untouched; an empty one (nothing loaded) is not claimed', () => {
    const doc = fixtureDoc();
    write(doc, 'system', () => metaOf(doc).set('schemaVersion', SCHEMA_VERSION + 5));
    const state = Y.encodeStateVector(doc);
    expect(migrateDoc(doc)).toEqual({ status: 'newer', from: SCHEMA_VERSION + 5, to: SCHEMA_VERSION });
    expect(Y.encodeStateVector(doc)).toEqual(state);
    const empty = new Y.Doc();
    expect(migrateDoc(empty).status).toBe('current');
    expect(empty.store.clients.size).toBe(0);
    expect(MIGRATIONS.map((m) => m.to)).toEqual([...MIGRATIONS.map((m) => m.to)].sort((x, y) => x - y));
  });

  it('new statements are written as sets', () => {
    const doc = new Y.Doc();
    const id = createStatement(doc, { title: 'x', kind: 'holding', language: 'zh-TW', by: 'a', channels: ['sms', 'line'] }, 'user');
    expect(getStatement(doc, id)!.get('channels')).toBeInstanceOf(Y.Map);
    expect(readStatement(getStatement(doc, id)!).channels.join(',')).toBe('line,sms');
  });
});

describe('opening the previous release’s workspace through the app’s storage', () => {
  beforeAll(async () => {
    await installTestVault();
  });

  it('is migrated at open and stays migrated after a reopen', async () => {
    const db = new CrisisRoomDb('migrations-open');
    try {
      await db.open();
      await ensureDataKey('ws-schema1');
      await addWorkspaceRow(db, { id: 'ws-schema1', name: '舊版工作區', createdAt: 1, updatedAt: 1, deletedAt: null, doc: fixtureDoc() });
      const ws = await openWorkspace('ws-schema1', db);
      expect(schemaVersionOf(ws.doc)).toBe(SCHEMA_VERSION);
      expect(fieldsOf(ws.doc).map((f) => f.requiredRoles)).toEqual(expected.statements.map((s) => s.requiredRoles));
      ws.close();
      const again = await openWorkspace('ws-schema1', db);
      expect(schemaVersionOf(again.doc)).toBe(SCHEMA_VERSION);
      expect(getStatement(again.doc, expected.statements[0]!.id)!.get('channels')).toBeInstanceOf(Y.Map);
      again.close();
    } finally {
      db.close();
      await Dexie.delete('migrations-open');
    }
  });
});
