/**
 * A realistic responsibility map of any size, for poster tests, the e2e print checks and bench P7:
 * units with 1–3 people each (phone, e-mail, handle, key person with a backup), crisis types with
 * a first responder and a full RACI per phase (one A, one or two R, C and I). Deterministic.
 */
import * as Y from 'yjs';
import { addRecord } from '../../../shared/doc/collection';
import { write } from '../../../shared/doc/origins';
import { collectionOf, metaOf, SCHEMA_VERSION } from '../../../shared/doc/workspaceDoc';
import { raciOf } from '../../../shared/roles/raci';
import { addMember, addUnit, updateMember } from '../../../shared/roles/roleMap';
import { cellKey, PHASES, type RaciRole } from '../../../shared/roles/types';

export type SampleLanguage = 'zh-TW' | 'en';

const UNITS: Record<SampleLanguage, string[]> = {
  'zh-TW': ['客服部', '公關部', '社群小組', '法務部', '產品研發部', '行銷部', '高階主管', '法遵室', '營運部', '人資部', '資訊安全部', '公關顧問公司', '律師事務所', '輿情監測廠商'],
  en: ['Customer Service', 'Public Relations', 'Social Media Team', 'Legal', 'Product & R&D', 'Marketing', 'Executives', 'Compliance', 'Operations', 'Human Resources', 'IT Security', 'PR Agency', 'Law Firm', 'Monitoring Vendor'],
};
const CRISIS_TYPES: Record<SampleLanguage, string[]> = {
  'zh-TW': ['產品瑕疵', '服務疏失', '不實謠言', '物流問題', '競爭對手攻擊', '行銷爭議', '情緒性抱怨', '個資外洩', '高層失言', '勞資爭議', '食品安全事件', '不實廣告', '超賣超訂'],
  en: ['Product defect', 'Service failure', 'False rumour', 'Logistics problem', 'Competitor attack', 'Marketing controversy', 'Emotional venting', 'Data leak', 'Executive misconduct', 'Labour dispute', 'Food-safety incident', 'False advertising', 'Overbooking'],
};
const FAMILY = { 'zh-TW': ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭'], en: ['Chen', 'Lin', 'Huang', 'Chang', 'Lee', 'Wang', 'Wu', 'Liu', 'Tsai', 'Yang', 'Hsu', 'Cheng'] };
const GIVEN = { 'zh-TW': ['志明', '美玲', '家豪', '雅婷', '俊傑', '淑芬', '建宏', '怡君', '冠宇', '佩珊', '宗翰', '欣怡'], en: ['Alex', 'Grace', 'Kevin', 'Irene', 'Jason', 'Vivian', 'Eric', 'Joyce', 'Leo', 'Amber', 'Ryan', 'Tina'] };
const TITLES = { 'zh-TW': ['經理', '副理', '主任', '專員'], en: ['Manager', 'Deputy manager', 'Lead', 'Specialist'] };

/** Small seeded PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleOptions {
  units: number;
  crisisTypes: number;
  language: SampleLanguage;
  /** Review date of every contact (epoch ms); default: fresh. */
  reviewedAt?: number;
  seed?: number;
  /** Workspace name written to meta. */
  workspaceName?: string;
}

export interface SampleMap {
  doc: Y.Doc;
  unitNames: string[];
  memberNames: string[];
  crisisTypeNames: string[];
}

/** Unique name for the n-th unit / crisis type beyond the built-in list. */
function nth(list: string[], i: number, language: SampleLanguage, word: { 'zh-TW': string; en: string }): string {
  return i < list.length ? list[i]! : `${word[language]} ${i + 1}`;
}

export function buildSampleMap(opts: SampleOptions): SampleMap {
  const doc = new Y.Doc();
  const lang = opts.language;
  const random = rng(opts.seed ?? 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const reviewedAt = opts.reviewedAt ?? Date.now() - 7 * 24 * 3600 * 1000;
  const unitNames: string[] = [];
  const memberNames: string[] = [];
  const crisisTypeNames: string[] = [];
  write(doc, 'system', () => {
    const meta = metaOf(doc);
    meta.set('name', opts.workspaceName ?? 'Sample');
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('contentLanguage', lang);
    meta.set('createdAt', reviewedAt);
    meta.set('roomKey', `sample-room-key-${opts.seed ?? 7}`);

    const unitIds: string[] = [];
    let person = 0;
    for (let u = 0; u < opts.units; u++) {
      const name = nth(UNITS[lang], u, lang, { 'zh-TW': '區域應變小組', en: 'Regional response team' });
      unitNames.push(name);
      const id = addUnit(doc, { name, kind: u >= 11 && u < 14 ? 'external' : 'internal', duties: '' }, 'system');
      unitIds.push(id);
      const count = 1 + ((u * 7) % 3);
      const ids: string[] = [];
      for (let m = 0; m < count; m++, person++) {
        // Family × given name gives 144 distinct names; a number keeps larger maps unique.
        const base = lang === 'en' ? `${GIVEN.en[person % 12]} ${FAMILY.en[Math.floor(person / 12) % 12]}` : `${FAMILY['zh-TW'][Math.floor(person / 12) % 12]}${GIVEN['zh-TW'][person % 12]}`;
        const memberName = person < 144 ? base : `${base}${Math.floor(person / 144) + 1}`;
        memberNames.push(memberName);
        const local = `p${person}`;
        ids.push(
          addMember(
            doc,
            id,
            {
              name: memberName,
              title: pick(TITLES[lang]),
              phone: `+886-2-2${String(1000 + person).padStart(4, '0')}-${String(5000 + u).slice(-4)}`,
              email: `${local}.unit${u + 1}@example.com.tw`,
              handle: m === 0 ? `LINE: ${local}` : '',
              keyRole: m === 0,
              reviewedAt,
            },
            'system',
          ),
        );
      }
      if (ids.length > 1) updateMember(doc, id, ids[0]!, { backupMemberId: ids[1]! }, 'system');
    }

    const raci = raciOf(doc);
    for (let c = 0; c < opts.crisisTypes; c++) {
      const name = nth(CRISIS_TYPES[lang], c, lang, { 'zh-TW': '演練情境', en: 'Drill scenario' });
      crisisTypeNames.push(name);
      const fr = unitIds[c % unitIds.length] ?? '';
      const ct = addRecord(collectionOf(doc, 'crisisTypes'), { key: '', name, description: '', response: '', firstResponderUnitId: fr, steps: [], escalation: [] }, 'system');
      for (const phase of PHASES) {
        const shuffled = [...unitIds].sort(() => random() - 0.5);
        const roles: RaciRole[] = ['A', 'R', 'R', 'C', 'C', 'I', 'I'];
        roles.slice(0, Math.min(roles.length, shuffled.length)).forEach((role, i) => {
          if (role === 'R' && i === 2 && random() < 0.4) return;
          raci.set(cellKey(ct, phase, shuffled[i]!), role);
        });
      }
    }
  });
  return { doc, unitNames, memberNames, crisisTypeNames };
}
