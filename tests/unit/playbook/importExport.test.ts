import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addRecord, listRecords, readChildren, setField, recordId } from '../../../shared/doc/collection';
import { collectionOf, metaOf, playbookOf } from '../../../shared/doc/workspaceDoc';
import {
  crisisTypeById,
  exportPlaybook,
  importPlaybook,
  PlaybookImportError,
  readPlaybook,
  unitById,
  unitName,
} from '../../../shared/playbook/accessors';
import { PlaybookFileSchema, type PlaybookFile } from '../../../shared/playbook/schema';
import { seedWorkspace } from '../../../shared/playbook/seed';

function seeded(lang: 'zh-TW' | 'zh-CN' | 'en' = 'zh-TW'): Y.Doc {
  const doc = new Y.Doc();
  seedWorkspace(doc, lang);
  return doc;
}

/** Runs `fn` and reports whether the document changed at all. */
function changes(doc: Y.Doc, fn: () => void): number {
  let updates = 0;
  const count = () => updates++;
  doc.on('update', count);
  try {
    fn();
  } finally {
    doc.off('update', count);
  }
  return updates;
}

function rejection(fn: () => unknown): PlaybookImportError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PlaybookImportError);
    return err as PlaybookImportError;
  }
  throw new Error('expected the import to be rejected');
}

describe('export and import', () => {
  it('round-trips: export → JSON → import into a fresh doc gives equal plain data', () => {
    const a = seeded('zh-TW');
    // Team-made records (key '') travel too.
    const unitId = addRecord(collectionOf(a, 'units'), { key: '', name: '門市督導', kind: 'internal', duties: '現場支援' }, 'user');
    addRecord(
      playbookOf(a).crisisTypes,
      {
        key: '',
        name: '停電',
        description: '',
        response: '',
        firstResponderUnitId: unitId,
        steps: [{ title: '啟動備援', ownerUnitId: unitId, targetMinutes: 10, checklist: [{ text: '確認發電機' }] }],
        escalation: [],
      },
      'user',
    );
    const exported = exportPlaybook(a);
    expect(exported.crisisTypes).toHaveLength(14);
    expect(() => PlaybookFileSchema.parse(exported)).not.toThrow();
    const b = new Y.Doc();
    const summary = importPlaybook(b, JSON.stringify(exported));
    expect(exportPlaybook(b)).toEqual(exported);
    expect(readPlaybook(b)).toEqual(readPlaybook(a));
    expect(summary).toMatchObject({ crisisTypes: 14, unitsAdded: 15, unitsMatched: 0, removed: 0 });
    // The imported workspace counts as started: seeding would not add a second playbook.
    expect(metaOf(b).get('contentLanguage')).toBe('zh-TW');
    expect(seedWorkspace(b, 'en')).toBe(false);
  });

  it('writes an import in one transaction tagged with its origin', () => {
    const file = exportPlaybook(seeded('en'));
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    importPlaybook(doc, file);
    importPlaybook(doc, file, 'user');
    expect(origins).toEqual(['import', 'user']);
  });

  it('rejects a malformed playbook with every path and leaves the doc unchanged', () => {
    const doc = seeded('en');
    const before = exportPlaybook(doc);
    const bad = structuredClone(before) as unknown as Record<string, unknown> & PlaybookFile;
    (bad.crisisTypes[1]!.steps[0] as unknown as Record<string, unknown>).targetMinutes = 'soon';
    (bad.units[0] as unknown as Record<string, unknown>).kind = 'contractor';
    delete (bad.severities[2] as unknown as Record<string, unknown>).name;
    bad.signals[1]!.id = bad.signals[0]!.id;
    (bad as Record<string, unknown>).version = 99;

    let err!: PlaybookImportError;
    expect(changes(doc, () => (err = rejection(() => importPlaybook(doc, bad))))).toBe(0);
    const paths = err.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['version', 'crisisTypes[1].steps[0].targetMinutes', 'units[0].kind', 'severities[2].name', 'signals[1].id']),
    );
    expect(err.message).toContain('crisisTypes[1].steps[0].targetMinutes');
    expect(err.message).toMatch(/duplicate id/);
    expect(exportPlaybook(doc)).toEqual(before);
  });

  it('rejects what is not a playbook at all', () => {
    const doc = new Y.Doc();
    const updates = changes(doc, () => {
      expect(rejection(() => importPlaybook(doc, '{"version":1,')).issues[0]!.message).toMatch(/not valid JSON/);
      // The whole file ('' path), as a code the UI words in its language (issue 13: no raw zod English).
      expect(rejection(() => importPlaybook(doc, [])).issues[0]).toMatchObject({ path: '', code: 'expectedObject' });
      expect(rejection(() => importPlaybook(doc, '{"version":1,')).issues[0]).toMatchObject({ path: '', code: 'notJson' });
      expect(rejection(() => importPlaybook(doc, { version: 1, language: 'fr' })).issues.map((i) => i.path)).toEqual(
        expect.arrayContaining(['language', 'severities', 'crisisTypes', 'units']),
      );
    });
    expect(updates).toBe(0);
    expect(metaOf(doc).get('schemaVersion')).toBeUndefined();
  });

  it('merges units and crisis types by built-in key, keeping ids (and what the map added)', () => {
    const doc = seeded('zh-TW');
    const units = collectionOf(doc, 'units');
    const cs = listRecords(units).find((u) => u.get('key') === 'customerService')!;
    const csId = recordId(cs);
    setField(cs, 'abbr', 'CS', 'user');
    const productDefectId = readPlaybook(doc).crisisTypes[0]!.id;
    const customId = addRecord(playbookOf(doc).crisisTypes, { key: '', name: '自訂類型', steps: [] }, 'user');

    const file = exportPlaybook(seeded('en'));
    const summary = importPlaybook(doc, file);
    expect(summary).toMatchObject({ unitsMatched: 14, unitsAdded: 0, crisisTypes: 13 });
    expect(summary.removed).toBeGreaterThanOrEqual(1);

    const after = readPlaybook(doc);
    expect(after.units).toHaveLength(14);
    expect(unitName(doc, csId)).toBe('Customer Service');
    expect(cs.get('abbr')).toBe('CS');
    expect(after.crisisTypes[0]!.id).toBe(productDefectId);
    expect(after.crisisTypes[0]!.name).toBe('Product defect');
    expect(crisisTypeById(doc, customId)).toBeUndefined();
    // References in the file were remapped onto the workspace's unit ids.
    const unitIds = new Set(after.units.map((u) => u.id));
    for (const t of after.crisisTypes) {
      expect(unitIds.has(t.firstResponderUnitId)).toBe(true);
      for (const s of t.steps) expect(unitIds.has(s.ownerUnitId)).toBe(true);
    }
    expect(after.crisisTypes.find((t) => t.key === 'serviceFailure')!.firstResponderUnitId).toBe(csId);
  });

  it('keeps free-text notify targets that name no unit', () => {
    const file = exportPlaybook(seeded('en'));
    file.severities[0]!.notify.push({ id: 'outside', who: 'Board chair (by phone)', withinMinutes: 20 });
    const doc = new Y.Doc();
    importPlaybook(doc, file);
    expect(readPlaybook(doc).severities[0]!.notify.at(-1)).toEqual({ id: 'outside', who: 'Board chair (by phone)', withinMinutes: 20 });
  });
});

