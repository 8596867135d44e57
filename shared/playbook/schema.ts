import { z } from 'zod';
import { LANGUAGES } from '../languages.js';
import { duplicateLevels } from './severityLevels.js';
import {
  CRISIS_TYPE_KEYS,
  SIGNAL_SOURCES,
  UNIT_KEYS,
  type ChecklistItem,
  type CrisisType,
  type EscalationStep,
  type NotifyRule,
  type Principle,
  type ResponseStep,
  type SeverityLevel,
  type Unit,
  type WarningSignal,
} from './types.js';

/**
 * Zod schemas of the playbook's plain records, in two flavours built from one definition:
 * - strict (`*Schema`, `PlaybookFileSchema`): the trust boundary for imported playbooks; any
 *   problem is reported with its path and nothing is written;
 * - lenient (`lenientSchemas`): reading our own document, where a peer's half-finished or
 *   older record must still render — missing or invalid fields fall back to a default.
 */

/** Version of the exported playbook file format. */
export const PLAYBOOK_FORMAT_VERSION = 1;

/** Upper bounds that keep an imported file sane (a playbook is edited by people). */
export const LIMITS = {
  idLength: 200,
  nameLength: 500,
  textLength: 20_000,
  /** One year, in minutes. */
  minutes: 525_600,
  level: 99,
  items: 1_000,
} as const;

type Field<T> = z.ZodType<T>;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Builds every record schema; `lenient` swaps validation for defaults. */
function buildSchemas(lenient: boolean) {
  const id = (): Field<string> => (lenient ? z.string().catch('') : z.string().min(1, 'id is empty').max(LIMITS.idLength));
  const text = (max: number = LIMITS.textLength): Field<string> => (lenient ? z.string().catch('') : z.string().max(max));
  /** A reference to a unit id ('' = not chosen yet). */
  const ref = (): Field<string> => (lenient ? z.string().catch('') : z.string().max(LIMITS.idLength));
  const minutes = (): Field<number> =>
    lenient
      ? z.coerce
          .number()
          .catch(0)
          .transform((v) => clamp(Number.isFinite(v) ? v : 0, 0, LIMITS.minutes))
      : z.number().min(0).max(LIMITS.minutes);
  const level = (): Field<number> =>
    lenient
      ? z.coerce
          .number()
          .catch(1)
          .transform((v) => clamp(Number.isFinite(v) ? Math.round(v) : 1, 1, LIMITS.level))
      : z.number().int().min(1).max(LIMITS.level);
  const list = <T>(item: Field<T>): Field<T[]> => (lenient ? z.array(item).catch([]) : uniqueIds(z.array(item).max(LIMITS.items)));
  const oneOf = <T extends string>(values: readonly T[], fallback: T): Field<T> => {
    const schema = z.enum(values as readonly [T, ...T[]]) as unknown as Field<T>;
    return lenient ? schema.catch(fallback) : schema;
  };

  const NotifyRule = z.object({ id: id(), who: text(LIMITS.nameLength), withinMinutes: minutes() });
  const SeverityLevel = z.object({
    id: id(),
    level: level(),
    name: text(LIMITS.nameLength),
    criteria: text(),
    decisionRights: text(),
    notify: list(NotifyRule),
  });
  const ChecklistItem = z.object({ id: id(), text: text() });
  const ResponseStep = z.object({
    id: id(),
    title: text(LIMITS.nameLength),
    ownerUnitId: ref(),
    targetMinutes: minutes(),
    checklist: list(ChecklistItem),
  });
  const EscalationStep = z.object({ id: id(), unitId: ref(), withinMinutes: minutes(), note: text() });
  const CrisisType = z.object({
    id: id(),
    key: oneOf<CrisisType['key']>(['', ...CRISIS_TYPE_KEYS], ''),
    name: text(LIMITS.nameLength),
    description: text(),
    response: text(),
    firstResponderUnitId: ref(),
    steps: list(ResponseStep),
    escalation: list(EscalationStep),
  });
  const WarningSignal = z.object({
    id: id(),
    kind: text(LIMITS.nameLength),
    source: oneOf(SIGNAL_SOURCES, 'social'),
    threshold: text(),
  });
  const Principle = z.object({ id: id(), text: text() });
  const Unit = z.object({
    id: id(),
    key: oneOf<Unit['key']>(['', ...UNIT_KEYS], ''),
    name: text(LIMITS.nameLength),
    kind: oneOf(['internal', 'external'] as const, 'internal'),
    duties: text(),
  });
  return { NotifyRule, SeverityLevel, ChecklistItem, ResponseStep, EscalationStep, CrisisType, WarningSignal, Principle, Unit, list };
}

