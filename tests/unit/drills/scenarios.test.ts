import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultStepTitle, SCENARIO_LIBRARY, scenarioFromLibrary } from '../../../shared/drills/library/index';
import { readPlaybook } from '../../../shared/playbook/accessors';
import { seedWorkspace } from '../../../shared/playbook/seed';
import { addScenario, dueInjects, INJECT_CHANNELS, listScenarios, nextInject, resolveInjectStep } from '../../../shared/drills/scenario';
import { LANGUAGES } from '../../../shared/languages';

const HAN = /\p{Script=Han}/u;

describe('shipped scenarios', () => {
  it('are the three cases, each with 6–10 injects over 2–4 exercise hours', () => {
    expect(SCENARIO_LIBRARY.map((s) => s.crisisTypeKey)).toEqual(['foodSafety', 'falseAdvertising', 'overbooking']);
    for (const s of SCENARIO_LIBRARY) {
      expect(s.injects.length).toBeGreaterThanOrEqual(6);
      expect(s.injects.length).toBeLessThanOrEqual(10);
      const last = Math.max(...s.injects.map((i) => i.offsetMinutes));
      expect(last).toBeGreaterThanOrEqual(120);
      expect(last).toBeLessThanOrEqual(240);
      expect(s.injects[0]!.offsetMinutes).toBe(0);
      for (const i of s.injects) expect(INJECT_CHANNELS).toContain(i.channel);
      expect(new Set(s.injects.map((i) => i.channel)).size).toBeGreaterThanOrEqual(5);
    }
  });

  it('are written in every app language, in the right script', () => {
    for (const s of SCENARIO_LIBRARY) {
      const texts = [s.title, s.summary, ...s.injects.flatMap((i) => [i.content, i.expectedResponse])];
      for (const t of texts) {
        for (const lang of LANGUAGES) expect(t[lang].trim().length).toBeGreaterThan(0);
        expect(t['zh-TW']).toMatch(HAN);
        expect(t['zh-CN']).toMatch(HAN);
        expect(t.en).not.toMatch(HAN);
      }
      // zh-TW and zh-CN are separate texts, not copies.
      expect(s.injects.filter((i) => i.content['zh-TW'] === i.content['zh-CN'])).toEqual([]);
    }
  });

  it('link every inject to a step of the default playbook, in every language', () => {
    for (const lang of LANGUAGES) {
      const doc = new Y.Doc();
      seedWorkspace(doc, lang, 0);
      const types = readPlaybook(doc).crisisTypes;
      for (const lib of SCENARIO_LIBRARY) {
        const type = types.find((t) => t.key === lib.crisisTypeKey)!;
        const sc = scenarioFromLibrary(lib, lang, type.steps);
        sc.injects.forEach((inj, i) => {
          expect(inj.linkedStepId).toBe(type.steps[lib.injects[i]!.stepIndex]!.id);
          expect(inj.linkedStepTitle).toBe(defaultStepTitle(lib.crisisTypeKey, lib.injects[i]!.stepIndex, lang));
        });
      }
    }
  });

  it('fall back to the step position when the team renamed the step', () => {
    const lib = SCENARIO_LIBRARY[0]!;
    const steps = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, title: `Renamed ${i}` }));
    const sc = scenarioFromLibrary(lib, 'en', steps);
    expect(sc.injects.map((i) => i.linkedStepId)).toEqual(lib.injects.map((i) => steps[i.stepIndex]!.id));
    expect(scenarioFromLibrary(lib, 'zh-CN').injects.every((i) => i.linkedStepId === '' && (i.linkedStepTitle ?? '').length > 0)).toBe(true);
  });

  it('can be copied into a workspace and read back in time order', () => {
    const doc = new Y.Doc();
    for (const lib of SCENARIO_LIBRARY) addScenario(doc, scenarioFromLibrary(lib, 'zh-TW'), 'user');
    const all = listScenarios(doc);
    expect(all).toHaveLength(3);
    const food = all.find((s) => s.libraryKey === 'restaurant-food-poisoning')!;
    expect(food.injects.map((i) => i.offsetMinutes)).toEqual([...food.injects.map((i) => i.offsetMinutes)].sort((a, b) => a - b));
    const t0 = 1_000_000;
    expect(dueInjects(food.injects, t0, t0 + 29 * 60_000).map((i) => i.offsetMinutes)).toEqual([0, 15]);
    expect(nextInject(food.injects, t0, t0 + 29 * 60_000)?.offsetMinutes).toBe(30);
    expect(() => addScenario(doc, { title: '', language: 'en', crisisTypeKey: '', injects: [] }, 'user')).toThrow();
  });

  it('resolve a step by id first, then by title ignoring case and spaces', () => {
    const steps = [
      { id: '1', title: 'Publish a holding statement' },
      { id: '2', title: '發布初步聲明' },
    ];
    expect(resolveInjectStep({ linkedStepId: '2', linkedStepTitle: 'Publish a holding statement' }, steps)?.id).toBe('2');
    expect(resolveInjectStep({ linkedStepId: 'gone', linkedStepTitle: 'publish a HOLDING  statement' }, steps)?.id).toBe('1');
    expect(resolveInjectStep({ linkedStepId: '', linkedStepTitle: '初步聲明' }, steps)?.id).toBe('2');
    expect(resolveInjectStep({ linkedStepId: '', linkedStepTitle: '' }, steps)).toBeNull();
  });
});
