/** Languages the app speaks. zh-TW first: the team writes Chinese first. */
export const LANGUAGES = ['zh-TW', 'zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-TW';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A text in every app language (for shipped content such as the default playbook). */
export type Localized = Record<Language, string>;
