import type { Language } from '../../languages.js';
import { DEFAULT_CRISIS_TYPES } from '../../playbook/defaultPlaybook.js';
import { resolveInjectStep, type ScenarioInput } from '../scenario.js';
import { FALSE_ADVERTISING } from './falseAdvertising.js';
import { FOOD_POISONING } from './foodPoisoning.js';
import { OVERBOOKING } from './overbooking.js';
import type { LibraryScenario } from './shapes.js';

export type { LibraryScenario, LibraryInject } from './shapes.js';

/** The drill scenarios Crisis Room ships, from the handbooks' cases. */
export const SCENARIO_LIBRARY: readonly LibraryScenario[] = [FOOD_POISONING, FALSE_ADVERTISING, OVERBOOKING];

export function libraryScenario(key: string): LibraryScenario | undefined {
  return SCENARIO_LIBRARY.find((s) => s.key === key);
}

/** Title of a default-playbook step in one language ('' when the default has no such step). */
export function defaultStepTitle(crisisTypeKey: string, stepIndex: number, lang: Language): string {
  return DEFAULT_CRISIS_TYPES.find((t) => t.key === crisisTypeKey)?.steps[stepIndex]?.title[lang] ?? '';
}

/**
 * A shipped scenario in one language, ready for `addScenario`. When the steps of the workspace's
 * crisis type are given, each inject is linked to its step by id: by the default step's title,
 * or else by its position in the list (the team may have renamed it).
 */
export function scenarioFromLibrary(lib: LibraryScenario, lang: Language, steps: readonly { id: string; title: string }[] = []): ScenarioInput {
  return {
    title: lib.title[lang],
    language: lang,
    crisisTypeKey: lib.crisisTypeKey,
    summary: lib.summary[lang],
    libraryKey: lib.key,
    injects: lib.injects.map((inj) => {
      const title = defaultStepTitle(lib.crisisTypeKey, inj.stepIndex, lang);
      const step = (title ? resolveInjectStep({ linkedStepId: '', linkedStepTitle: title }, steps) : null) ?? steps[inj.stepIndex] ?? null;
      return {
        offsetMinutes: inj.offsetMinutes,
        channel: inj.channel,
        content: inj.content[lang],
        expectedResponse: inj.expectedResponse[lang],
        linkedStepId: step?.id ?? '',
        linkedStepTitle: step?.title ?? title,
      };
    }),
  };
}
