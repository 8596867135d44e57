import type { Localized } from '../../languages.js';
import type { CrisisTypeKey, SignalSource, UnitKey } from '../types.js';

/**
 * Shapes of the shipped default playbook. Every text is `Localized`, so zh-TW, zh-CN and en
 * cannot drift apart structurally; unit references are unit keys, resolved to the generated
 * unit ids when a workspace is seeded (see ../defaultPlaybook.ts).
 */

/** A text in zh-TW, zh-CN and en — always in this order (tests check each script). */
export function L(zhTW: string, zhCN: string, en: string): Localized {
  return { 'zh-TW': zhTW, 'zh-CN': zhCN, en };
}

export interface DefaultUnit {
  key: UnitKey;
  kind: 'internal' | 'external';
  name: Localized;
  duties: Localized;
}

export interface DefaultNotifyRule {
  unit: UnitKey;
  withinMinutes: number;
}

export interface DefaultSeverityLevel {
  /** 1 = most severe. */
  level: number;
  name: Localized;
  criteria: Localized;
  decisionRights: Localized;
  notify: DefaultNotifyRule[];
}

export interface DefaultResponseStep {
  title: Localized;
  owner: UnitKey;
  /** Target time from T0 (detection), in minutes. */
  targetMinutes: number;
  checklist: Localized[];
  /** Marks the step that puts out the first public message (content checks only, not stored). */
  firstPublicMessage?: true;
}

export interface DefaultEscalationStep {
  /** The unit brought in at this step. */
  unit: UnitKey;
  withinMinutes: number;
  note: Localized;
}

export interface DefaultCrisisType {
  key: CrisisTypeKey;
  /** Serious types must put out a first public message within the first hour. */
  serious: boolean;
  name: Localized;
  description: Localized;
  response: Localized;
  firstResponder: UnitKey;
  steps: DefaultResponseStep[];
  escalation: DefaultEscalationStep[];
}

export interface DefaultWarningSignal {
  kind: Localized;
  source: SignalSource;
  threshold: Localized;
}

/** Minutes in an hour and a day, for readable targets. */
export const HOUR = 60;
export const DAY = 24 * HOUR;
