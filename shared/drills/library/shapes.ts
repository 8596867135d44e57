import type { Language, Localized } from '../../languages.js';
import type { InjectChannel } from '../scenario.js';

/** A text in zh-TW, zh-CN and en — always in this order. */
export function T(zhTW: string, zhCN: string, en: string): Localized {
  return { 'zh-TW': zhTW, 'zh-CN': zhCN, en };
}

/** One inject of a shipped scenario, in every app language. */
export interface LibraryInject {
  offsetMinutes: number;
  channel: InjectChannel;
  content: Localized;
  expectedResponse: Localized;
  /**
   * The playbook step this inject exercises: its position (0-based) in the default playbook's
   * steps for the scenario's crisis type. Its title there finds the step in a workspace; the
   * position is the fallback when the team has renamed it.
   */
  stepIndex: number;
}

/** A shipped drill scenario (a case from the handbooks, in our own words). */
export interface LibraryScenario {
  key: string;
  crisisTypeKey: string;
  title: Localized;
  summary: Localized;
  injects: LibraryInject[];
}

export type { Language };
