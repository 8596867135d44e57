import { create } from 'zustand';
import { SearchTracker } from '../../../shared/search/tracker';
import { useCurrentWorkspace } from '../../workspace/useWorkspace';

/**
 * The open workspace's search index (shared/search): made when a workspace opens, kept current
 * by the tracker at the cost of what changed, dropped when the workspace closes. The palette's
 * open state lives here too, so a keyboard shortcut anywhere can open it.
 */
let tracker: { id: string; t: SearchTracker } | null = null;
let installed = false;

export function currentSearch(): SearchTracker | null {
  const current = useCurrentWorkspace.getState().current;
  if (!current) return null;
  if (tracker?.id !== current.id) {
    tracker?.t.destroy();
    tracker = { id: current.id, t: new SearchTracker(current.doc) };
  }
  return tracker.t;
}

export const useSearchPalette = create<{ open: boolean; setOpen: (open: boolean) => void }>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

/** Ctrl+K / ⌘K opens the palette while a workspace is open; closing a workspace drops its index. */
export function installSearch(): void {
  if (installed) return;
  installed = true;
  useCurrentWorkspace.subscribe((s, prev) => {
    if (s.current === prev.current) return;
    tracker?.t.destroy();
    tracker = null;
    if (!s.current) useSearchPalette.getState().setOpen(false);
  });
  window.addEventListener('keydown', (e) => {
    if (e.key.toLowerCase() !== 'k' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    if (!useCurrentWorkspace.getState().current) return;
    e.preventDefault();
    const palette = useSearchPalette.getState();
    palette.setOpen(!palette.open);
  });
}
