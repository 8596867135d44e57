import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirm } from '../../ui/confirm';
import { deriveCompartments, type Compartment, type Governance } from '../../../shared/governance';
import { createRoom, setRoomMembers } from '../../rooms/actions';
import { useRooms } from '../../rooms/roomService';

/**
 * Restricted rooms (限閱空間) on the Members page: every room with its members (visible to the
 * whole workspace), whether this laptop syncs it, and — for owners — creating a room and
 * changing its members (each change a fresh key: shared/governance/compartments.ts).
 */
export function CompartmentsPanel({ gov, isOwner, myKey }: { gov: Governance; isOwner: boolean; myKey: string | null }) {
  const { t } = useTranslation('rooms');
  const derived = deriveCompartments(gov);
  const views = useRooms((s) => s.rooms);
  const dropped = useRooms((s) => s.dropped);
  const active = gov.roster.members.filter((m) => !m.removed);
  const nameOf = (k: string) => (gov.roster.byKey.get(k)?.name ?? k.slice(0, 8)) + (k === myKey ? t('you') : '');
  return (
    <section aria-labelledby="rooms-title" data-testid="rooms-panel">
      <h2 id="rooms-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {dropped.length > 0 && (
        <p className="warn" role="status" data-testid="room-dropped">
          {t('dropped')}
        </p>
      )}
      {derived.rooms.length === 0 && <p className="muted">{t('none')}</p>}
      <ul className="card-list">
        {derived.rooms.map((room) => (
          <RoomRow key={room.id} room={room} state={views[room.id]?.state ?? (room.members.includes(myKey ?? '') ? 'opening' : 'outside')} nameOf={nameOf} isOwner={isOwner} gov={gov} />
        ))}
      </ul>
      {isOwner && <CreateRoom gov={gov} active={active} myKey={myKey} />}
    </section>
  );
}

function MemberPicker({ active, chosen, setChosen, fixed }: { active: Governance['roster']['members']; chosen: Set<string>; setChosen: (s: Set<string>) => void; fixed?: string | null }) {
  return (
    <div className="row wrap" data-testid="room-member-picker">
      {active.map((m) => (
        <label key={m.key} className="checkbox">
          <input
            type="checkbox"
            aria-label={m.name}
            checked={chosen.has(m.key) || m.key === fixed}
            disabled={m.key === fixed}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(m.key);
              else next.delete(m.key);
              setChosen(next);
            }}
          />
          {m.name}
        </label>
      ))}
    </div>
  );
}

function RoomRow({ room, state, nameOf, isOwner, gov }: { room: Compartment; state: string; nameOf: (k: string) => string; isOwner: boolean; gov: Governance }) {
  const { t } = useTranslation('rooms');
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set(room.members));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!(await confirm({ title: t('edit.submit'), body: t('edit.confirm'), confirmLabel: t('edit.submit'), danger: true }))) return;
    setBusy(true);
    setRoomMembers(gov.input.workspaceId, room.id, [...chosen])
      .then(() => {
        setError(null);
        setEditing(false);
      })
      .catch((err: unknown) => setError(t((err as Error).message.replace(/^rooms\./, ''), { defaultValue: (err as Error).message })))
      .finally(() => setBusy(false));
  };
  return (
    <li className="card" data-testid="room-row" data-room={room.id} data-name={room.name} data-state={state} data-members={room.members.join(' ')} data-key-id={room.current?.payload.keyId ?? ''}>
      <strong>🔒 {room.name}</strong>{' '}
      <span className="muted small" data-testid="room-members">
        {t('onlyVisibleTo', { names: room.members.map(nameOf).join('、') })}
      </span>{' '}
      <span className="badge" data-testid="room-state">
        {t(`state.${state}`)}
      </span>
      {room.removedSince.length > 0 && <p className="error">{t('removedSince', { names: room.removedSince.map(nameOf).join('、') })}</p>}
      {isOwner && !editing && (
        <button type="button" data-testid="room-edit" onClick={() => setEditing(true)}>
          {t('edit.open')}
        </button>
      )}
      {isOwner && editing && (
        <div>
          <MemberPicker active={gov.roster.members.filter((m) => !m.removed)} chosen={chosen} setChosen={setChosen} />
          <button type="button" className="danger" data-testid="room-save-members" disabled={busy || chosen.size === 0} onClick={save}>
            {t('edit.submit')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('edit.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function CreateRoom({ gov, active, myKey }: { gov: Governance; active: Governance['roster']['members']; myKey: string | null }) {
  const { t } = useTranslation('rooms');
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    setBusy(true);
    createRoom(gov.input.workspaceId, name, [...chosen])
      .then(() => {
        setError(null);
        setName('');
        setChosen(new Set());
      })
      .catch((err: unknown) => setError(t((err as Error).message.replace(/^rooms\./, ''), { defaultValue: (err as Error).message })))
      .finally(() => setBusy(false));
  };
  return (
    <form
      data-testid="create-room"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>{t('create.title')}</h3>
      <label className="field">
        <span>{t('create.name')}</span>
        <input data-testid="room-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </label>
      <p className="small">{t('create.members')}</p>
      <MemberPicker active={active} chosen={chosen} setChosen={setChosen} fixed={myKey} />
      <button type="submit" className="primary" disabled={busy || !name.trim()}>
        {t('create.submit')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
