import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { GovernanceView, SignatureCache, appendEntry, signEntry, type Governance, type UnsignedPayload } from '../../shared/governance';
import type { Origin } from '../../shared/doc/origins';
import { useCurrentWorkspace } from '../workspace/useWorkspace';
import { useIdentity, useTrustAnchors, useTrustedGenesisKey } from './identity';

/** One verdict cache for the whole app: a signature is checked once per session. */
const cache = new SignatureCache();

const views = new Map<string, { doc: Y.Doc; view: GovernanceView }>();

/** The governance view of a workspace document for one trust anchor (made once, kept). */
function viewFor(workspaceId: string, doc: Y.Doc, anchor: string): GovernanceView {
  const viewKey = `${workspaceId}:${anchor}`;
  const known = views.get(viewKey);
  if (known?.doc === doc) return known.view;
  // A workspace closed and opened again may come back as another Y.Doc: the old view is stale.
  known?.view.dispose();
  const view = new GovernanceView(doc, { workspaceId, trustedGenesisKey: anchor, cache });
  views.set(viewKey, { doc, view });
  return view;
}

/**
 * The governance view of the open workspace, outside React (services): null while no workspace
 * is open or this laptop trusts no creator key for it (or has not read its anchor yet).
 */
export function currentGovernanceView(): GovernanceView | null {
  const current = useCurrentWorkspace.getState().current;
  if (!current) return null;
  const anchor = useTrustAnchors.getState().byWorkspace[current.id];
  return anchor ? viewFor(current.id, current.doc, anchor) : null;
}

/** The governance view of the open workspace, once its trust anchor is known (null before). */
function useView(): GovernanceView | null {
  const current = useCurrentWorkspace((s) => s.current);
  const anchor = useTrustedGenesisKey(current?.id ?? null);
  if (!current || !anchor) return null;
  return viewFor(current.id, current.doc, anchor);
}

const NOOP_SUBSCRIBE = () => () => {};
const NULL_SNAPSHOT = () => null;

/** The open workspace's derived governance (roster, policy, judged entries), or null. */
export function useGovernance(): Governance | null {
  const view = useView();
  return useSyncExternalStore(view?.subscribe ?? NOOP_SUBSCRIBE, view?.getSnapshot ?? NULL_SNAPSHOT);
}

/**
 * Signs a governance entry with this device's key and appends it to the open workspace's log
 * (origin 'user' unless an automatic action says otherwise). Refuses an entry signed for another
 * workspace than the open one (the workspace may have changed while a caller awaited).
 */
export async function signAndAppend(payload: UnsignedPayload, origin: Origin = 'user'): Promise<void> {
  const keys = useIdentity.getState().keys;
  if (!keys) throw new Error('This laptop has no identity yet');
  if (!useCurrentWorkspace.getState().current) throw new Error('No workspace is open');
  const entry = await signEntry(keys, payload);
  const current = useCurrentWorkspace.getState().current;
  if (!current || current.id !== payload.ws) throw new Error('The workspace changed before the entry was signed');
  appendEntry(current.doc, entry, origin);
}
