/**
 * Marks the edges of one undo step from code below the features (renderer/ui): the workspace's
 * undo manager (features/undo) groups this person's edits made within a short time into one step
 * — right for a burst of typing, wrong for two separate gestures such as two drops of a
 * drag-to-reorder made in quick succession. A discrete action calls `endUndoStep()` before and
 * after its write so Ctrl+Z takes back exactly that action.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

/** Ends the current undo step (the next edit starts a new one). */
export function endUndoStep(): void {
  for (const l of listeners) l();
}

/** Registers what ends a step (the undo manager's `stopCapturing`); returns the disposer. */
export function onEndUndoStep(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
