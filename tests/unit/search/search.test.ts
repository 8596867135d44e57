import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { write } from '../../../shared/doc/origins';
import { seedWorkspace } from '../../../shared/playbook/seed';
import { createStatement, getStatement, requireBody } from '../../../shared/statements/store';
import { plainTextToJson, replaceBody } from '../../../shared/statements/body';
import { addMember, addUnit, updateUnit } from '../../../shared/roles/roleMap';
import { addLogEntry, incidentsOf } from '../../../shared/incidents/incidents';
import { makeRecord } from '../../../shared/doc/collection';
import { SearchIndex, queryTerms } from '../../../shared/search/searchIndex';
import { SearchTracker } from '../../../shared/search/tracker';
import { SEARCH_SOURCES } from '../../../shared/search/sources';

function workspace() {
  const doc = new Y.Doc();
  write(doc, 'system', () => seedWorkspace(doc, 'zh-TW'));
  const statementId = createStatement(doc, { title: '產品回收聲明', kind: 'holding', language: 'zh-TW', by: 'PR' }, 'user');
  write(doc, 'user', () => replaceBody(requireBody(getStatement(doc, statementId)!), plainTextToJson('我們已全額退款給受影響的顧客，並暫停銷售該批次產品。')));
  const unitId = addUnit(doc, { name: '法務室', kind: 'internal' }, 'user');
  addMember(doc, unitId, { name: '林律師', title: '法務長', email: 'lin@example.com' }, 'user');
  write(doc, 'user', () => incidentsOf(doc).set('inc-1', makeRecord({ id: 'inc-1', title: '便當食安事件', crisisTypeId: '', t0: 1, declaredAt: 1, state: 'active' }, 0)));
  addLogEntry(incidentsOf(doc).get('inc-1')!, { at: 2, by: 'Mei', category: 'decision', text: '決定下架全部門市的雞腿便當' }, 'user');
  return { doc, statementId, unitId };
}

describe('search across a workspace (Ctrl+K)', () => {
  it('finds Chinese inside words, without spaces, in titles and bodies, and jumps to the right place', () => {
    const { doc, statementId, unitId } = workspace();
    const t = new SearchTracker(doc);
    const refund = t.search('全額退款');
    expect(refund[0]?.entry).toMatchObject({ kind: 'statement', title: '產品回收聲明', path: ['statements', statementId] });
    expect(refund[0]?.snippet).toContain('全額退款');
    expect(t.search('律師')[0]?.entry).toMatchObject({ kind: 'person', title: '林律師', path: ['roles', 'people', unitId], context: '法務室' });
    expect(t.search('雞腿')[0]?.entry).toMatchObject({ kind: 'decision', path: ['incidents', 'inc-1'], context: '便當食安事件' });
    expect(t.search('便當食安')[0]?.entry.kind).toBe('incident');
    // The default playbook is searchable too.
    expect(t.search('產品瑕疵')[0]?.entry).toMatchObject({ kind: 'playbook', title: '產品瑕疵', path: ['playbook', 'crisisTypes', expect.any(String)] });
    expect(t.search('完全不存在的字串')).toEqual([]);
  });

  it('all terms must match; full-width Latin and case are ignored; the title ranks before the text', () => {
    const { doc } = workspace();
    const t = new SearchTracker(doc);
    expect(t.search('LIN@EXAMPLE')[0]?.entry.title).toBe('林律師');
    expect(t.search('ｌｉｎ＠example')[0]?.entry.title).toBe('林律師');
    expect(t.search('全額退款 批次').map((h) => h.entry.kind)).toEqual(['statement']);
    expect(t.search('全額退款 律師')).toEqual([]);
    const idx = new SearchIndex();
    idx.setRecord('s', 'a', [{ key: 'a', kind: 'statement', title: '其他', text: '回收', path: [] }]);
    idx.setRecord('s', 'b', [{ key: 'b', kind: 'statement', title: '回收公告', text: '', path: [] }]);
    expect(idx.search('回收').map((h) => h.entry.key)).toEqual(['b', 'a']);
    expect(queryTerms('  A  a ｂ ')).toEqual(['a', 'b']);
  });

  it('reads again only the records a change touched, and only when someone searches', () => {
    const { doc, statementId, unitId } = workspace();
    const spy = SEARCH_SOURCES.map((s) => ({ ...s, entries: vi.fn(s.entries) }));
    const t = new SearchTracker(doc, spy);
    t.search('x');
    const statements = spy.find((s) => s.root === 'statements')!;
    const people = spy.find((s) => s.root === 'roles.members')!;
    const readsBefore = spy.map((s) => s.entries.mock.calls.length);
    // 50 keystrokes in one statement: nothing is read until the next search, then that statement once.
    const body = requireBody(getStatement(doc, statementId)!);
    for (let i = 0; i < 50; i++) write(doc, 'user', () => (body.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('新')]));
    expect(spy.map((s) => s.entries.mock.calls.length)).toEqual(readsBefore);
    expect(t.search('新新新')[0]?.entry.path).toEqual(['statements', statementId]);
    expect(statements.entries.mock.calls.length - readsBefore[spy.indexOf(statements)]!).toBe(1);
    expect(spy.filter((s) => s !== statements).map((s) => s.entries.mock.calls.length)).toEqual(readsBefore.filter((_, i) => spy[i] !== statements));
    // A renamed unit: its people show the new name.
    updateUnit(doc, unitId, { name: '法務與法遵室' }, 'user');
    expect(t.search('林律師')[0]?.entry.context).toBe('法務與法遵室');
    expect(people.entries.mock.calls.length).toBeGreaterThan(0);
    // A deleted statement is gone.
    write(doc, 'user', () => doc.getMap('statements').delete(statementId));
    expect(t.search('全額退款')).toEqual([]);
    t.destroy();
  });
});
