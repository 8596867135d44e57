import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { listRecords, readChildren, recordId } from '../../../shared/doc/collection';
import { collectionOf, metaOf, playbookOf, SCHEMA_VERSION } from '../../../shared/doc/workspaceDoc';
import { LANGUAGES } from '../../../shared/languages';
import { readPlaybook, unitName } from '../../../shared/playbook/accessors';
import { DEFAULT_CRISIS_TYPES, DEFAULT_UNITS } from '../../../shared/playbook/defaultPlaybook';
import { seedWorkspace } from '../../../shared/playbook/seed';
import { CRISIS_TYPE_KEYS } from '../../../shared/playbook/types';

describe('seedWorkspace', () => {
  it('writes meta and the whole default playbook', () => {
    const doc = new Y.Doc();
    expect(seedWorkspace(doc, 'zh-TW', 1_700_000_000_000)).toBe(true);
    const meta = metaOf(doc);
    expect(meta.get('contentLanguage')).toBe('zh-TW');
    expect(meta.get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(meta.get('createdAt')).toBe(1_700_000_000_000);

    const pb = readPlaybook(doc);
    expect(pb.units).toHaveLength(14);
    expect(pb.crisisTypes.map((t) => t.key)).toEqual([...CRISIS_TYPE_KEYS]);
    expect(pb.severities.map((s) => s.level)).toEqual([1, 2, 3, 4]);
    expect(pb.signals.length).toBeGreaterThanOrEqual(4);
    expect(pb.principles.length).toBeGreaterThanOrEqual(8);
    expect(pb.crisisTypes[0]!.name).toBe('產品瑕疵');
  });

  it.each(LANGUAGES)('seeds 13 crisis types whose steps and chains resolve to seeded units (%s)', (lang) => {
    const doc = new Y.Doc();
    seedWorkspace(doc, lang);
    const units = collectionOf(doc, 'units');
    const types = listRecords(playbookOf(doc).crisisTypes);
    expect(types).toHaveLength(13);
    for (const type of types) {
      const def = DEFAULT_CRISIS_TYPES.find((t) => t.key === type.get('key'))!;
      expect(units.get(type.get('firstResponderUnitId') as string)?.get('key')).toBe(def.firstResponder);
      const steps = readChildren(type, 'steps');
      expect(steps.length).toBe(def.steps.length);
      steps.forEach((step, i) => {
        const owner = units.get(step.get('ownerUnitId') as string);
        expect(owner, `${def.key} step ${i}`).toBeDefined();
        expect(owner!.get('key')).toBe(def.steps[i]!.owner);
        expect(step.get('title')).toBe(def.steps[i]!.title[lang]);
        expect(readChildren(step, 'checklist').map((c) => c.get('text'))).toEqual(def.steps[i]!.checklist.map((c) => c[lang]));
      });
      for (const esc of readChildren(type, 'escalation')) expect(units.has(esc.get('unitId') as string)).toBe(true);
    }
    for (const sev of listRecords(playbookOf(doc).severities)) {
      for (const rule of readChildren(sev, 'notify')) expect(units.has(rule.get('who') as string)).toBe(true);
    }
    const customerService = listRecords(units).find((u) => u.get('key') === 'customerService')!;
    expect(unitName(doc, recordId(customerService))).toBe(DEFAULT_UNITS[0]!.name[lang]);
  });

  it('is idempotent: a second seed (any language) writes nothing', () => {
    const doc = new Y.Doc();
    seedWorkspace(doc, 'en');
    const before = Y.encodeStateVector(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(seedWorkspace(doc, 'zh-CN')).toBe(false);
    expect(updates).toBe(0);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(listRecords(playbookOf(doc).crisisTypes)).toHaveLength(13);
    expect(metaOf(doc).get('contentLanguage')).toBe('en');
  });

  it('does not seed a document that already came from a peer', () => {
    const a = new Y.Doc();
    seedWorkspace(a, 'zh-TW');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
    expect(seedWorkspace(b, 'en')).toBe(false);
    expect(collectionOf(b, 'units').size).toBe(14);
  });

  it('writes everything in one transaction with origin "system"', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    seedWorkspace(doc, 'zh-CN');
    expect(origins).toEqual(['system']);
  });

  it('joins an outer transaction without opening a second one', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    doc.transact(() => {
      seedWorkspace(doc, 'en');
      metaOf(doc).set('name', 'Demo');
    }, 'system');
    expect(origins).toEqual(['system']);
    expect(metaOf(doc).get('name')).toBe('Demo');
  });
});
