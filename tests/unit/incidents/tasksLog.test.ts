import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { incidentsLocales } from '../../../renderer/features/incidents/locales';
import { logEntryText } from '../../../renderer/features/incidents/logText';
import { LogSystemEventSchema } from '../../../shared/incidents/types';

// A reassignment note is written with its meaning; each laptop words it in its own UI language.

const entry = { text: '任務「封存樣品」改派：王小明（營運部） → 黃副理（營運部）', system: { kind: 'taskReassigned' as const, title: '封存樣品', from: '王小明（營運部）', to: '黃副理（營運部）' } };

async function tIn(lng: 'zh-TW' | 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, ns: ['incidents'], defaultNS: 'incidents', resources: { [lng]: { incidents: incidentsLocales[lng] } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('a task reassignment in the log', () => {
  it('is worded in each UI language', async () => {
    expect(logEntryText(await tIn('zh-TW'), entry, String)).toBe('任務「封存樣品」改派：王小明（營運部） → 黃副理（營運部）');
    expect(logEntryText(await tIn('zh-CN'), entry, String)).toBe('任务“封存樣品”改派：王小明（營運部） → 黃副理（營運部）');
    expect(logEntryText(await tIn('en'), entry, String)).toBe('Task "封存樣品" reassigned: 王小明（營運部） → 黃副理（營運部）');
  });

  it('a peer\'s event is checked: a reassignment without its "to" is not one', () => {
    expect(LogSystemEventSchema.safeParse(entry.system).success).toBe(true);
    expect(LogSystemEventSchema.safeParse({ kind: 'taskReassigned', title: 'x', from: 'a' }).success).toBe(false);
  });
});
