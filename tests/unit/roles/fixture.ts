import * as Y from 'yjs';
import { addRecord } from '../../../shared/doc/collection';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import { addMember, addUnit, updateMember } from '../../../shared/roles/roleMap';
import { setCell } from '../../../shared/roles/raci';
import { PHASES, type Phase } from '../../../shared/roles/types';
import type { PosterLabels } from '../../../shared/roles/poster';
import type { SampleLanguage } from './sampleMap';

export const DAY = 24 * 60 * 60 * 1000;
export const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

/** The poster's printed words, per sample language (poster and poster-start tests). */
export const POSTER_LABELS: Record<SampleLanguage, PosterLabels> = {
  'zh-TW': {
    crisisType: '危機類型',
    firstResponder: '第一線應變',
    phases: { detect: '偵測', assess: '評估', respond: '應變', communicate: '溝通', recover: '復原' },
    directory: { unit: '單位', name: '姓名', phone: '電話', email: '電子郵件', backup: '代理人' },
    external: '外部',
    noPeople: '尚無聯絡人',
  },
  en: {
    crisisType: 'Crisis type',
    firstResponder: 'First responder',
    phases: { detect: 'Detect', assess: 'Assess', respond: 'Respond', communicate: 'Communicate', recover: 'Recover' },
    directory: { unit: 'Unit', name: 'Name', phone: 'Phone', email: 'E-mail', backup: 'Backup' },
    external: 'external',
    noPeople: 'No contacts yet',
  },
};


export function addCrisisType(doc: Y.Doc, name: string, firstResponderUnitId = '', key = ''): string {
  return addRecord(collectionOf(doc, 'crisisTypes'), { key, name, description: '', response: '', firstResponderUnitId, steps: [], escalation: [] }, 'system');
}

/**
 * A small, valid map: 3 units (客服部, 公關部, 法務部) with one reachable, freshly reviewed key
 * person each (backups cross-named), 2 crisis types fully mapped (A = PR, R = CS, C = legal).
 */
export function smallMap() {
  const doc = new Y.Doc();
  const cs = addUnit(doc, { name: '客服部', kind: 'internal' }, 'system');
  const pr = addUnit(doc, { name: '公關部', kind: 'internal' }, 'system');
  const legal = addUnit(doc, { name: '法務部', kind: 'internal' }, 'system');
  const people: Record<string, string[]> = {};
  for (const [unit, names] of [
    [cs, ['王小明', '林美玲']],
    [pr, ['陳志豪', '張雅婷']],
    [legal, ['李律師', '黃助理']],
  ] as const) {
    const ids = names.map((name, i) => addMember(doc, unit, { name, phone: `0912-000-00${i}`, email: `p${i}@example.com`, keyRole: i === 0, reviewedAt: NOW - 10 * DAY }, 'system'));
    updateMember(doc, unit, ids[0]!, { backupMemberId: ids[1]! }, 'system');
    people[unit] = ids;
  }
  const defect = addCrisisType(doc, '產品瑕疵', cs, 'productDefect');
  const rumour = addCrisisType(doc, '不實謠言', pr, 'rumour');
  const fill = (ct: string) =>
    PHASES.forEach((p: Phase) => {
      setCell(doc, ct, p, pr, 'A', 'user');
      setCell(doc, ct, p, cs, 'R', 'user');
      setCell(doc, ct, p, legal, 'C', 'user');
    });
  fill(defect);
  fill(rumour);
  return { doc, units: { cs, pr, legal }, people, crisisTypes: { defect, rumour } };
}
