import { useTranslation } from 'react-i18next';
import { headlineWithKey, changesNotReachedAnyone } from '../../../shared/sync/status';
import { useSyncStore } from '../../sync/syncStore';
import { useWorkspaceId } from '../../workspace/useWorkspace';
import type { SectionProps } from '../../app/sections';
import { useNow } from './SyncIndicator';
import { PeersPanel } from './PeersPanel';
import { HostPanel } from './HostPanel';
import { InvitePanel } from './InvitePanel';
import { NetworkSettings } from './NetworkSettings';
import { JoinByInvite } from './JoinByInvite';
import './sync.css';
import { formatTime } from '../../i18n/format';

/** The team connection page of an open workspace: status, members, host, invite, network. */
export function SyncPage(_props: SectionProps) {
  const { t, i18n } = useTranslation('sync');
  const workspaceId = useWorkspaceId();
  const { active, inactiveReason, status, signalingUp, keyMismatch } = useSyncStore();
  const now = useNow();
  if (!workspaceId) return null;
  const state = !active && inactiveReason === 'noHost' && status.unreachedChanges === 0 ? 'noHost' : headlineWithKey(status, signalingUp, now, keyMismatch !== null);
  return (
    <main className="page sync-page" data-testid="sync-page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <p data-testid="sync-headline" data-state={state}>
        <strong>{t(`headline.${state}`)}</strong> — {t(`headlineHelp.${state}`)}
      </p>
      {changesNotReachedAnyone(status, now) && status.unreachedSince !== null && (
        <p className="sync-banner" role="status" data-testid="unreached-banner" data-count={status.unreachedChanges}>
          {t('unreachedBanner', { count: status.unreachedChanges, since: formatTime(i18n.language, status.unreachedSince, { seconds: true }) })}
        </p>
      )}
      {state === 'keyMismatch' && keyMismatch && (
        <p className="sync-banner" role="alert" data-testid="key-mismatch" data-count={keyMismatch.others}>
          {t('keyMismatchBanner', { count: keyMismatch.others })}
        </p>
      )}
      {!status.hasMembers && status.unreachedChanges > 0 && (
        <p className="muted" role="status" data-testid="saved-here">
          {t('savedHereBanner', { count: status.unreachedChanges })}
        </p>
      )}
      <PeersPanel />
      <HostPanel workspaceId={workspaceId} />
      <InvitePanel />
      <NetworkSettings />
      <JoinByInvite />
    </main>
  );
}
