import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { computeAar, type ReviewStep } from '../../../shared/drills/aar';
import { deriveFindings, PREPARE_REPLY_ITEM, WATCH_CHANNEL_ITEM, type Finding } from '../../../shared/drills/aarFindings';
import { BACKUP_OWNER_ITEM } from '../../../shared/drills/findings';
import type { Inject } from '../../../shared/drills/scenario';
import type { Incident, LogEntry } from '../../../shared/incidents/types';
import type { Language } from '../../../shared/languages';
import { findingText, type Translate } from '../../../renderer/features/drills/aarFindingText';
import { drillsLocales } from '../../../renderer/features/drills/locales';

const T0 = Date.UTC(2025, 5, 1, 18, 0);
const MIN = 60_000;
const at = (m: number) => T0 + m * MIN;

const steps: ReviewStep[] = [
  { id: 's-stop', title: 'Stop sales and seal samples', ownerUnitId: 'ops', targetMinutes: 30 },
  { id: 's-hold', title: 'Publish a holding statement', ownerUnitId: 'pr', targetMinutes: 60 },
  { id: 's-facts', title: 'Confirm the facts', ownerUnitId: 'cs', targetMinutes: 20 },
];
const UNITS: Record<Language, Record<string, string>> = {
  'zh-TW': { ops: '營運部', pr: '公關部', cs: '客服部' },
  'zh-CN': { ops: '运营部', pr: '公关部', cs: '客服部' },
  en: { ops: 'Operations', pr: 'PR', cs: 'Customer service' },
};

const inj = (id: string, offsetMinutes: number, channel: Inject['channel'], linkedStepId: string): Inject => ({ id, offsetMinutes, channel, content: `inject ${id}`, expectedResponse: '', linkedStepId, linkedStepTitle: '' });
type Inc = Pick<Incident, 'id' | 'crisisTypeId' | 't0' | 'tasks' | 'log' | 'closedAt' | 'severity'>;
const task = (id: string, stepId: string, dueMin: number, doneMin: number | null, extra: Partial<Incident['tasks'][number]> = {}): Incident['tasks'][number] => ({
  id,
  stepId,
  title: steps.find((s) => s.id === stepId)!.title,
  ownerUnitId: steps.find((s) => s.id === stepId)!.ownerUnitId,
  dueAt: at(dueMin),
  status: doneMin === null ? 'open' : 'done',
  doneAt: doneMin === null ? null : at(doneMin),
  doneBy: doneMin === null ? '' : 'Ken',
  ...extra,
});
const comm = (id: string, m: number, extra: Partial<LogEntry> = {}): LogEntry => ({ id, at: at(m), by: 'Mei', category: 'communication', text: id, ...extra });

/** A 4-hour drill at level 1 (updates every 30 min) where a lot went wrong, each in its own way. */
const rough: Inc = {
  id: 'd',
  crisisTypeId: 'ty',
  t0: T0,
  closedAt: at(240),
  severity: 1,
  tasks: [
    task('t-stop', 's-stop', 30, 68, { ownerName: 'Chen Wei' }), // 38 min late: a backup owner
    task('t-hold', 's-hold', 60, 200), // 140 min late on a 60-min target: the target does not fit
    task('t-facts', 's-facts', 20, null), // never done
  ],
  log: [comm('l-reply', 100, { injectId: 'i-media' }), comm('l-ok', 150, { approved: true, statementId: 'st' })],
};
const roughInjects = [inj('i-post', 0, 'social', 's-facts'), inj('i-media', 45, 'media_call', 's-hold'), inj('i-letter', 90, 'regulator_letter', '')];

function derive(incident: Inc, injects: Inject[], lang: Language = 'en'): Finding[] {
  return deriveFindings(computeAar({ incident, injects, steps }), incident, 'ty', steps, lang);
}

