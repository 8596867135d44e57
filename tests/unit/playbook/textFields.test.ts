import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { duplicateRecord, listRecords, readChildren, setField, toPlain, type YCollection, type YRecord, recordId } from '../../../shared/doc/collection';
import { playbookOf } from '../../../shared/doc/workspaceDoc';
import { applyEdit, type ProposedEdit } from '../../../shared/drills/findings';
import { exportPlaybook, importPlaybook, readPlaybook } from '../../../shared/playbook/accessors';
import { seedWorkspace } from '../../../shared/playbook/seed';
import { diffText, editText, ensureText, readText, setText, upgradeClientId } from '../../../shared/playbook/textFields';

/** Two laptops that start from the same seeded workspace (its free text still plain strings). */
function twoPeers(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  seedWorkspace(a, 'zh-TW');
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
  return [a, b];
}

/** A sync round in both directions; `v2` uses the V2 encoding (what y-dexie stores). */
function sync(a: Y.Doc, b: Y.Doc, v2 = false): void {
  const [enc, apply] = v2 ? [Y.encodeStateAsUpdateV2, Y.applyUpdateV2] : [Y.encodeStateAsUpdate, Y.applyUpdate];
  const toB = enc(a, Y.encodeStateVector(b));
  const toA = enc(b, Y.encodeStateVector(a));
  apply(b, toB, 'remote');
  apply(a, toA, 'remote');
}

const firstType = (doc: Y.Doc): YRecord => listRecords(playbookOf(doc).crisisTypes)[0]!;
const end = (rec: YRecord, field: string) => readText(rec, field).length;

/** Types `s` key by key at the end of the field, as the text field does. */
function typeAtEnd(rec: YRecord, field: string, s: string): void {
  for (const ch of s) editText(rec, field, { index: end(rec, field), remove: 0, insert: ch }, 'user');
}

