import type { YRecord } from '../doc/collection.js';
import { defineRecord, RecordFieldError, type RecordFields } from '../doc/typedRecord.js';

/**
 * The responsibility map's records, each defined once (../doc/typedRecord.ts): read leniently
 * from the document, validated strictly when the people editor, quick add or a CSV import writes
 * them. Field names and value shapes are those the map has always stored.
 */

export const UNIT_KINDS = ['internal', 'external'] as const;

/** Longest name of a unit or a person (the playbook's LIMITS.nameLength, for the same units). */
const NAME_MAX = 500;
/** Longest contact detail (title, phone, e-mail, handle). */
const CONTACT_MAX = 500;

/**
 * A unit (record of the `units` root collection, shared with the playbook, which seeds the
 * built-in ones and reads `key`, `name`, `kind` and `duties` with its own schema; `abbr` is the
 * map's). `key` is read as stored, as the map always did, not narrowed to the playbook's keys.
 */
export const UnitRecord = defineRecord('unit', (f) => ({
  id: f.id(),
  /** Built-in unit key, '' for units the team added. */
  key: f.text(100),
  name: f.text(NAME_MAX),
  /** Short label for the poster's matrix cells ('' to derive one from the name). */
  abbr: f.text(100),
  kind: f.oneOf(UNIT_KINDS, 'internal'),
  duties: f.text(20_000),
}));
export type UnitFields = RecordFields<typeof UnitRecord>;

/**
 * A person of the map (record of the `members` root collection, naming its unit). Their key
 * role, `keyRole`, is stored as `true`, `false` or the role's name — a shape the field kit cannot
 * express — so it is not in the definition: `keyRoleOf` reads it, `checkKeyRole` validates it.
 */
export const MemberRecord = defineRecord('member', (f) => ({
  id: f.id(),
  /** The unit the person belongs to. */
  unitId: f.ref(),
  name: f.text(NAME_MAX),
  title: f.text(CONTACT_MAX),
  phone: f.text(CONTACT_MAX),
  email: f.text(CONTACT_MAX),
  /** Messaging handle (LINE, WeChat, Teams…), free text. */
  handle: f.text(CONTACT_MAX),
  /** Member id of this person's backup ('' for none). */
  backupMemberId: f.ref(),
  /** When the contact details were last confirmed (epoch ms), or null if never. */
  reviewedAt: f.numberOrNull({}),
  /** Member id of whoever must confirm these details ('' to fall back to the unit's key person). */
  reviewerMemberId: f.ref(),
}));
export type MemberRecordFields = RecordFields<typeof MemberRecord>;

/** `fields` without its undefined entries (an absent field takes its default, as before). */
export function definedOnly<T extends object>(fields: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

/** Longest key role name. */
const KEY_ROLE_MAX = 200;

/** A member's key role as stored: true (unnamed), a role name, or false / '' (none). */
export type KeyRole = boolean | string;

/** Whether a person holds a key role and its name, from the stored `keyRole` (any value). */
export function keyRoleOf(rec: YRecord): { isKey: boolean; keyRoleName: string } {
  const keyRole = rec.get('keyRole');
  return {
    isKey: keyRole === true || (typeof keyRole === 'string' && keyRole.trim() !== ''),
    keyRoleName: typeof keyRole === 'string' ? keyRole.trim() : '',
  };
}

/** Validates a key role before it is written; throws RecordFieldError (like the definition's fields). */
export function checkKeyRole(value: unknown): KeyRole {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') throw new RecordFieldError('member', 'keyRole', 'expected true, false or a role name');
  if (value.length > KEY_ROLE_MAX) throw new RecordFieldError('member', 'keyRole', `a role name has at most ${KEY_ROLE_MAX} characters`);
  return value;
}

/**
 * Validates the fields of a partial change (a person's edit, an import row) without writing, by
 * laying them over a valid record: throws RecordFieldError naming the first field the definition
 * refuses. `undefined` = unchanged.
 */
function checkPatch<F extends { id: string }>(def: { name: string; init(fields: F): F }, base: F, patch: Partial<F>): void {
  const changed = definedOnly(patch);
  if ('id' in changed) throw new RecordFieldError(def.name, 'id', 'a record id cannot change');
  def.init({ ...base, ...changed });
}

const VALID_UNIT: UnitFields = { id: 'unit', key: '', name: '', abbr: '', kind: 'internal', duties: '' };
const VALID_MEMBER: MemberRecordFields = { id: 'member', unitId: '', name: '', title: '', phone: '', email: '', handle: '', backupMemberId: '', reviewedAt: null, reviewerMemberId: '' };

/** Validates a change to a unit's fields (see checkPatch). */
export function checkUnitPatch(patch: Partial<UnitFields>): void {
  checkPatch(UnitRecord, VALID_UNIT, patch);
}

/** Validates a change to a member's fields, key role included (see checkPatch). */
export function checkMemberPatch(patch: Partial<MemberRecordFields> & { keyRole?: KeyRole }): void {
  const { keyRole, ...fields } = patch;
  checkPatch(MemberRecord, VALID_MEMBER, fields);
  if (keyRole !== undefined) checkKeyRole(keyRole);
}
