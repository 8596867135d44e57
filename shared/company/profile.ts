import type * as Y from 'yjs';
import { z } from 'zod';
import { write, type Origin } from '../doc/origins.js';
import { metaOf } from '../doc/workspaceDoc.js';
import { LANGUAGES, type Language } from '../languages.js';

/**
 * The company profile: who speaks in statements and prints. Templates fill {{company}} and
 * {{contact}} from it, prints head with its legal name, letterhead line and logo. Stored as flat
 * keys of the workspace meta (never a nested map: two laptops creating it at once would each
 * make one and one would be lost), the legal name once per language.
 *
 * The workspace's own name is never used as the company name (it is what the team calls its
 * workspace, e.g. "禾豐食品 2026 危機應變 🍱"): without a legal name prints and templates say
 * that it is missing.
 */
export const COMPANY_KEYS = { name: 'companyName', letterhead: 'companyLetterhead', contact: 'contact', logo: 'companyLogo' } as const;
const nameKey = (lang: Language) => `companyName.${lang}`;

export const MAX_LOGO_BYTES = 200 * 1024;
const LOGO = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;

export const CompanyProfileSchema = z.object({
  /** Legal name per language ('' where not given). */
  names: z.record(z.enum(LANGUAGES), z.string().trim().max(200, 'company.errors.nameTooLong')),
  /** The name used where no language-specific one is given. */
  name: z.string().trim().max(200, 'company.errors.nameTooLong'),
  /** Letterhead line (address, registration number…). */
  letterhead: z.string().trim().max(300, 'company.errors.lineTooLong'),
  /** Press / customer contact line. */
  contact: z.string().trim().max(300, 'company.errors.lineTooLong'),
  /** PNG or JPEG as a data URL ('' for none). */
  logo: z.union([z.literal(''), z.string().max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 40, 'company.errors.logoTooLarge').regex(LOGO, 'company.errors.logoType')]),
});
export type CompanyProfile = z.infer<typeof CompanyProfileSchema>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function readCompany(doc: Y.Doc): CompanyProfile {
  const meta = metaOf(doc);
  const names = Object.fromEntries(LANGUAGES.map((l) => [l, str(meta.get(nameKey(l)))])) as Record<Language, string>;
  const logo = str(meta.get(COMPANY_KEYS.logo));
  return { names, name: str(meta.get(COMPANY_KEYS.name)), letterhead: str(meta.get(COMPANY_KEYS.letterhead)), contact: str(meta.get(COMPANY_KEYS.contact)), logo: LOGO.test(logo) ? logo : '' };
}

/** The company's legal name for text in `language`: that language's, else the general one, else ''. */
export function companyNameFor(profile: CompanyProfile, language: Language): string {
  return profile.names[language]?.trim() || profile.name.trim();
}

/** Writes a checked profile (only the fields that changed). Throws the zod error (messages are i18n keys). */
export function writeCompany(doc: Y.Doc, next: CompanyProfile, origin: Origin): void {
  const clean = CompanyProfileSchema.parse(next);
  const meta = metaOf(doc);
  const set = (key: string, value: string) => {
    if (str(meta.get(key)) !== value) meta.set(key, value);
  };
  write(doc, origin, () => {
    for (const l of LANGUAGES) set(nameKey(l), clean.names[l] ?? '');
    set(COMPANY_KEYS.name, clean.name);
    set(COMPANY_KEYS.letterhead, clean.letterhead);
    set(COMPANY_KEYS.contact, clean.contact);
    set(COMPANY_KEYS.logo, clean.logo);
  });
}

/** Whether the profile names the company at all (prints and templates need it). */
export function hasCompanyName(profile: CompanyProfile): boolean {
  return Boolean(profile.name.trim() || Object.values(profile.names).some((n) => n.trim()));
}
