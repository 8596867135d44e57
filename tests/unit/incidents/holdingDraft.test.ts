import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftHoldingStatement, holdingTemplateFor, holdingValues } from '../../../shared/incidents/holdingDraft';
import { declareIncident, incidentRecord, readIncident } from '../../../shared/incidents/incidents';
import { bodyText } from '../../../shared/statements/body';
import { getStatement, readStatement, requireBody } from '../../../shared/statements/store';
import { factsFor } from '../../../shared/statements/factsheet';

const T0 = Date.UTC(2025, 10, 21, 7, 0);

function incidentDoc(facts: { label: string; value: string; kind: 'number' | 'date' | 'name' | 'model' }[] = []) {
  const doc = new Y.Doc();
  const id = declareIncident(
    doc,
    { title: 'Guests ill after dinner at the Xinyi branch', drill: false, crisisTypeId: 'type-food', risk: { likelihood: 3, loss: 3, feasibility: 3 }, t0: T0, declaredBy: 'Mei', facts },
    { crisisType: { id: 'type-food', steps: [] }, unitIds: new Set(), levels: [1, 2, 3, 4] },
    'user',
  );
  return { doc, id, rec: incidentRecord(doc, id) };
}

describe('holding statement from the incident', () => {
  it('picks the template of the crisis type and language, and product defect for a custom type', () => {
    expect(holdingTemplateFor('foodSafety', 'zh-TW')?.id).toBe('foodSafety.zh-TW');
    expect(holdingTemplateFor('', 'en')?.id).toBe('productDefect.en');
  });

  it('fills placeholders from the incident, its facts sheet and the company profile', () => {
    const { rec, id } = incidentDoc([
      { label: 'Product concerned', value: 'seafood risotto', kind: 'model' },
      { label: 'Hotline contact', value: '0800-123-456', kind: 'name' },
    ]);
    const values = holdingValues({ incident: readIncident(rec, id), crisisTypeKey: 'foodSafety', language: 'en', companyName: 'Hefeng Dining', contact: '', timeZone: 'UTC' });
    expect(values).toEqual({ company: 'Hefeng Dining', product: 'seafood risotto', incident: 'Guests ill after dinner at the Xinyi branch', time: expect.stringContaining('November 21'), contact: '0800-123-456' });
    expect(holdingValues({ incident: readIncident(rec, id), crisisTypeKey: 'foodSafety', language: 'en', companyName: 'X', contact: 'press@x.example' }).contact).toBe('press@x.example');
  });

  it('creates a linked holding statement the studio can check against the incident facts', () => {
    const { doc, rec, id } = incidentDoc([{ label: 'Product concerned', value: 'seafood risotto', kind: 'model' }]);
    const { statementId, missing } = draftHoldingStatement(doc, rec, { language: 'en', crisisTypeKey: 'foodSafety', companyName: 'Hefeng Dining', contact: '0800-123-456', by: 'Mei', now: T0 + 60_000, timeZone: 'UTC' }, 'user');
    expect(missing).toEqual([]);
    const st = getStatement(doc, statementId)!;
    expect(readStatement(st)).toMatchObject({ kind: 'holding', incidentId: id, templateId: 'foodSafety.en', crisisTypeId: 'type-food', stage: 'draft', language: 'en' });
    const text = bodyText(requireBody(st));
    expect(text).toContain('Hefeng Dining');
    expect(text).toContain('seafood risotto');
    expect(text).not.toMatch(/\{(company|product|incident|time|contact)\}/);
    expect(readIncident(rec, id).statementIds).toEqual([statementId]);
    expect(factsFor(doc, st).map((f) => f.value)).toEqual(['seafood risotto']);
  });

  it('leaves unknown placeholders visible and says which', () => {
    const { doc, rec } = incidentDoc();
    const { missing } = draftHoldingStatement(doc, rec, { language: 'zh-TW', crisisTypeKey: 'foodSafety', companyName: '', contact: '', by: 'Mei', now: T0 }, 'user');
    expect(missing.sort()).toEqual(['company', 'contact', 'product']);
  });
});
