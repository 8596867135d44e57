import type * as Y from 'yjs';
import { z } from 'zod';
import { addRecord, listRecords, newId, recordId, type YCollection, type YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { defineRecord } from '../doc/typedRecord.js';
import { ROOTS } from '../doc/workspaceDoc.js';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../languages.js';
import { DEFAULT_RISKY_PHRASES, RISK_CATEGORIES, type RiskCategory, type RiskyPhrase } from './phrases.js';

/**
 * Risky-wording check. Works on any text, Chinese included: patterns match substrings (with
 * character classes) rather than words, so nothing depends on spaces. The team's changes to the
 * shipped lists live in the workspace document (root `statements.phrases`): one record per custom
 * phrase, and one per shipped phrase they switched off or reworded (`overridesId`).
 */

export interface LintFinding {
  from: number;
  to: number;
  match: string;
  category: RiskCategory;
  /** The team's explanation, or '' for the category's standard one. */
  reason: string;
  phraseId: string;
}

/**
 * How serious a finding is. Error-level findings block approval and release (a release gate,
 * governance/gates.ts): wording a court or regulator can hold against the company — an
 * admission of liability, a defamatory label. The others are warnings for the reviewer's eye.
 */
export type LintLevel = 'error' | 'warning';
export const LINT_LEVELS: Readonly<Record<RiskCategory, LintLevel>> = {
  liability: 'error',
  defamation: 'error',
  speculation: 'warning',
  blame: 'warning',
  absolute: 'warning',
  noComment: 'warning',
};

/** Findings that block approval and release. */
export function lintErrors(findings: readonly LintFinding[]): LintFinding[] {
  return findings.filter((f) => LINT_LEVELS[f.category] === 'error');
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Compiles a phrase to a global regex; throws a clear error for an invalid pattern. */
export function compilePhrase(phrase: Pick<RiskyPhrase, 'pattern' | 'isRegex' | 'language'>): RegExp {
  let source = phrase.isRegex ? phrase.pattern : phrase.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (phrase.language === 'en') {
    // English: whole words only, so "no comment" does not fire inside "economic commentary".
    const first = phrase.pattern.replace(/^\(+/, '')[0] ?? '';
    const last = phrase.pattern.replace(/[)?*+]+$/, '').slice(-1);
    source = `${WORD_CHAR.test(first) ? '(?<![\\p{L}\\p{N}_])' : ''}(?:${source})${WORD_CHAR.test(last) ? '(?![\\p{L}\\p{N}_])' : ''}`;
  }
  try {
    return new RegExp(source, 'giu');
  } catch (err) {
    throw new Error(`Invalid pattern "${phrase.pattern}": ${(err as Error).message}`, { cause: err });
  }
}

/** Risky phrases found in `text`, in text order. Phrases whose pattern does not compile are skipped. */
export function lintText(text: string, phrases: readonly RiskyPhrase[]): LintFinding[] {
  const found: LintFinding[] = [];
  const seen = new Set<string>();
  for (const phrase of phrases) {
    let re: RegExp;
    try {
      re = compilePhrase(phrase);
    } catch {
      continue;
    }
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      const key = `${m.index}:${m[0].length}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ from: m.index, to: m.index + m[0].length, match: m[0], category: phrase.category, reason: phrase.reason, phraseId: phrase.id });
    }
  }
  return found.sort((a, b) => a.from - b.from || a.to - b.to);
}

// ---- The team's phrase settings in the document ----

/** A team's phrase record (custom phrase, or override of a shipped one). */
export const phraseInputSchema = z
  .object({
    language: z.enum(LANGUAGES),
    category: z.enum(RISK_CATEGORIES),
    pattern: z.string().trim().min(1, 'Enter a phrase').max(200, 'Keep a phrase under 200 characters'),
    isRegex: z.boolean(),
    reason: z.string().max(500),
  })
  .superRefine((p, ctx) => {
    try {
      compilePhrase(p);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message, path: ['pattern'] });
    }
  });
export type PhraseInput = z.infer<typeof phraseInputSchema>;

/**
 * A record of the team's phrase settings, defined once (../doc/typedRecord.ts). Two kinds share
 * the collection: a custom phrase (`overridesId` '') with all the fields, and an override of a
 * shipped phrase, which stores only `overridesId` and `enabled` (and, from a rewording, `pattern`
 * and `reason`). Only the fields a kind uses are written; absent ones read as their defaults.
 */
export const PhraseSettingRecord = defineRecord('phrase', (f) => ({
  id: f.id(),
  /** Id of the shipped phrase this record switches off or rewords ('' for a custom phrase). */
  overridesId: f.ref(),
  enabled: f.bool(true),
  language: f.oneOf(LANGUAGES, DEFAULT_LANGUAGE),
  category: f.oneOf(RISK_CATEGORIES, 'speculation'),
  pattern: f.text(200),
  isRegex: f.bool(false),
  reason: f.text(500),
}));

/** What an override is validated with for the custom-phrase fields it does not store. */
const NOT_STORED_BY_AN_OVERRIDE = { language: DEFAULT_LANGUAGE, category: 'speculation', pattern: '', isRegex: false, reason: '' } as const;

export function phraseSettingsOf(doc: Y.Doc): YCollection {
  return doc.getMap(ROOTS.statementPhrases) as YCollection;
}

/** Effective phrase lists: shipped ones (minus switched-off, with rewordings) plus the team's. */
export function effectivePhrases(doc: Y.Doc, language?: Language): RiskyPhrase[] {
  const records = listRecords(phraseSettingsOf(doc));
  const overrides = new Map<string, YRecord>();
  const custom: RiskyPhrase[] = [];
  for (const r of records) {
    const setting = PhraseSettingRecord.read(r);
    if (setting.overridesId) overrides.set(setting.overridesId, r);
    else if (setting.enabled) {
      // The stored fields as written, not defaulted: a custom phrase missing one, or whose
      // pattern does not compile, is left out (the same check the settings form applies).
      const parsed = phraseInputSchema.safeParse({ ...Object.fromEntries(r.entries()), id: recordId(r) });
      if (parsed.success) custom.push({ id: setting.id, ...parsed.data });
    }
  }
  const shipped = DEFAULT_RISKY_PHRASES.flatMap((p): RiskyPhrase[] => {
    const o = overrides.get(p.id);
    if (!o) return [p];
    const setting = PhraseSettingRecord.read(o);
    if (!setting.enabled) return [];
    // An absent reason keeps the shipped one; an empty one stands for the category's standard text.
    const reason = typeof o.get('reason') === 'string' ? setting.reason : p.reason;
    return [{ ...p, pattern: setting.pattern || p.pattern, reason }];
  });
  return [...shipped, ...custom].filter((p) => !language || p.language === language);
}

/** Whether a shipped phrase is switched on. */
export function isShippedPhraseEnabled(doc: Y.Doc, phraseId: string): boolean {
  const o = listRecords(phraseSettingsOf(doc)).find((r) => PhraseSettingRecord.read(r).overridesId === phraseId);
  return !o || PhraseSettingRecord.read(o).enabled;
}

/** Switches a shipped phrase on or off for the whole team. */
export function setShippedPhraseEnabled(doc: Y.Doc, phraseId: string, enabled: boolean, origin: Origin = 'user'): void {
  if (!DEFAULT_RISKY_PHRASES.some((p) => p.id === phraseId)) throw new Error('Unknown shipped phrase');
  const coll = phraseSettingsOf(doc);
  const existing = listRecords(coll).find((r) => PhraseSettingRecord.read(r).overridesId === phraseId);
  if (existing) {
    PhraseSettingRecord.set(existing, 'enabled', enabled, origin);
    return;
  }
  // An override stores only what it overrides (see PhraseSettingRecord).
  const { id, overridesId } = PhraseSettingRecord.init({ ...NOT_STORED_BY_AN_OVERRIDE, id: newId(), overridesId: phraseId, enabled });
  addRecord(coll, { id, overridesId, enabled }, origin);
}

/** Adds a team phrase after validating it (the form's checks, then PhraseSettingRecord's). Returns its id. */
export function addCustomPhrase(doc: Y.Doc, input: PhraseInput, origin: Origin = 'user'): string {
  const p = phraseInputSchema.parse(input);
  const fields = PhraseSettingRecord.init({ id: newId(), ...p, enabled: true, overridesId: '' });
  return addRecord(phraseSettingsOf(doc), fields, origin);
}

/** Removes a team phrase. */
export function removeCustomPhrase(doc: Y.Doc, id: string, origin: Origin = 'user'): void {
  const coll = phraseSettingsOf(doc);
  write(doc, origin, () => coll.delete(id));
}

/** The team's own phrases (for the settings list). */
export function customPhrases(doc: Y.Doc): RiskyPhrase[] {
  return effectivePhrases(doc).filter((p) => !DEFAULT_RISKY_PHRASES.some((d) => d.id === p.id));
}
