import { appendEntry, governanceLog, signEntry, type UnsignedPayload } from '../../shared/governance';
import { write } from '../../shared/doc/origins';
import { useCurrentWorkspace } from '../workspace/useWorkspace';
import { localRoomKey, useIdentity } from './identity';
import { lastAdmissionPass, type AdmissionPass } from './admissionService';
import { testHooksEnabled } from '../platform/testHooksEnabled';

/** What end-to-end tests may do that the UI never offers (to play a modified client). */
export interface GovernanceTestHooks {
  /** Signs any well-formed payload with this laptop's key and appends it, whatever its authority. */
  signAndAppendAnything: (payload: UnsignedPayload) => Promise<void>;
  /** Appends a raw value to the open workspace's governance log (e.g. a tampered entry). */
  appendRaw: (value: string) => void;
  /** This laptop's public signing key. */
  publicKey: () => string | null;
  /** This laptop's room key for a workspace (what every invite it makes carries anyway). */
  roomKey: (workspaceId: string) => Promise<string | null>;
  /** What this laptop's last automatic admission pass saw (null: none ran). */
  admissionPass: () => AdmissionPass | null;
}

declare global {
  interface Window {
    __crisisRoomGovernanceTest?: GovernanceTestHooks;
  }
}

/**
 * Test hooks, installed only when `localStorage['crisis-room.test-hooks'] === '1'` (set by an
 * end-to-end test before the app loads). They let a test act as a peer running a modified
 * client — writing entries straight into the shared document — to check that the others reject
 * them. They grant nothing such a peer could not do anyway: the document is open to every member.
 */
export function installTestHooks(): void {
  if (!testHooksEnabled()) return;
  const doc = () => {
    const current = useCurrentWorkspace.getState().current;
    if (!current) throw new Error('No workspace is open');
    return current.doc;
  };
  window.__crisisRoomGovernanceTest = {
    signAndAppendAnything: async (payload) => {
      const keys = useIdentity.getState().keys;
      if (!keys) throw new Error('No identity');
      const entry = await signEntry(keys, payload);
      appendEntry(doc(), entry, 'user');
    },
    appendRaw: (value) => {
      const d = doc();
      write(d, 'user', () => governanceLog(d).push([value]));
    },
    publicKey: () => useIdentity.getState().keys?.publicKey ?? null,
    roomKey: async (workspaceId) => (await localRoomKey(workspaceId))?.roomKey ?? null,
    admissionPass: lastAdmissionPass,
  };
}
