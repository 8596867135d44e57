import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  applyMerge,
  applySelection,
  decodeSelection,
  decodeWorkspace,
  encodeSelection,
  openBackup,
  planMerge,
  planSelection,
  readPayload,
  selectIncident,
  selectPlaybook,
  writeBackup,
  type Progress,
} from '../../../shared/backup';
import { addRecord, childrenOf, listRecords, readChildren, removeRecord, recordId } from '../../../shared/doc/collection';
import { partLogOf } from '../../../shared/doc/parts';
import { addVersion, listVersions } from '../../../shared/statements/history';
import { write } from '../../../shared/doc/origins';
import { collectionOf, playbookOf } from '../../../shared/doc/workspaceDoc';
import { createStatement, getStatement } from '../../../shared/statements/store';
import { bodyOf } from '../../../shared/statements/store';
import { bodyText } from '../../../shared/statements/body';
import { backupOf, manifestFor, PASS, TEST_KDF, workspaceDoc } from './helpers';

const quiet = async () => {};

async function keyPair() {
  const pair = (await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
  const agreementKey = Buffer.from(await crypto.subtle.exportKey('raw', pair.publicKey)).toString('base64url');
  return { agreementKey, privateKey: pair.privateKey };
}

describe('container round trip', () => {
  it('writes and reads a passphrase file with its manifest, in chunks, with progress', async () => {
    const doc = workspaceDoc();
    const payload = Y.encodeStateAsUpdateV2(doc);
    const progress: Progress[] = [];
    const bytes = await writeBackup({ manifest: manifestFor(doc), payload, protection: { passphrase: PASS, kdf: TEST_KDF }, chunkSize: 2048, onProgress: (p) => progress.push(p), pause: quiet });
    expect(new TextDecoder().decode(bytes.subarray(0, 10))).toBe('CRISISROOM');
    // Nothing about the content in plaintext: not the workspace name.
    expect(Buffer.from(bytes).includes(Buffer.from('Night shift'))).toBe(false);
    const opened = await openBackup(bytes, { passphrase: PASS });
    expect(opened.manifest).toMatchObject({ kind: 'workspace', workspace: { id: 'ws-1', name: 'Night shift' }, payload: { bytes: payload.length, chunks: Math.ceil(payload.length / 2048) } });
    expect(opened.manifest.counts.playbook).toBeGreaterThan(10);
    const read: Progress[] = [];
    expect(await readPayload(opened, (p) => read.push(p), quiet)).toEqual(payload);
    expect(progress.length).toBe(opened.manifest.payload.chunks);
    expect(read.at(-2)).toEqual({ phase: 'decrypt', done: payload.length, total: payload.length });
    expect(read.at(-1)?.phase).toBe('verify');
  });

  it('a file for members and a passphrase: a member opens it without the passphrase', async () => {
    const me = await keyPair();
    const owner = await keyPair();
    const doc = workspaceDoc();
    const bytes = await backupOf(doc, { protection: { passphrase: PASS, kdf: TEST_KDF, members: [{ agreementKey: me.agreementKey, name: 'Me' }, { agreementKey: owner.agreementKey, name: 'Owner' }] } });
    for (const who of [me, owner]) {
      const opened = await openBackup(bytes, { device: who });
      expect(decodeWorkspace(await readPayload(opened, undefined, quiet)).getMap('meta').get('name')).toBe('Night shift');
    }
    expect((await openBackup(bytes, { passphrase: PASS })).manifest.kind).toBe('workspace');
  });

  it('an empty payload still has one (final) chunk', async () => {
    const doc = workspaceDoc();
    const bytes = await backupOf(doc, { payload: new Uint8Array(0) });
    const opened = await openBackup(bytes, { passphrase: PASS });
    expect(opened.manifest.payload.chunks).toBe(1);
    expect((await readPayload(opened, undefined, quiet)).length).toBe(0);
  });
});

describe('merge preview and CRDT merge', () => {
  it('counts what a merge adds, changes and removes per section, then applies it with origin import', async () => {
    const a = workspaceDoc();
    const b = new Y.Doc();
    Y.applyUpdateV2(b, Y.encodeStateAsUpdateV2(a), 'remote');
    // A edits meanwhile (kept by the merge).
    const principleA = addRecord(playbookOf(a).principles, { text: 'A: answer within the hour' }, 'user');
    // B: one principle added, one crisis type renamed, one signal removed, one statement.
    addRecord(playbookOf(b).principles, { text: 'B: never delete reviews' }, 'user');
    const type = listRecords(playbookOf(b).crisisTypes)[0]!;
    write(b, 'user', () => type.set('name', 'Renamed in B'));
    const signal = listRecords(playbookOf(b).signals)[0]!;
    removeRecord(playbookOf(b).signals, recordId(signal), 'user');
    createStatement(b, { title: 'Holding', kind: 'holding', language: 'en', by: 'B', body: 'We are looking into it.' }, 'user');

    const file = await backupOf(b);
    const opened = await openBackup(file, { passphrase: PASS });
    const payload = await readPayload(opened, undefined, quiet);
    const before = Y.encodeStateAsUpdateV2(a);
    const plan = planMerge(a, 'ws-1', opened.manifest, payload);
    expect(Y.encodeStateAsUpdateV2(a)).toEqual(before); // the preview wrote nothing
    expect(plan.summary.playbook).toEqual({ added: 1, changed: 1, removed: 1 });
    expect(plan.summary.statements.added).toBeGreaterThanOrEqual(1);
    expect(plan.summary.people).toEqual({ added: 0, changed: 0, removed: 0 });

    const origins: unknown[] = [];
    a.on('afterTransaction', (tr) => origins.push(tr.origin));
    applyMerge(a, plan);
    expect(origins).toEqual(['import']);
    const texts = listRecords(playbookOf(a).principles).map((r) => String(r.get('text')));
    expect(texts).toContain('A: answer within the hour');
    expect(texts).toContain('B: never delete reviews');
    expect(playbookOf(a).principles.get(principleA)).toBeDefined();
    expect(playbookOf(a).crisisTypes.get(recordId(type))?.get('name')).toBe('Renamed in B');
    expect(playbookOf(a).signals.get(recordId(signal))).toBeUndefined();
  });
});

describe('selections copy records', () => {
  function withIncident(doc: Y.Doc): { incidentId: string; statementId: string } {
    const incidentId = 'inc-1';
    write(doc, 'user', () => {
      addRecord(collectionOf(doc, 'incidents'), { id: incidentId, title: 'Data leak', state: 'active', severity: 2, log: [{ id: 'l1', text: 'Declared', at: 1 }] }, 'user');
      collectionOf(doc, 'incidents').get(incidentId)!.set('statementIds', new Y.Array<string>());
    });
    const statementId = createStatement(doc, { title: 'Holding statement', kind: 'holding', language: 'en', by: 'PR', incidentId, body: 'We take this seriously.' }, 'user');
    addVersion(getStatement(doc, statementId)!, { by: 'PR', reason: 'manual', label: 'v1', at: 2 }, 'user');
    write(doc, 'user', () => {
      (collectionOf(doc, 'incidents').get(incidentId)!.get('statementIds') as Y.Array<string>).push([statementId]);
      getStatement(doc, statementId)!.set('stage', 'released');
    });
    return { incidentId, statementId };
  }

  it('one incident with its statements goes into another workspace as new records, statements as drafts without sign-offs', () => {
    const source = workspaceDoc('ws-1');
    const { incidentId, statementId } = withIncident(source);
    const sel = decodeSelection(encodeSelection(selectIncident(source, incidentId)));
    const target = workspaceDoc('ws-2');
    const summary = planSelection(target, sel);
    expect(summary.incidents.added).toBe(2); // the incident and its log entry
    expect(summary.statements.added).toBeGreaterThanOrEqual(1);
    expect(summary.playbook).toEqual({ added: 0, changed: 0, removed: 0 });
    applySelection(target, sel);
    const copied = getStatement(target, statementId)!;
    expect(copied.get('stage')).toBe('draft');
    expect((copied.get('approvals') as Y.Map<unknown>).size).toBe(0);
    expect(bodyText(bodyOf(copied)!)).toContain('We take this seriously.');
    // Its version history came along, into the copy's own part (shared/doc/parts.ts).
    expect(partLogOf(copied)).not.toBeNull();
    expect(listVersions(copied).map((v) => [v.label, v.text])).toEqual(listVersions(getStatement(source, statementId)!).map((v) => [v.label, v.text]));
    expect(listVersions(copied)).toHaveLength(1);
    expect(collectionOf(target, 'incidents').get(incidentId)?.get('title')).toBe('Data leak');
    // Importing the same file again changes nothing.
    const again = planSelection(target, sel);
    expect(Object.values(again).every((c) => c.added + c.changed + c.removed === 0)).toBe(true);
  });

  it('an incident merged back by id keeps the released stage and updates fields', () => {
    const doc = workspaceDoc('ws-1');
    const { incidentId, statementId } = withIncident(doc);
    const sel = selectIncident(doc, incidentId);
    const copy = new Y.Doc();
    Y.applyUpdateV2(copy, Y.encodeStateAsUpdateV2(doc), 'remote');
    write(doc, 'user', () => collectionOf(doc, 'incidents').get(incidentId)!.set('title', 'Renamed here'));
    // A version deleted here comes back from the selection, into the statement's part.
    const rec = getStatement(doc, statementId)!;
    const versions = childrenOf(rec, 'versions')!;
    write(versions.doc!, 'user', () => versions.clear());
    expect(listVersions(rec)).toHaveLength(0);
    applySelection(doc, sel);
    expect(collectionOf(doc, 'incidents').get(incidentId)?.get('title')).toBe('Data leak');
    expect(getStatement(doc, statementId)?.get('stage')).toBe('released');
    expect(listVersions(rec).map((v) => v.label)).toEqual(['v1']);
    expect(rec.has('versions')).toBe(false);
  });

  it('the playbook merges by id: changed types updated, new ones added, none removed', () => {
    const source = workspaceDoc('ws-1');
    const target = new Y.Doc();
    Y.applyUpdateV2(target, Y.encodeStateAsUpdateV2(source), 'remote');
    const type = listRecords(playbookOf(source).crisisTypes)[0]!;
    write(source, 'user', () => type.set('name', 'Changed at the source'));
    // A step changed at the source: the type's part (shared/doc/parts.ts) is merged too.
    const step = readChildren(type, 'steps')[0]!;
    write(step.doc!, 'user', () => step.set('title', 'Step changed at the source'));
    addRecord(playbookOf(target).principles, { text: 'Only here' }, 'user');
    const sel = decodeSelection(encodeSelection(selectPlaybook(source)));
    const summary = planSelection(target, sel);
    expect(summary.playbook.changed).toBe(1);
    expect(summary.playbook.removed).toBe(0);
    applySelection(target, sel);
    expect(playbookOf(target).crisisTypes.get(recordId(type))?.get('name')).toBe('Changed at the source');
    expect(readChildren(playbookOf(target).crisisTypes.get(recordId(type))!, 'steps')[0]!.get('title')).toBe('Step changed at the source');
    expect(listRecords(playbookOf(target).principles).some((r) => r.get('text') === 'Only here')).toBe(true);
  });

  it('a selection payload that is not valid is refused', () => {
    const bad = (text: string) => () => decodeSelection(new TextEncoder().encode(text));
    expect(bad('{"sel":1,"kind":"incident","incident":{"id":"x","f":{"bad key":1}},"statements":[]}')).toThrow('backup:errors.invalidPayload');
    expect(bad('{"sel":1,"kind":"everything"}')).toThrow('backup:errors.invalidPayload');
    expect(bad('not json')).toThrow('backup:errors.invalidPayload');
    expect(() => decodeSelection(new Uint8Array([0xff, 0xfe, 0x00]))).toThrow('backup:errors.invalidPayload');
    // A "__proto__" field is dropped, never applied.
    const sel = decodeSelection(new TextEncoder().encode('{"sel":1,"kind":"incident","incident":{"id":"x","f":{"__proto__":{"polluted":1}}},"statements":[]}'));
    expect(sel.kind === 'incident' && Object.keys(sel.incident.f)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
