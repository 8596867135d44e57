import * as Y from 'yjs';
import { ROOTS } from '../../../shared/doc/workspaceDoc';
import { useCurrentWorkspace } from '../../workspace/useWorkspace';
import { useToasts } from '../../ui/toasts';
import i18next from 'i18next';
import { onEndUndoStep } from '../../hooks/undoSteps';

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
  manager: Y.UndoManager;
  destroy: () => void;
}

/** Makes the undo manager of a document: tracks `origin` only (default 'user'); calls `onDelete` when this person deletes records. */
export function createWorkspaceUndo(doc: Y.Doc, onDelete?: (count: number) => void, origin = 'user'): WorkspaceUndo {
  const roots = UNDO_ROOTS.map((name) => doc.getMap(name));
  const manager = new Y.UndoManager(roots, { trackedOrigins: new Set([origin]), captureTimeout: CAPTURE_MS });
  const stopSteps = onEndUndoStep(() => manager.stopCapturing());
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
    destroy: () => {
      for (const off of watchers) off();
      stopSteps();
      manager.destroy();
    },
  };
}

let current: { id: string; undo: WorkspaceUndo } | null = null;
let installed = false;

/** The open workspace's undo manager (null while none is open). */
export function workspaceUndo(): Y.UndoManager | null {
  return current?.undo.manager ?? null;
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
    const manager = workspaceUndo();
    if (!manager) return;
    e.preventDefault();
    if (redo) manager.redo();
    else manager.undo();
  });
}
