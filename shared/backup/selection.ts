import * as Y from 'yjs';
import { z } from 'zod';
import { AttachmentExportSchema, exportAttachments, importAttachments } from '../attachments/selection.js';
import { childrenOf, listRecords, partChildrenOf, partKeysOf, type RecordInit, type YCollection, type YRecord } from '../doc/collection.js';
import { newPartLog, PART_FIELD } from '../doc/parts.js';
import { write, type Origin } from '../doc/origins.js';
import { collectionOf, playbookOf } from '../doc/workspaceDoc.js';
import { linkedStatementIds } from '../incidents/incidents.js';
import { exportPlaybook, parsePlaybookFile, recordInitOf } from '../playbook/accessors.js';
import { PlaybookFileSchema, withoutUnknownUnitReferences, type PlaybookFile } from '../playbook/schema.js';
import { setText } from '../playbook/textFields.js';
import { bodyNodeSchema, bodyToJson, replaceBody, type BodyNode } from '../statements/body.js';
import { BackupError } from './errors.js';
import { diffSections, type ChangeSummary } from './sections.js';
import { recordId } from '../doc/collection.js';

/**
 * Selections — the playbook only, or one incident with its statements (and its workspace
 * attachments, shared/attachments/selection.ts). A Yjs update cannot be
 * cut to a subtree, so a selection carries the records as plain data (validated on import) and
 * imports as records: a record whose id is already here is updated field by field (nested
 * records by id, never removing any), others are added. It is a copy, not a CRDT merge: edits
 * made meanwhile to a field the file also holds are replaced by the file's value. Sign-offs are
 * not copied: approvals and releases are signed acts of the workspace they were made in, so a
 * copied statement arrives without them, as a draft when it is new here.
 */

const FIELD = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
const ID = z.string().min(1).max(100);

type Value = string | number | boolean | null | { t: 'text'; v: string } | { t: 'body'; v: BodyNode } | { t: 'list'; v: string[] } | { t: 'coll'; v: Tree[] };
export interface Tree {
  id: string;
  f: Record<string, Value>;
}
const ValueSchema: z.ZodType<Value> = z.lazy(() =>
  z.union([
    z.string().max(1_000_000),
    z.number().finite(),
    z.boolean(),
    z.null(),
    z.strictObject({ t: z.literal('text'), v: z.string().max(1_000_000) }),
    z.strictObject({ t: z.literal('body'), v: bodyNodeSchema }),
    z.strictObject({ t: z.literal('list'), v: z.array(z.string().max(200)).max(10_000) }),
    z.strictObject({ t: z.literal('coll'), v: z.array(TreeSchema).max(10_000) }),
  ]),
);
const TreeSchema: z.ZodType<Tree> = z.lazy(() => z.strictObject({ id: ID, f: z.record(FIELD, ValueSchema) }));

export const SelectionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ sel: z.literal(1), kind: z.literal('playbook'), playbook: PlaybookFileSchema }),
  z.strictObject({
    sel: z.literal(1),
    kind: z.literal('incident'),
    incident: TreeSchema,
    statements: z.array(TreeSchema).max(1000),
    /** The incident's workspace attachments (shared/attachments/selection.ts); absent in older files. */
    attachments: z.array(AttachmentExportSchema).max(1000).optional(),
  }),
]);
export type Selection = z.infer<typeof SelectionSchema>;

/** Statement parts never copied (signed acts of the source workspace). */
const NOT_COPIED = new Set(['approvals', 'releases']);

function treeOf(rec: YRecord, skip: ReadonlySet<string> = new Set()): Tree {
  const f: Record<string, Value> = {};
  for (const [key, value] of rec.entries()) {
    if (key === 'id' || skip.has(key) || !FIELD.safeParse(key).success) continue;
    if (value instanceof Y.XmlFragment) f[key] = { t: 'body', v: bodyToJson(value) };
    else if (value instanceof Y.Text) f[key] = { t: 'text', v: value.toString() };
    else if (value instanceof Y.Array) f[key] = { t: 'list', v: value.toArray().filter((s): s is string => typeof s === 'string') };
    else if (value instanceof Y.Map) f[key] = { t: 'coll', v: [...value.values()].filter((r): r is YRecord => r instanceof Y.Map).map((r) => treeOf(r)) };
    else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) f[key] = value as Value;
  }
  // What the record keeps in its part (doc/parts.ts: a statement's versions) is a collection like any other.
  for (const [key, coll] of partChildrenOf(rec)) if (!skip.has(key)) f[key] = { t: 'coll', v: listRecords(coll).map((r) => treeOf(r)) };
  return { id: recordId(rec), f };
}

