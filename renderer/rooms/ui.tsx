import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { confirm } from '../ui/confirm';
import { useToasts } from '../ui/toasts';
import type { Governance } from '../../shared/governance';
import { useGovernance } from '../identity/useGovernance';
import { useRooms, type RoomView } from './roomService';

/** Room UI pieces every feature shows the same way (statements, incidents). */

/** Names of a room's members, as "林律師、王總". */
export function memberNames(room: RoomView['room'], gov: Governance | null, sep: string): string {
  return room.members.map((k) => gov?.roster.byKey.get(k)?.name ?? k.slice(0, 8)).join(sep);
}

/** The lock badge: room name and who can see it (nothing for a workspace item). */
export function RoomBadge({ roomId }: { roomId: string | null }) {
  const { t } = useTranslation('rooms');
  const view = useRooms((s) => (roomId ? s.rooms[roomId] : undefined));
  const gov = useGovernance();
  if (!roomId || !view) return null;
  return (
    <span className="badge room-badge" data-testid="room-badge" data-room={roomId} title={t('rooms:onlyVisibleTo', { names: memberNames(view.room, gov, '、') })}>
      🔒 {view.room.name} · {t('rooms:onlyVisibleTo', { names: memberNames(view.room, gov, '、') })}
    </span>
  );
}

/** Rooms open on this laptop (member, key opened, document loaded). */
export function useOpenRooms(): Array<RoomView & { doc: Y.Doc }> {
  const rooms = useRooms((s) => s.rooms);
  return Object.values(rooms).filter((r): r is RoomView & { doc: Y.Doc } => r.state === 'open' && r.doc !== null);
}

/** The `<option>`s of a room picker: each room open here, with its lock. */
export function RoomOptions({ rooms }: { rooms: ReadonlyArray<RoomView> }) {
  return (
    <>
      {rooms.map((r) => (
        <option key={r.room.id} value={r.room.id}>
          🔒 {r.room.name}
        </option>
      ))}
    </>
  );
}

/** What a "Move to restricted room" control says and does (`onMove` copies into the room's document, then deletes here). */
export interface MoveToRoomProps {
  /** data-testids of the button that opens it, the room picker and the move button. */
  testIds: { open: string; room: string; submit: string };
  /** Class of the button that opens it (default 'small'). */
  openClass?: string;
  openLabel: string;
  submitLabel: string;
  /** The confirmation's text for the chosen room. */
  confirmBody: (roomName: string) => string;
  /** The toast once moved. */
  doneText: (roomName: string) => string;
  onMove: (roomDoc: Y.Doc) => boolean;
  /** Extra class on the control (e.g. 'no-print'). */
  className?: string;
}

/** "Move to restricted room…": pick one of the rooms open here, confirm in the app's dialog, move. */
export function MoveToRoom({ testIds, openClass = 'small', openLabel, submitLabel, confirmBody, doneText, onMove, className = '' }: MoveToRoomProps) {
  const { t } = useTranslation('rooms');
  const rooms = useOpenRooms();
  const toast = useToasts((s) => s.show);
  const [open, setOpen] = useState(false);
  const [roomId, setRoomId] = useState('');
  if (rooms.length === 0) return null;
  const target = rooms.find((r) => r.room.id === roomId) ?? rooms[0]!;
  if (!open)
    return (
      <button type="button" className={`${openClass} ${className}`} data-testid={testIds.open} onClick={() => setOpen(true)}>
        🔒 {openLabel}
      </button>
    );
  const move = async () => {
    if (!(await confirm({ title: openLabel, body: confirmBody(target.room.name), confirmLabel: submitLabel }))) return;
    if (onMove(target.doc)) toast({ text: doneText(target.room.name), ttl: 4000 });
    else toast({ text: t('rooms:errors.moveFailed'), ttl: 6000 });
    setOpen(false);
  };
  return (
    <span className={`row ${className}`}>
      <select aria-label={openLabel} data-testid={testIds.room} value={target.room.id} onChange={(e) => setRoomId(e.target.value)}>
        <RoomOptions rooms={rooms} />
      </select>
      <button type="button" className="small" data-testid={testIds.submit} onClick={() => void move()}>
        {submitLabel}
      </button>
      <button type="button" className="small" onClick={() => setOpen(false)}>
        {t('rooms:attachments.cancel')}
      </button>
    </span>
  );
}
