import { useTranslation } from 'react-i18next';
import { useSyncStore } from '../../sync/syncStore';
import { useSession } from '../../session/sessionStore';
import { peerState, type MemberStatus } from '../../../shared/sync/status';
import { transferPercent, useNow } from './SyncIndicator';
import { useWorkspaceDoc } from '../../workspace/useWorkspace';
import { recordLabel } from '../../sync/recordLabel';
import { formatRelative, formatTime } from '../../i18n/format';

/** How long ago, in the reader's language ("1 分鐘前", "2 minutes ago"). */
const ago = (lang: string, ms: number) => formatRelative(lang, -Math.max(0, ms));

/**
 * Members: one row per member ever met in this workspace, here or not, with their name, whether
 * their copy equals ours (the same rule as the headline), and how many of our changes have not
 * reached them yet.
 */
export function PeersPanel() {
  const { t, i18n } = useTranslation('sync');
  const { status, presence } = useSyncStore();
  const doc = useWorkspaceDoc();
  const now = useNow();
  const me = { name: useSession((s) => s.userName), color: useSession((s) => s.userColor) };
  const rows = [...status.members].sort((a, b) => Number(b.connected) - Number(a.connected) || b.lastSeenAt - a.lastSeenAt);
  const stateOf = (m: MemberStatus) => (m.peer ? peerState(m.peer, now) : 'offline');
  return (
    <section aria-labelledby="peers-title">
      <h2 id="peers-title">{t('peers.title')}</h2>
      <ul className="peer-list" data-testid="peer-list">
        <li className="peer" data-testid="peer-self">
          <span className="swatch" style={{ background: me.color }} aria-hidden="true" />
          <strong>{me.name || t('peers.unknownName')}</strong>
          <span className="badge">{t('peers.you')}</span>
        </li>
        {rows.map((m) => {
          const state = stateOf(m);
          const who = m.peer?.clientId != null ? presence[m.peer.clientId] : undefined;
          const name = who?.user.name || m.name || t('peers.unknownName');
          const percent = m.peer ? transferPercent([m.peer]) : null;
          return (
            <li key={m.memberId} className="peer" data-testid="peer" data-member={m.memberId} data-connected={String(m.connected)} data-state={state} data-undelivered={m.undelivered}>
              <span className="swatch" style={{ background: who?.user.color ?? m.color ?? '#a8a29e' }} aria-hidden="true" />
              <strong>{name}</strong>
              <span className="badge">{t(`peers.${state}`)}</span>
              {m.connected ? (
                <span className="muted small">{state === 'inSync' ? t('peers.inSync') : m.lastInSyncAt ? t('peers.lastInSync', { when: formatTime(i18n.language, m.lastInSyncAt, { seconds: true }) }) : t('peers.neverInSync')}</span>
              ) : (
                <span className="muted small">{t('peers.unreachableSince', { ago: ago(i18n.language, now - m.lastSeenAt) })}</span>
              )}
              {m.undelivered > 0 ? (
                <span className="small" data-testid="peer-undelivered">
                  {t('peers.undelivered', { count: m.undelivered, name })}
                </span>
              ) : (
                !m.connected && <span className="muted small">{t('peers.hasAll', { name })}</span>
              )}
              {m.peer && m.peer.rttMs !== null && <span className="muted small">{t('peers.rtt', { ms: Math.round(m.peer.rttMs) })}</span>}
              {percent !== null && <progress className="progress" max={100} value={percent} aria-label={t('progress', { percent })} />}
              {who?.editing && (
                <span className="muted small" data-testid="peer-editing">
                  {t('peers.editing')} · {(doc && recordLabel(doc, who.editing)) ?? '…'}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {rows.every((m) => !m.connected) && <p className="muted">{status.hasMembers ? t('peers.none') : t('peers.noneYet')}</p>}
    </section>
  );
}