/** Rejects two records with the same id in one list (they would collapse into one in the document). */
function uniqueIds<T>(schema: z.ZodType<T[]>): Field<T[]> {
  return schema.superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const itemId = (item as { id?: unknown }).id;
      if (typeof itemId !== 'string') return;
      if (seen.has(itemId)) ctx.addIssue({ code: 'custom', message: `duplicate id "${itemId}"`, path: [i, 'id'], params: { i18n: 'duplicateId', id: itemId.slice(0, 80) } });
      seen.add(itemId);
    });
  });
}

const strict = buildSchemas(false);

export const NotifyRuleSchema = strict.NotifyRule;
export const SeverityLevelSchema = strict.SeverityLevel;
export const ChecklistItemSchema = strict.ChecklistItem;
export const ResponseStepSchema = strict.ResponseStep;
export const EscalationStepSchema = strict.EscalationStep;
export const CrisisTypeSchema = strict.CrisisType;
export const WarningSignalSchema = strict.WarningSignal;
export const PrincipleSchema = strict.Principle;
export const UnitSchema = strict.Unit;

/**
 * Every unit a crisis type, step or escalation names must be one of the file's own units ('' =
 * not chosen yet). An export always carries all units, so a dangling id means a hand-edited or
 * damaged file: it would show as a blank owner and, once imported, point at nothing. Runs even
 * when other fields have problems (and reads defensively), so one pass lists every problem.
 * (`severities[].notify[].who` may be free text and is not checked.)
 */
function checkUnitReferences(file: unknown, ctx: z.RefinementCtx): void {
  const f = file as { units?: unknown; crisisTypes?: unknown };
  if (!Array.isArray(f.units) || !Array.isArray(f.crisisTypes)) return;
  const units = new Set(f.units.map((u: { id?: unknown }) => u?.id).filter((id): id is string => typeof id === 'string'));
  const check = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string' && value !== '' && !units.has(value)) {
      ctx.addIssue({ code: 'custom', message: `unit "${value.slice(0, LIMITS.idLength)}" is not among the file's units`, path, input: value, params: { i18n: 'unknownUnit', unit: value.slice(0, LIMITS.idLength) } });
    }
  };
  f.crisisTypes.forEach((ct: { firstResponderUnitId?: unknown; steps?: unknown; escalation?: unknown } | null, i) => {
    if (!ct || typeof ct !== 'object') return;
    check(ct.firstResponderUnitId, ['crisisTypes', i, 'firstResponderUnitId']);
    if (Array.isArray(ct.steps)) ct.steps.forEach((s: { ownerUnitId?: unknown } | null, j) => check(s?.ownerUnitId, ['crisisTypes', i, 'steps', j, 'ownerUnitId']));
    if (Array.isArray(ct.escalation)) ct.escalation.forEach((e: { unitId?: unknown } | null, j) => check(e?.unitId, ['crisisTypes', i, 'escalation', j, 'unitId']));
  });
}

/**
 * The content with every unit reference that names no unit of it cleared (''): what an export
 * writes, so that a workspace whose unit was removed while steps still named it exports a file
 * that imports again (the editor shows those owners as unset already).
 */
