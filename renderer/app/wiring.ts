import { registerAwarenessSource, useClockSync } from '../exerciseClock/clockService';
import { currentSync, installSyncLifecycle } from '../sync/syncLifecycle';
import { useSyncStore } from '../sync/syncStore';
import { loadIdentity } from '../identity/identity';
import { installAdmissionService } from '../identity/admissionService';
import { installRoomKeyService } from '../identity/roomKeyService';
import { installTestHooks } from '../identity/testHooks';
import { installRoomService } from '../rooms/roomService';
import { installRoomsTestHooks } from '../rooms/testHooks';
import { installScaleTestHooks } from '../workspace/scaleTestHooks';
import { installHostAccess } from '../sync/hostAccess';
import { installPageGuard } from '../workspace/pageGuard';
import { installUndo } from '../features/undo/undoService';
import { installNotifications } from '../features/notify/notifyService';
import { installOriginGuard } from './originGuardService';
import { prepareRoomAuth } from '../../shared/sync/roomAuth';
import { preloadWhenSettled } from './startup';

let installed = false;

/**
 * Connects services that live in different features, once, at start-up: this laptop's identity
 * is read (the app shows the first-start form until there is one), an owner's laptop admits
 * join requests for its one-time invites, a rotated room key sealed to this laptop is taken up,
 * sync follows the open workspace (and its room key), and the drill clock
 * exchanges its pings over sync's awareness channel.
 */
export function installAppWiring(): void {
  if (installed) return;
  installed = true;
  void loadIdentity();
  installAdmissionService();
  installRoomKeyService();
  installTestHooks();
  installSyncLifecycle();
  // Development builds: the open workspace throws on a local write without an origin.
  installOriginGuard();
  // Restricted rooms this laptop's person is a member of: stored, synced in their own rooms (renderer/rooms).
  installRoomService();
  installRoomsTestHooks();
  installScaleTestHooks();
  // Leaving or closing the page writes what fields hold and warns when edits would be lost.
  installPageGuard();
  // Ctrl+Z / Ctrl+Shift+Z over this person's own edits (features/undo).
  installUndo();
  // System notifications for updates falling due and drill injects (features/notify).
  installNotifications();
  // Electron: the page's CSP allows exactly the configured hosts (sync/hostAccess.ts).
  installHostAccess();
  // Sync's first room credential needs the Ed25519 tables: built at idle once the first screen is
  // done (30 ms of script and as much garbage collection: not while a large workspace opens, P13).
  preloadWhenSettled(prepareRoomAuth);
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
