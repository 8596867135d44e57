import type * as Y from 'yjs';
import { z } from 'zod';
import { collectionOf } from '../doc/workspaceDoc.js';
import { write, type Origin } from '../doc/origins.js';
import { MemberRecord } from './records.js';
import { addMember } from './roleMap.js';
import { isPlausibleEmail, isPlausiblePhone, type RoleMap } from './types.js';

/**
 * The people tab's quick-add row: one person in one step — name, unit, one "phone or e-mail"
 * field (either, or both separated by a space, comma or slash) and how they relate to a backup:
 * `by:<member id>` (that person is the new person's backup) or `for:<member id>` (the new person
 * stands in for that person). What the row holds is untrusted (typed text, a select's value
 * that a peer may have made stale): `parseQuickAdd` checks it with zod and against the map,
 * `quickAddPerson` writes it in one transaction.
 */

/** Why the row was refused, per field (message key `roles:quickAdd.errors.<code>`). */
export type QuickAddErrorCode = 'nameRequired' | 'nameTooLong' | 'unitMissing' | 'contactTooLong' | 'emailMalformed' | 'twoEmails' | 'phoneMalformed' | 'backupMissing' | 'relationMalformed';
export type QuickAddField = 'name' | 'unitId' | 'contact' | 'relation';

export interface QuickAddError {
  field: QuickAddField;
  code: QuickAddErrorCode;
  /** The offending text, for the message. */
  value?: string;
}

/** A checked row, ready to write. */
export interface QuickAddPerson {
  name: string;
  unitId: string;
  phone: string;
  email: string;
  /** The new person's backup ('' for none). */
  backupMemberId: string;
  /** The person the new one stands in for ('' for none). */
  backupOfMemberId: string;
}

export const NAME_MAX = 120;
export const CONTACT_MAX = 260;

const RowSchema = z.object({
  name: z.string().trim().min(1, 'nameRequired').max(NAME_MAX, 'nameTooLong'),
  unitId: z.string().min(1, 'unitMissing').max(200, 'unitMissing'),
  contact: z.string().max(CONTACT_MAX, 'contactTooLong'),
  relation: z.string().max(260, 'relationMalformed').regex(/^(|(by|for):[^\s:]+)$/, 'relationMalformed'),
});

/** Splits "phone or e-mail" text into a phone number and an e-mail address, or says what is wrong. */
export function splitContact(text: string): { phone: string; email: string } | QuickAddError {
  const tokens = text.trim().split(/[\s,;，；、/]+/).filter(Boolean);
  const emails = tokens.filter((t) => t.includes('@'));
  const phone = tokens.filter((t) => !t.includes('@')).join(' ');
  if (emails.length > 1) return { field: 'contact', code: 'twoEmails', value: emails.join(' ') };
  const email = emails[0] ?? '';
  if (email && !isPlausibleEmail(email)) return { field: 'contact', code: 'emailMalformed', value: email };
  if (phone && !isPlausiblePhone(phone)) return { field: 'contact', code: 'phoneMalformed', value: phone };
  return { phone, email };
}

const FIELDS: readonly QuickAddField[] = ['name', 'unitId', 'contact', 'relation'];
const CODES: readonly QuickAddErrorCode[] = ['nameRequired', 'nameTooLong', 'unitMissing', 'contactTooLong', 'emailMalformed', 'twoEmails', 'phoneMalformed', 'backupMissing', 'relationMalformed'];
/** The code of a field whose value is not even a string. */
const FALLBACK: Record<QuickAddField, QuickAddErrorCode> = { name: 'nameRequired', unitId: 'unitMissing', contact: 'contactTooLong', relation: 'relationMalformed' };

function isError(v: unknown): v is QuickAddError {
  return typeof v === 'object' && v !== null && 'code' in v;
}

/** Checks a row against its shape and the current map; every problem found, in field order. */
export function parseQuickAdd(row: unknown, map: RoleMap): { ok: true; person: QuickAddPerson } | { ok: false; errors: QuickAddError[] } {
  const parsed = RowSchema.safeParse(row);
  const errors: QuickAddError[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELDS.find((f) => f === issue.path[0]) ?? 'name';
      const code = CODES.find((c) => c === issue.message) ?? FALLBACK[field];
      if (!errors.some((e) => e.field === field)) errors.push({ field, code });
    }
    // The contact's own problem too, so that one correction round fixes everything.
    const contact = (row as { contact?: unknown } | null)?.contact;
    const split = typeof contact === 'string' && !errors.some((e) => e.field === 'contact') ? splitContact(contact) : undefined;
    if (isError(split)) errors.push(split);
    return { ok: false, errors: errors.sort((a, b) => FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field)) };
  }
  const { name, unitId, contact, relation } = parsed.data;
  if (!map.units.some((u) => u.id === unitId)) errors.push({ field: 'unitId', code: 'unitMissing' });
  const split = splitContact(contact);
  if (isError(split)) errors.push(split);
  const [kind, otherId = ''] = relation ? (relation.split(':') as ['by' | 'for', string]) : ['', ''];
  if (otherId && !map.units.some((u) => u.members.some((m) => m.id === otherId))) errors.push({ field: 'relation', code: 'backupMissing' });
  if (errors.length > 0 || isError(split)) return { ok: false, errors };
  return {
    ok: true,
    person: { name, unitId, phone: split.phone, email: split.email, backupMemberId: kind === 'by' ? otherId : '', backupOfMemberId: kind === 'for' ? otherId : '' },
  };
}

/**
 * Adds the person at the end of their unit, with their details confirmed at `now` (they were
 * just typed in), and sets the backup relation, in one transaction. Returns the new member's id.
 */
export function quickAddPerson(doc: Y.Doc, person: QuickAddPerson, now: number, origin: Origin): string {
  return write(doc, origin, () => {
    const id = addMember(doc, person.unitId, { name: person.name, phone: person.phone, email: person.email, backupMemberId: person.backupMemberId, reviewedAt: now }, origin);
    const standsInFor = person.backupOfMemberId ? collectionOf(doc, 'members').get(person.backupOfMemberId) : undefined;
    if (standsInFor) MemberRecord.set(standsInFor, 'backupMemberId', id, origin);
    return id;
  });
}