/** The playbook as a selection (the playbook export format, validated by its own schema). */
export function selectPlaybook(doc: Y.Doc): Selection {
  return { sel: 1, kind: 'playbook', playbook: withoutUnknownUnitReferences(exportPlaybook(doc)) };
}

/** One incident with its statements (linked, or naming the incident) as a selection. */
export function selectIncident(doc: Y.Doc, incidentId: string): Selection {
  const rec = collectionOf(doc, 'incidents').get(incidentId);
  if (!rec) throw new Error(`No incident ${incidentId}`);
  const statements = collectionOf(doc, 'statements');
  const ids = new Set(linkedStatementIds(rec));
  for (const [id, s] of statements) if (s.get('incidentId') === incidentId) ids.add(id);
  const trees = [...ids].map((id) => statements.get(id)).filter((s): s is YRecord => s instanceof Y.Map).map((s) => treeOf(s, NOT_COPIED));
  const attachments = exportAttachments(doc, incidentId);
  return { sel: 1, kind: 'incident', incident: treeOf(rec), statements: trees, ...(attachments.length ? { attachments } : {}) };
}

export const encodeSelection = (sel: Selection): Uint8Array => new TextEncoder().encode(JSON.stringify(sel));

/** Parses and validates a selection payload (hostile input). Throws invalidPayload. */
export function decodeSelection(payload: Uint8Array): Selection {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch {
    throw new BackupError('invalidPayload');
  }
  const parsed = SelectionSchema.safeParse(value);
  if (!parsed.success) throw new BackupError('invalidPayload', { path: parsed.error.issues[0]?.path.join('.') ?? '' });
  if (parsed.data.kind === 'playbook') parsePlaybookFile(parsed.data.playbook);
  return parsed.data;
}

function yValue(value: Value): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value.t === 'text') return new Y.Text(value.v);
  if (value.t === 'list') return Y.Array.from(value.v);
  // Filled by fillBodies once the record is in the document (a detached fragment cannot be written).
  if (value.t === 'body') return new Y.XmlFragment();
  const coll = new Y.Map<YRecord>();
  fillTrees(coll, value.v);
  return coll;
}

function fillTrees(coll: Y.Map<YRecord>, trees: readonly Tree[]): void {
  trees.forEach((child, i) => coll.set(child.id, newRecord(child, i + 1)));
}

/** A new record for `tree`; its collections named in `lazy` go to its part (doc/parts.ts), made with it. */
function newRecord(tree: Tree, order: number, lazy: readonly string[] = []): YRecord {
  // Its id is the key it is inserted under (tree.id; collection.ts recordId).
  const rec = new Y.Map<unknown>();
  rec.set('order', typeof tree.f.order === 'number' ? tree.f.order : order);
  for (const [key, value] of Object.entries(tree.f)) {
    if (key === 'order' || lazy.includes(key) || (value !== null && typeof value === 'object' && value.t === 'body')) continue;
    rec.set(key, yValue(value));
  }
  if (lazy.length > 0) {
    const log = newPartLog((part) => {
      for (const key of lazy) {
        const value = tree.f[key];
        if (value !== null && typeof value === 'object' && value.t === 'coll') fillTrees(part.getMap(key), value.v);
      }
    });
    rec.set(PART_FIELD, log);
  }
  return rec;
}

/** Bodies are filled once the record is in the document (a detached fragment cannot be written). */
function fillBodies(rec: YRecord, tree: Tree): void {
  for (const [key, value] of Object.entries(tree.f)) {
    if (value === null || typeof value !== 'object' || value.t !== 'body') continue;
    let fragment = rec.get(key);
    if (!(fragment instanceof Y.XmlFragment)) {
      fragment = new Y.XmlFragment();
      rec.set(key, fragment);
    }
    replaceBody(fragment as Y.XmlFragment, value.v);
  }
}

