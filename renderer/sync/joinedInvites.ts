import { create } from 'zustand';

/**
 * Who signed the invite each workspace was joined with in this session (workspace id → the
 * inviter's device key), so the team page can show the key's fingerprint at once and, once the
 * roster has arrived by sync, whether that key belongs to a member (JoinByInvite's notice).
 */
export const useJoinedInvites = create<{ byWorkspace: Readonly<Record<string, string>>; dismiss: (workspaceId: string) => void }>((set) => ({
  byWorkspace: {},
  dismiss: (workspaceId) =>
    set((s) => {
      const { [workspaceId]: _gone, ...rest } = s.byWorkspace;
      return { byWorkspace: rest };
    }),
}));

/** Records the signer of the invite a workspace was just joined with. */
export function rememberInviter(workspaceId: string, inviter: string): void {
  useJoinedInvites.setState((s) => ({ byWorkspace: { ...s.byWorkspace, [workspaceId]: inviter } }));
}
