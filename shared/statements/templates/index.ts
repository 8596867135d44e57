import { CRISIS_TYPE_KEYS, type CrisisTypeKey } from '../../playbook/types.js';
import { LANGUAGES, type Language } from '../../languages.js';
import { EN } from './en.js';
import type { TemplateText } from './types.js';
import { ZH_CN } from './zh-CN.js';
import { ZH_TW } from './zh-TW.js';

/**
 * The holding-statement library: one template per built-in crisis type and language, with
 * placeholders the studio fills from the workspace and the incident.
 */

export const PLACEHOLDERS = ['company', 'product', 'incident', 'time', 'contact'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

export interface HoldingTemplate extends TemplateText {
  /** Stable id: `<crisisType>.<language>`. */
  id: string;
  crisisType: CrisisTypeKey;
  language: Language;
}

const BY_LANGUAGE: Record<Language, Record<CrisisTypeKey, TemplateText>> = { 'zh-TW': ZH_TW, 'zh-CN': ZH_CN, en: EN };

/** Every template (13 crisis types × 3 languages). */
export const HOLDING_TEMPLATES: readonly HoldingTemplate[] = LANGUAGES.flatMap((language) =>
  CRISIS_TYPE_KEYS.map((crisisType): HoldingTemplate => ({ id: `${crisisType}.${language}`, crisisType, language, ...BY_LANGUAGE[language][crisisType] })),
);

export function findTemplate(id: string): HoldingTemplate | undefined {
  return HOLDING_TEMPLATES.find((t) => t.id === id);
}

export function templatesFor(language: Language, crisisType?: CrisisTypeKey | ''): HoldingTemplate[] {
  return HOLDING_TEMPLATES.filter((t) => t.language === language && (!crisisType || t.crisisType === crisisType));
}

const PLACEHOLDER_RE = /\{(company|product|incident|time|contact)\}/g;

/** Placeholders a text uses, each once, in order of first use. */
export function placeholdersIn(text: string): Placeholder[] {
  return [...new Set([...text.matchAll(PLACEHOLDER_RE)].map((m) => m[1] as Placeholder))];
}

/** Placeholders still in a text (not filled yet), with their ranges. */
export function findPlaceholders(text: string): { from: number; to: number; key: Placeholder }[] {
  return [...text.matchAll(PLACEHOLDER_RE)].map((m) => ({ from: m.index, to: m.index + m[0].length, key: m[1] as Placeholder }));
}

/** Result of filling: the text, and the placeholders left as they were because no value was given. */
export interface FilledText {
  text: string;
  missing: Placeholder[];
}

/** Replaces placeholders with values; empty values leave the placeholder visible to be filled by hand. */
export function fillPlaceholders(text: string, values: PlaceholderValues): FilledText {
  const missing = new Set<Placeholder>();
  const filled = text.replace(PLACEHOLDER_RE, (whole, key: Placeholder) => {
    const v = values[key]?.trim();
    if (!v) {
      missing.add(key);
      return whole;
    }
    return v;
  });
  return { text: filled, missing: [...missing] };
}

/** A template filled: its title and body text (paragraphs separated by '\n'). */
export function fillTemplate(template: HoldingTemplate, values: PlaceholderValues): FilledText & { title: string } {
  const body = fillPlaceholders(template.body.join('\n'), values);
  const title = fillPlaceholders(template.title, values).text;
  return { title, text: body.text, missing: body.missing };
}

/** Formats a moment for the {time} placeholder in the statement's language ("11月21日 下午3:00"). */
export function formatPlaceholderTime(at: number, language: Language, timeZone?: string): string {
  const opts: Intl.DateTimeFormatOptions = { month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', ...(timeZone ? { timeZone } : {}) };
  return new Intl.DateTimeFormat(language, opts).format(new Date(at));
}
