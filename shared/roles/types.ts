import type { MemberRecordFields, UNIT_KINDS, UnitFields } from './records.js';

/**
 * Plain shapes of the responsibility map (負評處理資源圖 / 職責分工圖): units with their people,
 * crisis types as the map sees them, and the RACI cells. These are what `readRoleMap` returns
 * and what validation, export and the poster work on; the document itself stores units as
 * records of the `units` root collection, people as records of the `members` root collection
 * (each naming its unit; both defined in ./records.ts) and the RACI cells in the `raci` root map
 * (see ./raci.ts).
 */

/** Phases of a crisis, in the order the team works through them. */
export const PHASES = ['detect', 'assess', 'respond', 'communicate', 'recover'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * RACI roles: Responsible (does the work), Accountable (decides, exactly one per row),
 * Consulted (asked before acting), Informed (told after).
 */
export const RACI_ROLES = ['R', 'A', 'C', 'I'] as const;
export type RaciRole = (typeof RACI_ROLES)[number];

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

export function isRaciRole(value: unknown): value is RaciRole {
  return typeof value === 'string' && (RACI_ROLES as readonly string[]).includes(value);
}

/**
 * One person of a unit and how to reach them: the fields of `MemberRecord` (./records.ts) but
 * their unit, and their key role as the editor shows it.
 */
export type Member = Omit<MemberRecordFields, 'unitId'> & {
  /** Whether this person holds a key role for the unit (and so needs a named backup). */
  isKey: boolean;
  /** Name of the key role, e.g. "spokesperson" ('' when unnamed or not key). */
  keyRoleName: string;
};

export type UnitKind = (typeof UNIT_KINDS)[number];

/** A unit or external partner of the map: the fields of `UnitRecord` (./records.ts), with its people. */
export type RoleUnit = UnitFields & { members: Member[] };

/** A crisis type as the map needs it (the playbook owns the rest of the record). */
export interface RoleCrisisType {
  id: string;
  key: string;
  name: string;
  /** Unit that acts first for this type ('' when not chosen yet). */
  firstResponderUnitId: string;
}

/** The whole map, read from a workspace document. */
export interface RoleMap {
  units: RoleUnit[];
  crisisTypes: RoleCrisisType[];
  /** RACI cells keyed by `cellKey(crisisTypeId, phase, unitId)`; absent key = no role. */
  cells: ReadonlyMap<string, RaciRole>;
}

/** Key of one RACI cell; one Yjs map key per cell keeps concurrent edits of different cells apart. */
export function cellKey(crisisTypeId: string, phase: Phase, unitId: string): string {
  return `${crisisTypeId}|${phase}|${unitId}`;
}

/** Splits a cell key; undefined for keys that are not well formed. */
export function parseCellKey(key: string): { crisisTypeId: string; phase: Phase; unitId: string } | undefined {
  const parts = key.split('|');
  if (parts.length !== 3) return undefined;
  const [crisisTypeId, phase, unitId] = parts as [string, string, string];
  if (!crisisTypeId || !unitId || !isPhase(phase)) return undefined;
  return { crisisTypeId, phase, unitId };
}

export type RowRoles = Record<RaciRole, RoleUnit[]>;

const rowIndexes = new WeakMap<RoleMap, Map<string, RowRoles>>();

/**
 * Every crisis type × phase row's units by role (key `${crisisTypeId}|${phase}`, rows without
 * any role absent), from one pass over the cells rather than one lookup per unit per row (at
 * 100×: 1,300 types × 5 phases × 1,000 units). Made once per map snapshot.
 */
export function rowRoleIndex(map: RoleMap): Map<string, RowRoles> {
  const cached = rowIndexes.get(map);
  if (cached) return cached;
  const order = new Map<string, number>();
  map.units.forEach((u, i) => order.set(u.id, i));
  const out = new Map<string, RowRoles>();
  for (const [key, role] of map.cells) {
    const cell = parseCellKey(key);
    const at = cell && order.get(cell.unitId);
    if (!cell || at === undefined) continue;
    const rk = `${cell.crisisTypeId}|${cell.phase}`;
    let row = out.get(rk);
    if (!row) out.set(rk, (row = { R: [], A: [], C: [], I: [] }));
    row[role].push(map.units[at]!);
  }
  for (const row of out.values()) for (const r of RACI_ROLES) if (row[r].length > 1) row[r].sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  rowIndexes.set(map, out);
  return out;
}

/** Units holding each role in one crisis type × phase row, in unit order (fresh arrays). */
export function rowRoles(map: RoleMap, crisisTypeId: string, phase: Phase): RowRoles {
  const row = rowRoleIndex(map).get(`${crisisTypeId}|${phase}`);
  return { R: [...(row?.R ?? [])], A: [...(row?.A ?? [])], C: [...(row?.C ?? [])], I: [...(row?.I ?? [])] };
}

/** Whether `phone` looks like a number someone can dial (separators and an extension allowed). */
export function isPlausiblePhone(phone: string): boolean {
  const bare = phone
    .trim()
    .replace(/(ext\.?|x|分機|分机|轉|转)/gi, '')
    .replace(/[\s()\-./#]/g, '');
  return /^\+?\d{3,20}$/.test(bare);
}

/** Whether `email` looks like an e-mail address. */
export function isPlausibleEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());
}

/** Whether a member can be reached at all: a dialable phone number or a valid e-mail address. */
export function isReachable(member: Pick<Member, 'phone' | 'email'>): boolean {
  return isPlausiblePhone(member.phone) || isPlausibleEmail(member.email);
}
