import * as Y from 'yjs';
import { addRecord, childCollection, readChildren, setField, type YRecord, recordId } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import { collectionOf } from '../doc/workspaceDoc.js';
import type { Localized } from '../languages.js';
import { textOf } from '../playbook/textFields.js';
import { decideFinding, type DecidedEdit } from './run.js';

/**
 * Playbook edits proposed by the findings of an after-action review (derived in ./aarFindings.ts),
 * which the team accepts (applied to the playbook with origin 'user') or rejects. Every drill ends
 * with a review that changes the plan — this is how a drill's lessons reach it.
 */
export type FindingCode = 'lateRaiseTarget' | 'lateAddBackup' | 'missedAddBackup' | 'unansweredWatchChannel' | 'lateInjectPrepareReply';

export interface ProposedEdit {
  /** The finding's id (stable across recomputation of the review); decisions are keyed by it. */
  id: string;
  crisisTypeId: string;
  stepId: string;
  stepTitle: string;
  /** The step field changed: its target, or its checklist (one item added). */
  field: 'targetMinutes' | 'checklist';
  /** Current value (target minutes), or null when adding a checklist item. */
  from: number | null;
  /** New target minutes, or the checklist item's text. */
  to: number | string;
  rationale: { code: FindingCode; targetMinutes: number; lateByMinutes: number; evidence: number };
}

/** Checklist item proposed when a step's owner was too slow or missed it. */
export const BACKUP_OWNER_ITEM: Localized = {
  'zh-TW': '指定本步驟的備援負責人；目標時間前 15 分鐘仍未完成時，由備援接手。',
  'zh-CN': '指定本步骤的备岗负责人；目标时间前 15 分钟仍未完成时，由备岗接手。',
  en: 'Name a backup owner for this step; if it is not done 15 minutes before the target, the backup takes over.',
};

/** The playbook step record a finding edits, or a readable error. */
function stepRecord(doc: Y.Doc, edit: ProposedEdit): YRecord {
  const type = collectionOf(doc, 'crisisTypes').get(edit.crisisTypeId);
  if (!(type instanceof Y.Map)) throw new Error('The crisis type of this finding no longer exists in the playbook');
  const step = readChildren(type, 'steps').find((s) => recordId(s) === edit.stepId);
  if (!step) throw new Error(`The step "${edit.stepTitle}" no longer exists in the playbook`);
  return step;
}

/**
 * Applies a proposed edit to the playbook. A target that someone changed since the review is not
 * overwritten (error); a checklist item already present is not added twice.
 */
export function applyEdit(doc: Y.Doc, edit: ProposedEdit, origin: Origin): void {
  const step = stepRecord(doc, edit);
  if (edit.field === 'targetMinutes') {
    const current = step.get('targetMinutes');
    if (current !== edit.from) throw new Error(`The target of "${edit.stepTitle}" changed since the review (now ${String(current)} min)`);
    if (typeof edit.to !== 'number' || !Number.isFinite(edit.to) || edit.to < 0) throw new Error('The proposed target is not a number of minutes');
    setField(step, 'targetMinutes', edit.to, origin);
    return;
  }
  const text = String(edit.to).trim();
  if (!text) throw new Error('The proposed checklist item is empty');
  if (readChildren(step, 'checklist').some((c) => textOf(c.get('text')) === text)) return;
  addRecord(childCollection(step, 'checklist', origin), { text }, origin);
}

function decidedEdit(edit: ProposedEdit): DecidedEdit {
  const { id: _id, ...rest } = edit;
  return rest;
}

/** A proposal again, from what was stored with its decision. */
export function editFromDecision(id: string, edit: DecidedEdit): ProposedEdit {
  return { id, ...edit };
}

/** Accepts a finding: applies its edit and records the decision, in one transaction. */
export function acceptFinding(doc: Y.Doc, drill: YRecord, edit: ProposedEdit, by: string, at: number, origin: Origin): void {
  write(doc, origin, () => {
    applyEdit(doc, edit, origin);
    decideFinding(drill, edit.id, 'accepted', by, at, origin, decidedEdit(edit));
  });
}

/** Rejects a finding (the playbook stays as it is). */
export function rejectFinding(drill: YRecord, edit: ProposedEdit, by: string, at: number, origin: Origin): void {
  decideFinding(drill, edit.id, 'rejected', by, at, origin, decidedEdit(edit));
}
