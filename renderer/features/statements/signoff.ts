import { useCurrentWorkspace } from '../../workspace/useWorkspace';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import type { Governance, Member } from '../../../shared/governance';
import { parseLogItem, signingBytes, verifySignature } from '../../../shared/governance';
import { reviewerRolesOf } from '../../../shared/governance/roles';
import type { YRecord } from '../../../shared/doc/collection';
import { WorkflowError, type SignedStepContext } from '../../../shared/statements/workflow';
import type { ReviewerRole } from '../../../shared/statements/types';
import { useIdentity } from '../../identity/identity';
import { useGovernance } from '../../identity/useGovernance';
import { useToasts } from '../../ui/toasts';
import { trackLastEditor } from './lastEditor';

/**
 * The person at this laptop as the statement studio needs them for sign-off: their device keys
 * and profile name (identity is set once, in Settings — no form here asks for a name), their
 * entry in the workspace's verified roster, and the reviewer roles that entry lets them sign.
 */
export interface Signer {
  gov: Governance | null;
  /** This laptop's public key ('' before the identity is loaded). */
  key: string;
  name: string;
  /** Their roster entry (absent: not a member, or the roster is not verified here). */
  me?: Member;
  /** Reviewer roles they may sign as now. */
  reviewerRoles: ReviewerRole[];
  isOwner: boolean;
  isSpokesperson: boolean;
  /** The context a signed step needs (null without keys or roster). */
  context: () => SignedStepContext | null;
}

export function useSigner(): Signer {
  const keys = useIdentity((s) => s.keys);
  const name = useIdentity((s) => s.profile?.name ?? '');
  const gov = useGovernance();
  const key = keys?.publicKey ?? '';
  const m = gov && key ? gov.roster.byKey.get(key) : undefined;
  const me = m && !m.removed ? m : undefined;
  const roles = me?.roles ?? [];
  return {
    gov,
    key,
    name,
    ...(me ? { me } : {}),
    reviewerRoles: gov?.roster.settled ? reviewerRolesOf([...roles]) : [],
    isOwner: roles.includes('owner'),
    isSpokesperson: roles.includes('spokesperson'),
    // Signed entries go to the workspace's log, also for a statement in a restricted room.
    context: () => {
      const logDoc = useCurrentWorkspace.getState().current?.doc;
      return keys ? { gov, signer: keys, name, ...(logDoc ? { logDoc } : {}) } : null;
    },
  };
}

/** A refusal or error as the person reads it (WorkflowError codes translated, with the gates). */
export function actionMessage(t: TFunction<'statements'>, err: unknown): string {
  if (err instanceof WorkflowError) {
    const gates = err.gates.map((g) => t(`gates.${g}`)).join(t('listSeparator'));
    return t(`errors.${err.code}`, { gates });
  }
  return t('errors.generic', { message: (err as Error).message });
}

/** Runs a signed step; a refusal or error becomes a toast. Resolves to success. */
export async function runSigned(t: TFunction<'statements'>, action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (err) {
    useToasts.getState().show({ text: actionMessage(t, err), ttl: 8000 });
    return false;
  }
}

/** Keeps the statement's last editor current while the studio is open (see trackLastEditor). */
export function useLastEditorTracking(rec: YRecord, key: string): void {
  useEffect(() => trackLastEditor(rec, key), [rec, key]);
}

export type EntryCheck = 'valid' | 'invalid' | 'pending';

const checked = new Map<string, Promise<boolean>>();

/** Verifies a stored signed entry (`{"p":…,"s":…}`) on its own, once per session. */
function verifyStored(raw: string): Promise<boolean> {
  let p = checked.get(raw);
  if (!p) {
    const item = parseLogItem(raw, 0);
    p = item.entry && item.payload ? verifySignature(item.payload.by, signingBytes(item.entry.p), item.entry.s).catch(() => false) : Promise.resolve(false);
    checked.set(raw, p);
  }
  return p;
}

/**
 * Signature checks of stored entries that need not be in the log (a release copy's frozen
 * approvals, which a peer could have made up): each checked once, answered as it comes.
 */
export function useEntryChecks(entries: readonly string[]): ReadonlyMap<string, EntryCheck> {
  const [done, setDone] = useState<ReadonlyMap<string, EntryCheck>>(new Map());
  const keyOf = entries.join('\n');
  useEffect(() => {
    let live = true;
    for (const raw of keyOf ? keyOf.split('\n') : []) {
      void verifyStored(raw).then((ok) => {
        if (live) setDone((m) => (m.get(raw) === (ok ? 'valid' : 'invalid') ? m : new Map(m).set(raw, ok ? 'valid' : 'invalid')));
      });
    }
    return () => {
      live = false;
    };
  }, [keyOf]);
  return new Map(entries.map((e) => [e, done.get(e) ?? 'pending']));
}