describe('free-text playbook fields as text CRDTs', () => {
  it('keeps both people typing into one never-edited description at once (the upgrade merges)', () => {
    for (const v2 of [false, true]) {
      const [a, b] = twoPeers();
      const before = readText(firstType(a), 'description');
      expect(firstType(a).get('description')).toBe(before); // still a plain string
      typeAtEnd(firstType(a), 'description', 'ABCDEFGHIJ');
      typeAtEnd(firstType(b), 'description', 'abcdefghij');
      sync(a, b, v2);
      const text = readText(firstType(a), 'description');
      expect(readText(firstType(b), 'description')).toBe(text);
      expect(text.startsWith(before)).toBe(true);
      expect(text.length).toBe(before.length + 20);
      // Each person's characters in their own order, none lost.
      expect([...text].filter((c) => /[A-J]/.test(c)).join('')).toBe('ABCDEFGHIJ');
      expect([...text].filter((c) => /[a-j]/.test(c)).join('')).toBe('abcdefghij');
      expect(readPlaybook(a)).toEqual(readPlaybook(b));
    }
  });

  it('proves the need: upgrading without a shared author loses one person’s typing', () => {
    const [a, b] = twoPeers();
    for (const [doc, s] of [[a, 'ABC'], [b, 'abc']] as const) {
      const rec = firstType(doc);
      const text = new Y.Text(readText(rec, 'description'));
      doc.transact(() => rec.set('description', text), 'user');
      doc.transact(() => text.insert(text.length, s), 'user');
    }
    sync(a, b);
    const text = readText(firstType(a), 'description');
    expect(text.includes('ABC') && text.includes('abc')).toBe(false);
  });

  it('writes the upgrade as the same Yjs items on every laptop, above the 32-bit range of real clients', () => {
    const [a, b] = twoPeers();
    const id = upgradeClientId(firstType(a), 'description');
    expect(id).toBe(upgradeClientId(firstType(b), 'description'));
    expect(id).toBeGreaterThanOrEqual(2 ** 32);
    expect(Number.isSafeInteger(id)).toBe(true);
    ensureText(firstType(a), 'description', 'user');
    ensureText(firstType(b), 'description', 'user');
    // Identical updates: nothing for either to send the other.
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
    expect(Y.encodeStateAsUpdateV2(a)).toEqual(Y.encodeStateAsUpdateV2(b));
    // The laptop's own client id is back in place.
    expect(a.clientID).toBeLessThan(2 ** 32);
    expect(b.clientID).toBeLessThan(2 ** 32);
  });

  it('upgrades a value changed meanwhile as a conflict of two strings, and both laptops agree', () => {
    const [a, b] = twoPeers();
    setField(firstType(b), 'description', 'B rewrote it', 'user');
    typeAtEnd(firstType(a), 'description', 'XYZ');
    sync(a, b);
    expect(readText(firstType(a), 'description')).toBe(readText(firstType(b), 'description'));
    typeAtEnd(firstType(b), 'description', '!');
    sync(a, b);
    expect(readText(firstType(a), 'description')).toBe(readText(firstType(b), 'description'));
  });

  it('merges typing with a laptop on an older version that writes the whole string', () => {
    const [a, b] = twoPeers();
    typeAtEnd(firstType(a), 'description', 'new');
    sync(a, b);
    // The older app reads the text (toJSON) and writes a string back.
    setField(firstType(b), 'description', `${String(toPlain(firstType(b)).description)} old`, 'user');
    sync(a, b);
    expect(readText(firstType(a), 'description')).toBe(readText(firstType(b), 'description'));
    typeAtEnd(firstType(a), 'description', '+');
    sync(a, b);
    expect(readText(firstType(b), 'description').endsWith(' old+')).toBe(true);
  });

  it('creates a missing field as text, and names the Yjs internals it reads (yjs 13.6 contract)', () => {
    const [a] = twoPeers();
    const rec = firstType(a);
    const internals = rec as unknown as { _map: unknown; _item: unknown };
    expect(internals._map).toBeInstanceOf(Map);
    expect((internals._item as { id: { client: number } }).id.client).toBeTypeOf('number');
    a.transact(() => rec.delete('response'), 'user');
    editText(rec, 'response', { index: 0, remove: 0, insert: '回應' }, 'user');
    expect(rec.get('response')).toBeInstanceOf(Y.Text);
    expect(readText(rec, 'response')).toBe('回應');
  });

  it('exports plain strings (the file format is unchanged) and imports into text fields as edits', () => {
    const [a, b] = twoPeers();
    const exportedBefore = exportPlaybook(a);
    ensureText(firstType(a), 'description', 'user');
    const step = readChildren(firstType(a), 'steps')[0]!;
    ensureText(step, 'title', 'user');
    expect(exportPlaybook(a)).toEqual(exportedBefore);
    expect(typeof exportPlaybook(a).crisisTypes[0]!.description).toBe('string');
    // An import over a text field edits it in place: B's concurrent typing survives.
    typeAtEnd(firstType(a), 'description', '');
    sync(a, b);
    const file = exportPlaybook(a);
    file.crisisTypes[0]!.description = `${file.crisisTypes[0]!.description}（已更新）`;
    importPlaybook(a, JSON.stringify(file));
    typeAtEnd(firstType(b), 'description', 'B');
    sync(a, b);
    expect(firstType(a).get('description')).toBeInstanceOf(Y.Text);
    const text = readText(firstType(a), 'description');
    expect(text).toContain('（已更新）');
    expect(text).toContain('B');
  });

  it('duplicates records with their text, and the after-action review finds checklist items stored as text', () => {
    const [a] = twoPeers();
    const coll = playbookOf(a).crisisTypes as YCollection;
    const rec = firstType(a);
    typeAtEnd(rec, 'description', '（補充）');
    const step = readChildren(rec, 'steps')[0]!;
    const item = readChildren(step, 'checklist')[0]!;
    setText(item, 'text', '通知法務', 'user');
    const copy = coll.get(duplicateRecord(coll, recordId(rec), 'user')!)!;
    expect(readText(copy, 'description')).toBe(readText(rec, 'description'));
    expect(readText(readChildren(readChildren(copy, 'steps')[0]!, 'checklist')[0]!, 'text')).toBe('通知法務');
    const count = readChildren(step, 'checklist').length;
    const edit: ProposedEdit = {
      id: 'x',
      crisisTypeId: recordId(rec),
      stepId: recordId(step),
      stepTitle: 's',
      field: 'checklist',
      from: null,
      to: '通知法務',
      rationale: { code: 'lateAddBackup', targetMinutes: 30, lateByMinutes: 10, evidence: 1 },
    };
    applyEdit(a, edit, 'user');
    expect(readChildren(step, 'checklist')).toHaveLength(count);
  });
});

describe('diffText', () => {
  it('puts a character typed next to an identical one where the caret says', () => {
    // "ba|nana" + n → "bannana": an insertion at 2, not at 3.
    expect(diffText('banana', 'bannana', 3)).toEqual({ index: 2, remove: 0, insert: 'n' });
    expect(diffText('banana', 'bannana')).toEqual({ index: 3, remove: 0, insert: 'n' });
    // Backspace after "ba" in "banana" → "bnana"; caret at 1.
    expect(diffText('banana', 'bnana', 1)).toEqual({ index: 1, remove: 1, insert: '' });
  });

  it('handles replacements, no change, and never splits a surrogate pair', () => {
    expect(diffText('危機聲明', '危機回應', 4)).toEqual({ index: 2, remove: 2, insert: '回應' });
    expect(diffText('same', 'same', 2)).toBeNull();
    const e = diffText('a😀b', 'a😃b', 3)!;
    expect(e.insert).toBe('😃');
    expect(e.remove).toBe(2);
    // A caret that does not fit the change falls back to the plain diff.
    expect(diffText('abc', 'abXc', 0)).toEqual({ index: 2, remove: 0, insert: 'X' });
  });
});
