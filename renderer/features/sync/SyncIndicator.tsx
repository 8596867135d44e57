import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { headlineWithKey } from '../../../shared/sync/status';
import { useSyncStore } from '../../sync/syncStore';
import { installSyncLifecycle } from '../../sync/syncLifecycle';
import { useWorkspaceId } from '../../workspace/useWorkspace';
import { workspacePath } from '../../app/router';
import './sync.css';

/** Re-renders every `ms` (time-based parts of the status, e.g. "not delivered" after a grace). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

/** Overall transfer progress (0–100) of large messages under way, or null. */
export function transferPercent(peers: { transfers: { doneBytes: number; totalBytes: number }[] }[]): number | null {
  let done = 0;
  let total = 0;
  for (const p of peers) for (const t of p.transfers) {
    done += t.doneBytes;
    total += t.totalBytes;
  }
  return total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
}

/** Top-bar sync status: offline / waiting / syncing (with progress) / in sync / not delivered. */
export function SyncIndicator() {
  const { t } = useTranslation('sync');
  const workspaceId = useWorkspaceId();
  const { active, inactiveReason, status, signalingUp, keyMismatch } = useSyncStore();
  const now = useNow();
  useEffect(() => installSyncLifecycle(), []);
  const state = !active && inactiveReason === 'noHost' && status.unreachedChanges === 0 ? 'noHost' : headlineWithKey(status, signalingUp, now, keyMismatch !== null);
  const percent = transferPercent(status.peers);
  // Team members connected (not our own print window or another non-member link).
  const peers = status.members.filter((m) => m.connected).length;
  return (
    <a className="sync-indicator" data-testid="sync-indicator" data-state={state} data-links={status.peers.filter((p) => p.connected).length} href={workspaceId ? workspacePath(workspaceId, 'sync') : '#/'} title={t(`headlineHelp.${state}`)}>
      <span className="dot" aria-hidden="true" />
      <span>{t(`headline.${state}`)}</span>
      {peers > 0 && <span aria-label={t('peers.title')}>· {peers}</span>}
      {percent !== null && state === 'syncing' && <span>{t('progress', { percent })}</span>}
    </a>
  );
}
