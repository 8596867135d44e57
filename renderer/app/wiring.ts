import { registerAwarenessSource, useClockSync } from '../features/drills/clockService';
import { currentSync, installSyncLifecycle } from '../sync/syncLifecycle';
import { useSyncStore } from '../sync/syncStore';

let installed = false;

/**
 * Connects services that live in different features, once, at start-up: sync follows the open
 * workspace, and the drill clock exchanges its pings over sync's awareness channel.
 */
export function installAppWiring(): void {
  if (installed) return;
  installed = true;
  installSyncLifecycle();
  registerAwarenessSource(() => currentSync()?.awareness ?? null);
  // Each sync session brings a new awareness instance: let the drill clock re-attach to it.
  let last = currentSync();
  useSyncStore.subscribe(() => {
    const now = currentSync();
    if (now !== last) {
      last = now;
      useClockSync.getState().bump();
    }
  });
}