export function withoutUnknownUnitReferences<T extends Pick<PlaybookContent, 'units' | 'crisisTypes'>>(content: T): T {
  const units = new Set(content.units.map((u) => u.id));
  const known = (id: string) => (id === '' || units.has(id) ? id : '');
  return {
    ...content,
    crisisTypes: content.crisisTypes.map((ct) => ({
      ...ct,
      firstResponderUnitId: known(ct.firstResponderUnitId),
      steps: ct.steps.map((s) => ({ ...s, ownerUnitId: known(s.ownerUnitId) })),
      escalation: ct.escalation.map((e) => ({ ...e, unitId: known(e.unitId) })),
    })),
  };
}

/** A whole exported playbook, as written to and read from a file. */
export const PlaybookFileSchema = z
  .object({
    version: z
      .number({ error: 'version must be a number' })
      .int()
      .min(1)
      .max(PLAYBOOK_FORMAT_VERSION, { error: `this app reads playbook format up to version ${PLAYBOOK_FORMAT_VERSION}` }),
    language: z.enum(LANGUAGES),
    severities: strict.list(SeverityLevelSchema),
    crisisTypes: strict.list(CrisisTypeSchema),
    signals: strict.list(WarningSignalSchema),
    principles: strict.list(PrincipleSchema),
    units: strict.list(UnitSchema),
  })
  .superRefine(checkUnitReferences, { when: (payload) => typeof payload.value === 'object' && payload.value !== null })
  .superRefine(checkSeverityLevels, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });

/** Two severity levels with the same number would make incidents' levels ambiguous (./severityLevels.ts). */
function checkSeverityLevels(file: unknown, ctx: z.RefinementCtx): void {
  const list = (file as { severities?: unknown }).severities;
  if (!Array.isArray(list)) return;
  for (const dup of duplicateLevels(list.map((s: { level?: unknown } | null) => ({ level: s?.level })))) {
    for (const i of dup.indexes.slice(1)) {
      ctx.addIssue({ code: 'custom', message: `severity level ${dup.level} is used more than once`, path: ['severities', i, 'level'], input: dup.level, params: { i18n: 'duplicateLevel', level: dup.level } });
    }
  }
}

export type PlaybookFile = z.infer<typeof PlaybookFileSchema>;
/** The playbook's content without the file envelope. */
export type PlaybookContent = Omit<PlaybookFile, 'version' | 'language'>;

/** Lenient record schemas for reading a workspace document: never throw, default what is missing. */
export const lenientSchemas = (() => {
  const { list: _list, ...records } = buildSchemas(true);
  return records;
})();

export type NotifyRuleRecord = z.infer<typeof NotifyRuleSchema>;
export type SeverityLevelRecord = z.infer<typeof SeverityLevelSchema>;
export type ChecklistItemRecord = z.infer<typeof ChecklistItemSchema>;
export type ResponseStepRecord = z.infer<typeof ResponseStepSchema>;
export type EscalationStepRecord = z.infer<typeof EscalationStepSchema>;
export type CrisisTypeRecord = z.infer<typeof CrisisTypeSchema>;
export type WarningSignalRecord = z.infer<typeof WarningSignalSchema>;
export type PrincipleRecord = z.infer<typeof PrincipleSchema>;
export type UnitRecord = z.infer<typeof UnitSchema>;

// Type-level proof that the schemas describe exactly the shapes in ./types.ts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Compiles only while every schema's inferred type equals its domain type. */
export type SchemasMatchDomainTypes = [
  Assert<Same<NotifyRuleRecord, NotifyRule>>,
  Assert<Same<SeverityLevelRecord, SeverityLevel>>,
  Assert<Same<ChecklistItemRecord, ChecklistItem>>,
  Assert<Same<ResponseStepRecord, ResponseStep>>,
  Assert<Same<EscalationStepRecord, EscalationStep>>,
  Assert<Same<CrisisTypeRecord, CrisisType>>,
  Assert<Same<WarningSignalRecord, WarningSignal>>,
  Assert<Same<PrincipleRecord, Principle>>,
  Assert<Same<UnitRecord, Unit>>,
  Assert<Same<PlaybookContent['crisisTypes'], CrisisType[]>>,
  Assert<Same<PlaybookFile['language'], (typeof LANGUAGES)[number]>>,
];