describe('lenient reads', () => {
  it('fills in missing or broken fields with defaults', () => {
    const doc = new Y.Doc();
    const coll = playbookOf(doc).crisisTypes;
    const id = addRecord(coll, { name: 'Half-written', steps: [{ title: 'Step', targetMinutes: 'x' }, { targetMinutes: -5 }] }, 'user');
    const type = crisisTypeById(doc, id)!;
    expect(type).toEqual({
      id,
      key: '',
      name: 'Half-written',
      description: '',
      response: '',
      firstResponderUnitId: '',
      steps: [
        { id: expect.any(String), title: 'Step', ownerUnitId: '', targetMinutes: 0, checklist: [] },
        { id: expect.any(String), title: '', ownerUnitId: '', targetMinutes: 0, checklist: [] },
      ],
      escalation: [],
    });
    // What a lenient read returns always exports as a valid file.
    expect(() => PlaybookFileSchema.parse(exportPlaybook(doc))).not.toThrow();
  });

  it('answers undefined for ids that name nothing', () => {
    const doc = seeded('en');
    expect(crisisTypeById(doc, 'nope')).toBeUndefined();
    expect(unitById(doc, 'nope')).toBeUndefined();
    expect(unitName(doc, 'nope')).toBeUndefined();
    const first = readPlaybook(doc).crisisTypes[0]!;
    expect(crisisTypeById(doc, first.id)).toEqual(first);
    expect(readChildren(playbookOf(doc).crisisTypes.get(first.id)!, 'steps')).toHaveLength(first.steps.length);
  });
});
