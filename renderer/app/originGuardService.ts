import type * as Y from 'yjs';
import { guardOrigins } from '../../shared/doc/originGuard';
import { useCurrentWorkspace } from '../workspace/useWorkspace';

/**
 * In development builds (`vite` dev server) the open workspace's document throws on every local
 * write without an origin (shared/doc/originGuard.ts), from the moment it is open; production
 * builds never install it. Returns the disposer.
 */
export function installOriginGuard(enabled: boolean = import.meta.env.DEV): () => void {
  if (!enabled) return () => {};
  let doc: Y.Doc | null = null;
  let stop = () => {};
  const follow = () => {
    const next = useCurrentWorkspace.getState().current?.doc ?? null;
    if (next === doc) return;
    stop();
    doc = next;
    stop = doc ? guardOrigins(doc) : () => {};
  };
  follow();
  const unsubscribe = useCurrentWorkspace.subscribe(follow);
  return () => {
    unsubscribe();
    stop();
  };
}
