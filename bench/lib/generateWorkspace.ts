/**
 * Generated workspaces for scale benchmarks, built only through shared/ (the app's own writers):
 * 1× ≈ the default playbook and map, 20 people, 10 statements of 1,500 CJK characters and 3
 * incidents (with tasks, facts and a 12-entry log each); N× multiplies every collection (the
 * playbook and units by seeding N copies). Seeded: the same scale gives the same text.
 */
import * as Y from 'yjs';
import { write } from '../../shared/doc/origins';
import { listRecords, makeRecord, recordId } from '../../shared/doc/collection';
import { collectionOf } from '../../shared/doc/workspaceDoc';
import { seedWorkspace } from '../../shared/playbook/seed';
import { addMember } from '../../shared/roles/roleMap';
import { createStatement, getStatement, requireBody } from '../../shared/statements/store';
import { plainTextToJson, replaceBody } from '../../shared/statements/body';
import { addLogEntry, incidentsOf } from '../../shared/incidents/incidents';
import { LOG_CATEGORIES } from '../../shared/incidents/types';

const HANZI = '的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三見兩體制政度品產回收退款聲明顧客門市食安檢驗調查致歉說明暫停銷售批次供應商通報主管機關媒體記者會';
const SURNAMES = '陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾游彭詹胡施沈余盧梁趙顏柯翁魏孫戴';

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function cjkText(r: () => number, chars: number): string {
  let out = '';
  for (let i = 0; i < chars; i++) {
    out += HANZI[Math.floor(r() * HANZI.length)]!;
    if (i % 37 === 36) out += '，';
    if (i % 113 === 112) out += '。';
  }
  return out;
}

export interface GeneratedWorkspace {
  doc: Y.Doc;
  statementIds: string[];
  people: number;
  incidents: number;
}

export function generateWorkspace(scale: number, seed = 1): GeneratedWorkspace {
  const r = rng(seed);
  const doc = new Y.Doc();
  const t0 = Date.UTC(2026, 0, 5, 9);
  for (let i = 0; i < scale; i++) {
    const copy = new Y.Doc();
    seedWorkspace(copy, 'zh-TW', t0);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy), 'import');
    copy.destroy();
  }
  const units = listRecords(collectionOf(doc, 'units'));
  const people = 20 * scale;
  for (let p = 0; p < people; p++) {
    const unit = units[p % units.length]!;
    const name = SURNAMES[Math.floor(r() * SURNAMES.length)]! + cjkText(r, 2).replace(/[，。]/g, '');
    addMember(doc, recordId(unit), { name, title: cjkText(r, 3), phone: `09${String(Math.floor(r() * 1e8)).padStart(8, '0')}`, email: `p${p}@example.com` }, 'system');
  }
  const statementIds: string[] = [];
  for (let s = 0; s < 10 * scale; s++) {
    const id = createStatement(doc, { title: `${cjkText(r, 8)}聲明 ${s + 1}`, kind: 'holding', language: 'zh-TW', by: 'Bench' }, 'system');
    write(doc, 'system', () => replaceBody(requireBody(getStatement(doc, id)!), plainTextToJson(cjkText(r, 1500))));
    statementIds.push(id);
  }
  const incidents = 3 * scale;
  for (let n = 0; n < incidents; n++) {
    const id = `gen-incident-${n}`;
    write(doc, 'system', () => incidentsOf(doc).set(id, makeRecord({ id, title: `${cjkText(r, 6)}事件 ${n + 1}`, crisisTypeId: '', t0, declaredAt: t0, declaredBy: 'Bench', state: 'active', severity: 2 }, n)));
    const rec = incidentsOf(doc).get(id)!;
    for (let e = 0; e < 12; e++) addLogEntry(rec, { at: t0 + e * 60_000, by: 'Bench', category: LOG_CATEGORIES[e % LOG_CATEGORIES.length]!, text: cjkText(r, 40) }, 'system');
  }
  return { doc, statementIds, people, incidents };
}