async function translator(lang: Language): Promise<Translate> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { drills: drillsLocales[lang] } }, ns: ['drills'], defaultNS: 'drills', interpolation: { escapeValue: false } });
  return i18n.getFixedT(lang, 'drills') as unknown as Translate;
}

describe('findings derived from what happened', () => {
  const findings = derive(rough, roughInjects);
  const byId = Object.fromEntries(findings.map((f) => [f.id, f]));

  it('names each late or missed task with its unit, person, due and done times, and fits the proposal to the cause', () => {
    expect(findings.map((f) => [f.id, f.proposal])).toEqual([
      ['taskMissed:t-facts', 'addBackupOwner'],
      ['taskLate:t-hold', 'raiseTarget'],
      ['taskLate:t-stop', 'addBackupOwner'],
      ['injectUnanswered:i-post', 'watchChannel'],
      ['injectLate:i-media', 'prepareReply'],
      ['injectUnanswered:i-letter', 'watchChannel'],
      ['cadenceGap', 'updateReminder'],
      ['statementLate', 'preapproveHolding'],
    ]);
    expect(byId['taskLate:t-stop']!.facts).toMatchObject({ stepTitle: 'Stop sales and seal samples', unitId: 'ops', person: 'Chen Wei', dueMinutes: 30, doneMinutes: 68, lateMinutes: 38, targetMinutes: 30 });
    expect(byId['taskLate:t-stop']!.edit).toMatchObject({ stepId: 's-stop', field: 'checklist', to: BACKUP_OWNER_ITEM.en });
    expect(byId['taskLate:t-hold']!.facts).toMatchObject({ person: 'Ken', lateMinutes: 140, proposedTarget: 210 });
    expect(byId['taskLate:t-hold']!.edit).toMatchObject({ stepId: 's-hold', field: 'targetMinutes', from: 60, to: 210 });
    expect(byId['taskMissed:t-facts']!.facts).toMatchObject({ unitId: 'cs', person: '', dueMinutes: 20, doneMinutes: null, lateMinutes: 220 });
  });

  it('says which inject went unanswered for how long, and which was answered late', () => {
    expect(byId['injectUnanswered:i-post']!.facts).toMatchObject({ channel: 'social', injectMinutes: 0, dueMinutes: 20, waitedMinutes: 240, lateMinutes: 220, stepId: 's-facts', unitId: 'cs' });
    expect(byId['injectUnanswered:i-post']!.edit).toMatchObject({ stepId: 's-facts', to: WATCH_CHANNEL_ITEM.en, rationale: { code: 'unansweredWatchChannel' } });
    expect(byId['injectLate:i-media']!.facts).toMatchObject({ channel: 'media_call', injectMinutes: 45, dueMinutes: 60, doneMinutes: 100, waitedMinutes: 55, lateMinutes: 40 });
    expect(byId['injectLate:i-media']!.edit).toMatchObject({ stepId: 's-hold', to: PREPARE_REPLY_ITEM.en });
    // Not linked to a step: still a finding, with no playbook edit.
    expect(byId['injectUnanswered:i-letter']!.facts).toMatchObject({ stepId: null, dueMinutes: null, waitedMinutes: 150 });
    expect(byId['injectUnanswered:i-letter']!.edit).toBeNull();
  });

  it('measures the longest silence against the level’s cadence, and the first statement against its target', () => {
    expect(byId.cadenceGap!.facts).toMatchObject({ gapMinutes: 100, gapFromMinutes: 0, gapToMinutes: 100, level: 1, intervalMinutes: 30, missedUpdates: 3, lateMinutes: 70 });
    expect(byId.statementLate!.facts).toMatchObject({ statementMinutes: 150, statementTargetMinutes: 60, lateMinutes: 90 });
    expect(byId.cadenceGap!.edit).toBeNull();
  });

  it.each(['zh-TW', 'zh-CN', 'en'] as const)('words every finding differently in %s, with the specifics in the text', async (lang) => {
    const t = await translator(lang);
    const texts = derive(rough, roughInjects, lang).map((f) => findingText(t, f, (id) => UNITS[lang][id] ?? id, lang));
    const whole = texts.map((x) => `${x.what} ${x.proposal}`);
    expect(new Set(whole).size).toBe(whole.length);
    for (const x of texts) expect(x.what).not.toMatch(/\{\{|review\.|undefined|NaN/);
    const stop = texts[2]!;
    if (lang === 'en') {
      expect(stop.what).toBe('Operations (Chen Wei) did "Stop sales and seal samples" 38 min late (due T+0:30, done T+1:08).');
      expect(stop.proposal).toContain('name a backup owner for "Stop sales and seal samples"');
      expect(texts[1]!.proposal).toContain('from 60 to 210 min');
      expect(texts[0]!.what).toBe('Customer service never did "Confirm the facts" (due T+0:20): still not done 220 min past due when the review ended.');
      expect(texts[5]!.what).toBe('The inject at T+1:30 (Regulator letter: "inject i-letter") went unanswered for 150 min.');
      expect(texts[6]!.what).toBe('No status update for 100 min (from T+0:00 to T+1:40); level 1 calls for one every 30 min, so 3 were missed.');
    }
    if (lang === 'zh-TW') expect(stop.what).toBe('營運部（Chen Wei）完成「Stop sales and seal samples」晚了 38 分鐘（應於 T+0:30，實際 T+1:08）。');
    if (lang === 'zh-CN') expect(stop.what).toContain('运营部（Chen Wei）完成“Stop sales and seal samples”晚了 38 分钟');
  });
});

describe('findings that depend on the situation', () => {
  it('finds nothing in a drill run by the book', () => {
    const clean: Inc = {
      ...rough,
      closedAt: at(100),
      tasks: [task('a', 's-stop', 30, 25), task('b', 's-hold', 60, 40), task('c', 's-facts', 20, 20)],
      log: [comm('c1', 10, { injectId: 'i-post' }), comm('c2', 35, { approved: true }), comm('c3', 55, { injectId: 'i-media' }), comm('c4', 80)],
    };
    expect(derive(clean, [inj('i-post', 0, 'social', 's-facts'), inj('i-media', 45, 'media_call', 's-hold')])).toEqual([]);
  });

  it('holds the cadence to the most severe level in force during the gap, and reports a drill without any statement', () => {
    const raised: Inc = {
      ...rough,
      closedAt: at(140),
      severity: 1,
      tasks: [],
      log: [
        comm('c1', 50),
        { id: 'sev', at: at(60), by: 'Fa', category: 'decision', text: 'Level 3 → 1', system: { kind: 'severityChanged', from: 3, to: 1, reason: 'press' } },
        comm('c2', 130),
      ],
    };
    const f = derive(raised, []);
    expect(f.map((x) => x.kind)).toEqual(['cadenceGap', 'noStatement']);
    expect(f[0]!.facts).toMatchObject({ gapFromMinutes: 50, gapToMinutes: 130, level: 1, intervalMinutes: 30, missedUpdates: 2 });
    expect(f[1]!.facts).toMatchObject({ statementMinutes: null, spanMinutes: 140, lateMinutes: 80 });
    // At level 3 throughout, 80 minutes without an update is within the 120-minute cadence.
    expect(derive({ ...raised, severity: 3, log: [comm('c1', 50), comm('c2', 130)] }, []).map((x) => x.kind)).toEqual(['noStatement']);
  });

  it('never lists two findings with the same facts', () => {
    const twice: Inc = { ...rough, tasks: [task('x1', 's-stop', 30, 68), task('x2', 's-stop', 30, 68)], log: [comm('ok', 20, { approved: true }), comm('c', 45), comm('d', 70), comm('e', 95), comm('f', 120), comm('g', 145), comm('h', 170), comm('i', 195), comm('j', 220)] };
    expect(derive(twice, []).map((f) => f.id)).toEqual(['taskLate:x1']);
  });
});
