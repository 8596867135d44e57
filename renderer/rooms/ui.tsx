import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
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
