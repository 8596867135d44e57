import * as Y from 'yjs';
import { z } from 'zod';
import { addRecord, newId, readChildren, type RecordInit, type YCollection, type YRecord } from '../doc/collection.js';
import type { Origin } from '../doc/origins.js';
import { defineRecord, type RecordFields } from '../doc/typedRecord.js';
import { collectionOf } from '../doc/workspaceDoc.js';

/**
 * Drill scenarios: a list of injects (developments the facilitator's clock releases at an offset
 * from the drill's T0). Stored in the root collection `scenarios`, injects as a nested collection,
 * so the team can write its own scenarios next to the shipped ones.
 */
export const INJECT_CHANNELS = ['social', 'media_call', 'regulator_letter', 'kol_video', 'customer', 'internal'] as const;
export type InjectChannel = (typeof INJECT_CHANNELS)[number];

/** Longest time after T0 an inject may appear at: a week. */
const OFFSET_MAX = 7 * 24 * 60;

/** One development of a scenario, released by the facilitator's clock. */
export const InjectRecord = defineRecord('inject', (f) => ({
  id: f.id(),
  /** Minutes after the drill's T0 at which the inject appears (read: a negative offset is 0). */
  offsetMinutes: f.number({ min: 0, max: OFFSET_MAX }, 0),
  channel: f.oneOf(INJECT_CHANNELS, 'internal'),
  content: f.text(5000),
  expectedResponse: f.text(5000),
  /** The playbook step this inject exercises (id in this workspace; may be empty). */
  linkedStepId: f.ref(),
  /** Title of that step, used to find it when the id is unknown (shipped scenarios). */
  linkedStepTitle: f.text(500),
}));
export type Inject = RecordFields<typeof InjectRecord>;

/** A drill scenario's own fields (its injects are a nested collection). */
export const ScenarioRecord = defineRecord('scenario', (f) => ({
  id: f.id(),
  title: f.text(300),
  /** A UI language code; the team's own scenarios may name another. */
  language: f.text(10),
  /** Crisis type key of the playbook (e.g. 'foodSafety'); '' for a team's own type. */
  crisisTypeKey: f.text(100),
  summary: f.text(5000),
  /** Built-in scenario this one was copied from ('' for the team's own). */
  libraryKey: f.text(100),
}));

export interface Scenario extends RecordFields<typeof ScenarioRecord> {
  injects: Inject[];
}

export const InjectInput = z.object({
  offsetMinutes: z.number().finite().min(0).max(OFFSET_MAX),
  channel: z.enum(INJECT_CHANNELS),
  content: z.string().trim().min(1).max(5000),
  expectedResponse: z.string().max(5000),
  linkedStepId: z.string().max(200).default(''),
  linkedStepTitle: z.string().max(500).default(''),
});
export type InjectInput = z.input<typeof InjectInput>;

export const ScenarioInput = z.object({
  title: z.string().trim().min(1).max(300),
  language: z.string().min(2).max(10),
  crisisTypeKey: z.string().max(100),
  summary: z.string().max(5000).default(''),
  libraryKey: z.string().max(100).default(''),
  injects: z.array(InjectInput).max(200),
});
export type ScenarioInput = z.input<typeof ScenarioInput>;

export function scenariosOf(doc: Y.Doc): YCollection {
  return collectionOf(doc, 'scenarios');
}

function readInject(r: YRecord): Inject {
  const inject = InjectRecord.read(r);
  // The plain reader keeps any finite number; an offset before T0 has always read as T0.
  return inject.offsetMinutes < 0 ? { ...inject, offsetMinutes: 0 } : inject;
}

/** Plain snapshot of a scenario record; injects sorted by offset (then their list order). */
export function readScenario(rec: YRecord, key?: string): Scenario {
  const fields = ScenarioRecord.read(rec);
  const injects = readChildren(rec, 'injects').map(readInject);
  const sorted = injects.map((inj, i) => ({ inj, i })).sort((a, b) => a.inj.offsetMinutes - b.inj.offsetMinutes || a.i - b.i).map((x) => x.inj);
  return { ...fields, id: key ?? fields.id, injects: sorted };
}

export function listScenarios(doc: Y.Doc): Scenario[] {
  const out: Scenario[] = [];
  for (const [key, rec] of scenariosOf(doc).entries()) if (rec instanceof Y.Map) out.push(readScenario(rec, key));
  return out.sort((a, b) => a.title.localeCompare(b.title));
}

/** Adds a scenario (validated). Returns its id. */
export function addScenario(doc: Y.Doc, raw: ScenarioInput, origin: Origin): string {
  const s = ScenarioInput.parse(raw);
  // Every record is validated before anything is written (a RecordFieldError names the field).
  const fields = ScenarioRecord.init({ id: newId(), title: s.title, language: s.language, crisisTypeKey: s.crisisTypeKey, summary: s.summary, libraryKey: s.libraryKey });
  const injects = s.injects.map((i) => InjectRecord.init({ ...i, id: newId() }));
  const init: RecordInit = { ...fields, injects: injects.map((i) => ({ ...i })) };
  return addRecord(scenariosOf(doc), init, origin);
}

/** Injects due at exercise time `now` of a drill whose T0 is `t0`, oldest first. */
export function dueInjects(injects: readonly Inject[], t0: number, now: number): Inject[] {
  return injects.filter((i) => injectAt(i, t0) <= now);
}

/** Exercise time at which an inject appears. */
export function injectAt(inject: Pick<Inject, 'offsetMinutes'>, t0: number): number {
  return t0 + inject.offsetMinutes * 60_000;
}

/** The next inject still to come after exercise time `now` (null when all are out). */
export function nextInject(injects: readonly Inject[], t0: number, now: number): Inject | null {
  let best: Inject | null = null;
  for (const i of injects) if (injectAt(i, t0) > now && (!best || i.offsetMinutes < best.offsetMinutes)) best = i;
  return best;
}

const normalize = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/**
 * The playbook step an inject exercises, among `steps` of the drill's crisis type: by id, else by
 * title (exact, then one containing the other, ignoring case and spaces). Shipped scenarios know
 * only titles because step ids differ between workspaces.
 */
export function resolveInjectStep<S extends { id: string; title: string }>(inject: Pick<Inject, 'linkedStepId' | 'linkedStepTitle'>, steps: readonly S[]): S | null {
  if (inject.linkedStepId) {
    const byId = steps.find((s) => s.id === inject.linkedStepId);
    if (byId) return byId;
  }
  const title = normalize(inject.linkedStepTitle);
  if (!title) return null;
  const exact = steps.find((s) => normalize(s.title) === title);
  if (exact) return exact;
  return steps.find((s) => normalize(s.title).includes(title) || (normalize(s.title).length > 1 && title.includes(normalize(s.title)))) ?? null;
}
