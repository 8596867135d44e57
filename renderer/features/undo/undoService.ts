import * as Y from 'yjs';
import { ROOTS } from '../../../shared/doc/workspaceDoc';
import { useCurrentWorkspace } from '../../workspace/useWorkspace';
import { useToasts } from '../../ui/toasts';
import i18next from 'i18next';
import { onEndUndoStep } from '../../hooks/undoSteps';
import { isPartLogItem, onlyPartLogs, onPartBuilt } from '../../../shared/doc/parts';
import { partKeysOfLog } from '../../../shared/doc/collection';

/**
 * Undo and redo across the playbook, the map, incidents and drills: one Y.UndoManager per open
 * workspace that tracks only this person's own edits (transactions with origin 'user'), so
 * undoing never takes back what a colleague did. Statements have their own editor's undo.
 *
 * Keys: Ctrl+Z / ⌘Z undoes, Ctrl+Shift+Z / Ctrl+Y redoes — except while typing in a text box or
 * the statement editor, where the browser's own undo of that text applies. Deleting a record
 * shows a toast with "Undo".
 */
export const UNDO_ROOTS = [ROOTS.severities, ROOTS.crisisTypes, ROOTS.signals, ROOTS.principles, ROOTS.units, ROOTS.raci, ROOTS.members, ROOTS.incidents, ROOTS.scenarios, ROOTS.statementPhrases] as const;

/** Edits within this long are undone together (a burst of typing is one step). */
export const CAPTURE_MS = 600;

export interface WorkspaceUndo {
  /** The workspace document's own manager (a crisis type's steps and escalation have one per part). */
  manager: Y.UndoManager;
  /** Undoes this person's last step, in whichever document it was made. */
  undo: () => void;
  redo: () => void;
  destroy: () => void;
}

/**
 * Makes the undo of a workspace: tracks `origin` only (default 'user'); calls `onDelete` when this
 * person deletes records. A crisis type's steps and escalation live in the type's part, a document
 * of its own (shared/doc/parts.ts): each part built gets a manager of its own, and undo and redo
 * take the most recent step of any of them. The workspace's manager skips the part logs: undoing
 * it never takes an update out of a log (the part would keep what its log lost).
 */
export function createWorkspaceUndo(doc: Y.Doc, onDelete?: (count: number) => void, origin = 'user'): WorkspaceUndo {
  const roots = UNDO_ROOTS.map((name) => doc.getMap(name));
  // A set of its own for each manager: Yjs adds the manager itself to the set it is given.
  const options = () => ({ trackedOrigins: new Set<unknown>([origin]), captureTimeout: CAPTURE_MS });
  const manager = new Y.UndoManager(roots, { ...options(), deleteFilter: (item) => !isPartLogItem(item), captureTransaction: (tr) => !onlyPartLogs(tr) });
  const managers: Y.UndoManager[] = [];
  /** Which manager made each step, oldest first (undo and redo each). */
  const done: Y.UndoManager[] = [];
  const undone: Y.UndoManager[] = [];
  const follow = (m: Y.UndoManager) => {
    m.on('stack-item-added', (e: { type: 'undo' | 'redo'; origin: unknown }) => {
      if (e.type === 'redo') return void undone.push(m);
      done.push(m);
      if (e.origin === m) return; // a redo
      // A new edit: nothing undone before it can be redone any more, in any document.
      undone.length = 0;
      for (const other of managers) if (other !== m) other.clear(false, true);
    });
    managers.push(m);
  };
  follow(manager);
  const stopParts = onPartBuilt(doc, (part, log) => {
    follow(new Y.UndoManager(partKeysOfLog(log).map((name) => part.getMap(name)), options()));
  });
  const step = (stack: Y.UndoManager[], run: (m: Y.UndoManager) => unknown, has: (m: Y.UndoManager) => boolean) => {
    for (let m = stack.pop(); m; m = stack.pop()) {
      if (!has(m)) continue;
      run(m);
      return;
    }
  };
  const stopSteps = onEndUndoStep(() => {
    for (const m of managers) m.stopCapturing();
  });
  const watchers = roots.map((root) => {
    const watch = (e: Y.YMapEvent<unknown>) => {
      if (e.transaction.origin !== origin) return;
      let deleted = 0;
      for (const change of e.changes.keys.values()) if (change.action === 'delete') deleted++;
      if (deleted > 0) onDelete?.(deleted);
    };
    root.observe(watch);
    return () => root.unobserve(watch);
  });
  return {
    manager,
    undo: () => step(done, (m) => m.undo(), (m) => m.canUndo()),
    redo: () => step(undone, (m) => m.redo(), (m) => m.canRedo()),
    destroy: () => {
      for (const off of watchers) off();
      stopParts();
      stopSteps();
      for (const m of managers) m.destroy();
    },
  };
}

let current: { id: string; undo: WorkspaceUndo } | null = null;
let installed = false;

/** The open workspace's undo (null while none is open). */
export function workspaceUndo(): WorkspaceUndo | null {
  return current?.undo ?? null;
}

function isTextEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range', 'color'].includes(target.type);
}

function follow(): void {
  const open = useCurrentWorkspace.getState().current;
  if (current && current.id === open?.id) return;
  current?.undo.destroy();
  current = null;
  if (!open) return;
  const toast = (count: number) =>
    useToasts.getState().show({
      text: i18next.t('undo:deleted', { count }),
      ttl: 8000,
      action: { label: i18next.t('undo:undo'), run: () => workspaceUndo()?.undo() },
    });
  current = { id: open.id, undo: createWorkspaceUndo(open.doc, toast) };
}

export function installUndo(): void {
  if (installed) return;
  installed = true;
  follow();
  useCurrentWorkspace.subscribe((s, prev) => {
    if (s.current !== prev.current) follow();
  });
  window.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.isComposing || isTextEditing(e.target)) return;
    const key = e.key.toLowerCase();
    const redo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey);
    if (key !== 'z' && !redo) return;
    const undo = workspaceUndo();
    if (!undo) return;
    e.preventDefault();
    if (redo) undo.redo();
    else undo.undo();
  });
}
