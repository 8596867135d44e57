import { create } from 'zustand';
import type * as Y from 'yjs';
import { openWorkspace, type OpenWorkspace } from './workspaceService';
import { reportStorageError } from './persistence';

interface CurrentWorkspaceState {
  current: OpenWorkspace | null;
  loadingId: string | null;
  error: string | null;
  /** Opens `id` (closing the previous one). */
  open: (id: string) => Promise<void>;
  close: () => void;
}

export const useCurrentWorkspace = create<CurrentWorkspaceState>((set, get) => ({
  current: null,
  loadingId: null,
  error: null,
  open: async (id) => {
    const { current, loadingId } = get();
    if (current?.id === id || loadingId === id) return;
    current?.close();
    set({ current: null, loadingId: id, error: null });
    try {
      // Marks for profiles of an open (bench P13 reads them from the page's performance timeline).
      performance.mark('crisis-room:open-start');
      const opened = await openWorkspace(id);
      performance.mark('crisis-room:open-loaded');
      if (get().loadingId !== id) {
        opened.close();
        return;
      }
      set({ current: opened, loadingId: null });
    } catch (err) {
      const message = (err as Error).message;
      if (!message.startsWith('errors.')) reportStorageError(err);
      set({ loadingId: null, error: message });
    }
  },
  close: () => {
    get().current?.close();
    set({ current: null, loadingId: null, error: null });
  },
}));

/** The open workspace's Y.Doc (null while none is open). */
export function useWorkspaceDoc(): Y.Doc | null {
  return useCurrentWorkspace((s) => s.current?.doc ?? null);
}

export function useWorkspaceId(): string | null {
  return useCurrentWorkspace((s) => s.current?.id ?? null);
}
