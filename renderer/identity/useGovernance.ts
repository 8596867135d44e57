import { useEffect, useState, useSyncExternalStore } from 'react';
import { GovernanceView, SignatureCache, appendEntry, signEntry, type Governance, type UnsignedPayload } from '../../shared/governance';
import { useCurrentWorkspace } from '../workspace/useWorkspace';
import { trustedGenesisKey, useIdentity } from './identity';

/** One verdict cache for the whole app: a signature is checked once per session. */
const cache = new SignatureCache();

const views = new Map<string, GovernanceView>();

/** The governance view of the open workspace, once its trust anchor is known (null before). */
function useView(): GovernanceView | null {
  const current = useCurrentWorkspace((s) => s.current);
  const [anchor, setAnchor] = useState<{ id: string; key: string | null } | null>(null);
  useEffect(() => {
    if (!current) return;
    let live = true;
    void trustedGenesisKey(current.id).then((key) => live && setAnchor({ id: current.id, key }));
    return () => {
      live = false;
    };
  }, [current]);
  if (!current || !anchor || anchor.id !== current.id || !anchor.key) return null;
  const viewKey = `${current.id}:${anchor.key}`;
  let view = views.get(viewKey);
  if (!view) {
    view = new GovernanceView(current.doc, { workspaceId: current.id, trustedGenesisKey: anchor.key, cache });
    views.set(viewKey, view);
  }
  return view;
}

const NOOP_SUBSCRIBE = () => () => {};
const NULL_SNAPSHOT = () => null;

/** The open workspace's derived governance (roster, policy, judged entries), or null. */
export function useGovernance(): Governance | null {
  const view = useView();
  return useSyncExternalStore(view?.subscribe ?? NOOP_SUBSCRIBE, view?.getSnapshot ?? NULL_SNAPSHOT);
}

/** Signs a governance entry with this device's key and appends it to the open workspace's log. */
export async function signAndAppend(payload: UnsignedPayload): Promise<void> {
  const keys = useIdentity.getState().keys;
  const current = useCurrentWorkspace.getState().current;
  if (!keys) throw new Error('This laptop has no identity yet');
  if (!current) throw new Error('No workspace is open');
  const entry = await signEntry(keys, payload);
  appendEntry(current.doc, entry, 'user');
}
