import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../../bench/lib/generateWorkspace';
import { withoutParts } from '../../../bench/lib/decodeParts';
import { collectionOf, playbookOf } from '../../../shared/doc/workspaceDoc';
import { childrenOf, readChildren } from '../../../shared/doc/collection';
import { PART_FIELD } from '../../../shared/doc/parts';

const structs = (doc: Y.Doc) => [...doc.store.clients.values()].reduce((n, s) => n + s.length, 0);
const load = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, update, 'system');
  return doc;
};
const records = (doc: Y.Doc, name: 'statements' | 'incidents') => [...collectionOf(doc, name).values()].filter((r): r is Y.Map<unknown> => r instanceof Y.Map);

describe("P13's reduced states (bench/lib/decodeParts.ts)", () => {
  const full = Y.encodeStateAsUpdateV2(generateWorkspace(1).doc);
  const whole = load(full);
  const types = (doc: Y.Doc) => [...playbookOf(doc).crisisTypes.values()] as Array<Y.Map<unknown>>;

  it('without details: no crisis type keeps steps or escalation; everything else is as it was', () => {
    const doc = load(withoutParts(full, 'details'));
    // The generator writes each type's details into its part (shared/doc/parts.ts).
    expect(types(whole).every((t) => t.has(PART_FIELD) && !t.has('steps') && readChildren(t, 'steps').length > 0 && childrenOf(t, 'escalation') !== null)).toBe(true);
    expect(types(doc).map((t) => [t.get('name'), t.has(PART_FIELD), t.has('steps'), t.has('escalation')])).toEqual(types(whole).map((t) => [t.get('name'), false, false, false]));
    expect(records(doc, 'statements').map((s) => s.toJSON())).toEqual(records(whole, 'statements').map((s) => s.toJSON()));
    expect(full.length - withoutParts(full, 'details').length).toBeGreaterThan(0);
  });

  it('without details, bodies and logs: statements keep their title but no body, versions or releases; incidents no log', () => {
    const doc = load(withoutParts(full, 'details+bodies+logs'));
    expect(types(doc).some((t) => t.has('steps') || t.has(PART_FIELD))).toBe(false);
    expect(records(whole, 'statements').every((s) => s.has('body') && childrenOf(s, 'versions') !== null && s.has('releases'))).toBe(true);
    const statements = records(doc, 'statements');
    expect(statements.length).toBe(records(whole, 'statements').length);
    expect(statements.every((s) => typeof s.get('title') === 'string' && !s.has('body') && !s.has('versions') && !s.has(PART_FIELD) && !s.has('releases'))).toBe(true);
    expect(records(whole, 'incidents').every((i) => i.has('log'))).toBe(true);
    expect(records(doc, 'incidents').some((i) => i.has('log'))).toBe(false);
    expect(structs(doc)).toBeLessThan(structs(load(withoutParts(full, 'details'))));
  });
});
