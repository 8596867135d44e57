import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirm } from '../../ui/confirm';
import { deriveRoomKeyRotations, type Governance } from '../../../shared/governance';
import { useIdentity, useRoomKeys } from '../../identity/identity';
import { rotateRoomKey } from '../../identity/roomKeyService';
import { runAction } from './runAction';

/**
 * The room key: when it was last rotated and by whom, whether this laptop uses that key, and —
 * for owners — rotating it (after removing someone: the removed member keeps the old key).
 */
export function RoomKeyPanel({ gov, isOwner }: { gov: Governance; isOwner: boolean }) {
  const { t, i18n } = useTranslation('members');
  const ws = gov.input.workspaceId;
  const myKey = useIdentity((s) => s.keys?.publicKey ?? null);
  const mine = useRoomKeys((s) => s.byWorkspace[ws]);
  const me = myKey ? gov.roster.byKey.get(myKey) : undefined;
  const rotation = useMemo(() => deriveRoomKeyRotations(gov).current, [gov]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const removedSince = gov.roster.members.some((m) => m.removed && (!rotation || m.history[m.history.length - 1]!.at > rotation.payload.at));
  const state = !rotation
    ? 'original'
    : mine?.rekeyId === rotation.payload.rekeyId
      ? 'current'
      : rotation.payload.seals.some((s) => s.to === myKey)
        ? 'takingUp'
        : me && !me.removed && me.addedAt > rotation.payload.at
          ? 'invite' // admitted after the rotation: the invite carried the key then in use
          : 'notSealed';
  const by = rotation ? (gov.roster.byKey.get(rotation.payload.by)?.name ?? rotation.payload.by.slice(0, 8)) : '';
  const when = rotation ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(rotation.payload.at) : '';
  return (
    <section aria-labelledby="room-key-title" data-testid="room-key-panel">
      <h2 id="room-key-title">{t('roomKey.title')}</h2>
      <p className="muted">{t('roomKey.explain')}</p>
      {rotation && <p>{t('roomKey.lastRotated', { name: by, when })}</p>}
      <p data-testid="room-key-state" data-state={state} data-rekey={rotation?.payload.rekeyId ?? ''} className={state === 'notSealed' ? 'error' : undefined}>
        {t(`roomKey.state.${state}`)}
      </p>
      {isOwner && (
        <>
          {removedSince && <p className="error">{t('roomKey.removedSince')}</p>}
          <p className="muted small">{t('roomKey.offlineNote')}</p>
          <button
            type="button"
            className="danger"
            data-testid="rotate-room-key"
            disabled={busy}
            onClick={() => {
              void confirm({ title: t('roomKey.rotate'), body: t('roomKey.confirm'), confirmLabel: t('roomKey.rotate'), danger: true }).then((ok) => ok && runAction(setBusy, setError, () => rotateRoomKey(ws)));
            }}
          >
            {busy ? t('roomKey.rotating') : t('roomKey.rotate')}
          </button>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
