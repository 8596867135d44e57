import type { Page } from '@playwright/test';
import type { MemberRole } from '../../shared/governance';

/**
 * Sign-off setup for single-laptop end-to-end tests. One laptop is one person: to take a
 * statement from draft to release alone, that person needs the approver and spokesperson roles
 * and a policy without separation of duties (they are the author of every change). These helpers
 * sign both with this laptop's own key through the app's test hooks — entries the owner is
 * entitled to sign, which count exactly as if made on the Members page (the policy editor itself
 * is tested in signoff-inbox.spec.ts). Two-person flows (signoff.spec.ts) use none of this.
 */

/** Installs the app's test hooks on the next page load (call before the first goto). */
export async function enableTestHooks(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('crisis-room.test-hooks', '1'));
}

/**
 * As the workspace's owner (this laptop's person created it): gives themselves `roles` (owner
 * is kept) and, with `separationOfDuties: false`, sets the policy so the author may also approve.
 */
export async function signOwnRoles(page: Page, workspaceId: string, roles: MemberRole[], opts: { separationOfDuties?: boolean } = {}): Promise<void> {
  await page.waitForFunction(() => !!window.__crisisRoomGovernanceTest?.publicKey());
  await page.evaluate(
    async ([ws, wanted, sod]) => {
      const hooks = window.__crisisRoomGovernanceTest!;
      const key = hooks.publicKey()!;
      await hooks.signAndAppendAnything({ ws, kind: 'roster.roles', key, roles: [...new Set(['owner', ...wanted])] as MemberRole[] });
      if (!sod) await hooks.signAndAppendAnything({ ws, kind: 'policy.set', policy: { separationOfDuties: false, requiredRoles: {} } });
    },
    [workspaceId, roles, opts.separationOfDuties ?? true] as const,
  );
}