/** Updates `rec` from `tree`: fields replaced, texts edited, lists joined, nested records merged by id. */
function mergeRecord(rec: YRecord, tree: Tree, origin: Origin, keep: ReadonlySet<string>): void {
  for (const [key, value] of Object.entries(tree.f)) {
    if (keep.has(key)) continue;
    const current = rec.get(key);
    if (value === null || typeof value !== 'object') {
      if (current instanceof Y.Text && typeof value === 'string') setText(rec, key, value, origin);
      else if (current !== value) rec.set(key, value);
    } else if (value.t === 'text') {
      if (current instanceof Y.Text) setText(rec, key, value.v, origin);
      else if (current !== value.v) rec.set(key, value.v);
    } else if (value.t === 'list') {
      if (current instanceof Y.Array) {
        const have = new Set(current.toArray());
        const missing = value.v.filter((s) => !have.has(s));
        if (missing.length) current.push(missing);
      } else rec.set(key, Y.Array.from(value.v));
    } else if (value.t === 'coll') {
      const inPart = current instanceof Y.Map ? null : childrenOf(rec, key);
      if (current instanceof Y.Map) mergeTrees(current as YCollection, value.v, origin, new Set());
      else if (inPart) write(inPart.doc!, origin, () => mergeTrees(inPart, value.v, origin, new Set()));
      else rec.set(key, yValue(value));
    }
  }
  fillBodies(rec, tree);
}

function mergeTrees(coll: YCollection, trees: readonly Tree[], origin: Origin, keep: ReadonlySet<string>): void {
  trees.forEach((tree, i) => {
    const rec = coll.get(tree.id);
    if (rec instanceof Y.Map) mergeRecord(rec, tree, origin, keep);
    else {
      coll.set(tree.id, newRecord(tree, i + 1, partKeysOf(coll)));
      fillBodies(coll.get(tree.id)!, tree);
    }
  });
}

function mergeInits(coll: YCollection, items: readonly RecordInit[], origin: Origin): void {
  const trees = items.map(function toTree(init: RecordInit): Tree {
    const f: Record<string, Value> = {};
    for (const [k, v] of Object.entries(init)) {
      if (k === 'id' || v === undefined) continue;
      f[k] = Array.isArray(v) ? { t: 'coll', v: v.map(toTree) } : v;
    }
    return { id: String(init.id), f };
  });
  mergeTrees(coll, trees, origin, new Set());
}

/** Writes a selection into `doc` (one transaction tagged `origin`), merging records by id. */
export function applySelection(doc: Y.Doc, sel: Selection, origin: Origin = 'import'): void {
  write(doc, origin, () => {
    if (sel.kind === 'playbook') {
      const file: PlaybookFile = sel.playbook;
      const pb = playbookOf(doc);
      mergeInits(collectionOf(doc, 'units'), file.units.map(recordInitOf), origin);
      mergeInits(pb.severities, file.severities.map(recordInitOf), origin);
      mergeInits(pb.crisisTypes, file.crisisTypes.map(recordInitOf), origin);
      mergeInits(pb.signals, file.signals.map(recordInitOf), origin);
      mergeInits(pb.principles, file.principles.map(recordInitOf), origin);
      return;
    }
    const statements = collectionOf(doc, 'statements');
    for (const tree of sel.statements) {
      if (statements.get(tree.id)) mergeRecord(statements.get(tree.id)!, tree, origin, new Set(['stage', ...NOT_COPIED]));
      else {
        const draft: Tree = { id: tree.id, f: { ...tree.f, stage: 'draft' } };
        statements.set(tree.id, newRecord(draft, 0, partKeysOf(statements)));
        const rec = statements.get(tree.id)!;
        for (const key of NOT_COPIED) rec.set(key, new Y.Map());
        fillBodies(rec, draft);
      }
    }
    mergeTrees(collectionOf(doc, 'incidents'), [sel.incident], origin, new Set());
    if (sel.attachments) importAttachments(doc, sel.attachments, origin);
  });
}

/** What applying `sel` would change, computed on a scratch copy of `doc`. */
export function planSelection(doc: Y.Doc, sel: Selection): ChangeSummary {
  const before = new Y.Doc();
  const after = new Y.Doc();
  try {
    const state = Y.encodeStateAsUpdateV2(doc);
    Y.applyUpdateV2(before, state, 'import');
    Y.applyUpdateV2(after, state, 'import');
    applySelection(after, sel, 'import');
    return diffSections(before, after);
  } finally {
    before.destroy();
    after.destroy();
  }
}

