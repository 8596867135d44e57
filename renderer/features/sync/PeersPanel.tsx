import { useTranslation } from 'react-i18next';
import { useSyncStore } from '../../sync/syncStore';
import { useSession } from '../../session/sessionStore';
import type { PeerStatus } from '../../../shared/sync/status';
import { transferPercent } from './SyncIndicator';
import { useWorkspaceDoc } from '../../workspace/useWorkspace';
import { recordLabel } from '../../sync/recordLabel';

/** Members: who is here (name, colour), in sync or not, last in sync at, what they edit. */
export function PeersPanel() {
  const { t, i18n } = useTranslation('sync');
  const { status, presence } = useSyncStore();
  const doc = useWorkspaceDoc();
  const me = { name: useSession((s) => s.userName), color: useSession((s) => s.userColor) };
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' });
  const rows = [...status.peers].sort((a, b) => Number(b.connected) - Number(a.connected));
  const stateOf = (p: PeerStatus) => (!p.connected ? 'offline' : p.inSync ? 'inSync' : 'syncing');
  return (
    <section aria-labelledby="peers-title">
      <h2 id="peers-title">{t('peers.title')}</h2>
      <ul className="peer-list" data-testid="peer-list">
        <li className="peer" data-testid="peer-self">
          <span className="swatch" style={{ background: me.color }} aria-hidden="true" />
          <strong>{me.name || t('peers.unknownName')}</strong>
          <span className="badge">{t('peers.you')}</span>
        </li>
        {rows.map((p) => {
          const who = p.clientId !== null ? presence[p.clientId] : undefined;
          const percent = transferPercent([p]);
          return (
            <li key={p.peerId} className="peer" data-testid="peer" data-connected={String(p.connected)} data-state={stateOf(p)}>
              <span className="swatch" style={{ background: who?.user.color ?? '#a8a29e' }} aria-hidden="true" />
              <strong>{who?.user.name || t('peers.unknownName')}</strong>
              <span className="badge">{t(`peers.${stateOf(p)}`)}</span>
              {!p.connected && p.leftBecause && <span className="muted small">{t(`peers.left.${p.leftBecause}`)}</span>}
              <span className="muted small">{p.inSync && p.connected ? t('peers.inSync') : p.lastInSyncAt ? t('peers.lastInSync', { when: time.format(p.lastInSyncAt) }) : t('peers.neverInSync')}</span>
              {p.connected && p.rttMs !== null && <span className="muted small">{t('peers.rtt', { ms: Math.round(p.rttMs) })}</span>}
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
      {rows.every((p) => !p.connected) && <p className="muted">{t('peers.none')}</p>}
    </section>
  );
}
