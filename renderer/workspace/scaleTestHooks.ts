import * as Y from 'yjs';
import { useCurrentWorkspace } from './useWorkspace';
import { testHooksEnabled } from '../platform/testHooksEnabled';

/**
 * Scale test hook (only with `localStorage['crisis-room.test-hooks'] === '1'`, set by an
 * end-to-end test): merges a document update built outside the app — e.g. a generated workspace
 * at 100× (bench/lib/generateWorkspace.ts) — into the open workspace, with origin 'import', as a
 * backup merge would. tests/e2e/scale-sections.spec.ts loads big workspaces through it.
 */
export interface ScaleTestHooks {
  /** Applies a base64 Yjs update (V1) to the open workspace's document; returns false without one. */
  applyUpdate: (base64: string) => boolean;
}

declare global {
  interface Window {
    __crisisRoomScaleTest?: ScaleTestHooks;
  }
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function installScaleTestHooks(): void {
  if (!testHooksEnabled()) return;
  window.__crisisRoomScaleTest = {
    applyUpdate: (base64) => {
      const doc = useCurrentWorkspace.getState().current?.doc;
      if (!doc) return false;
      Y.applyUpdate(doc, fromBase64(base64), 'import');
      return true;
    },
  };
}
