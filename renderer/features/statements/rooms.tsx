import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { confirm } from '../../ui/confirm';
import type * as Y from 'yjs';
import { moveRecord } from '../../../shared/rooms/items';
import { statementsOf } from '../../../shared/statements/store';
import { useGovernance } from '../../identity/useGovernance';
import { useIdentity } from '../../identity/identity';
import { memberNames, RoomOptions, useOpenRooms } from '../../rooms/ui';
import { useToasts } from '../../ui/toasts';
import { statementHomeStore, type StatementHome } from './statementHome';

/**
 * Statements in restricted rooms (renderer/rooms): where a statement lives and who can see it,
 * finding a statement's document (the workspace's or an open room's), and moving one into a room.
 * The badge and the open rooms are shared with other features (renderer/rooms/ui.tsx).
 */
export { memberNames, RoomBadge, useOpenRooms } from '../../rooms/ui';

/** Re-renders on any change of the open rooms' statements. */
export function useRoomStatementsVersion(rooms: ReadonlyArray<{ doc: Y.Doc }>): number {
  const version = useRef(0);
  const docs = rooms.map((r) => r.doc);
  const keyOf = docs.map((d) => d.guid).join(',');
  const subscribe = useCallback(
    (onChange: () => void) => {
      const h = () => {
        version.current++;
        onChange();
      };
      const colls = docs.map((d) => statementsOf(d));
      colls.forEach((c) => c.observeDeep(h));
      return () => colls.forEach((c) => c.unobserveDeep(h));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the documents' ids
    [keyOf],
  );
  const get = useCallback(() => version.current, []);
  return useSyncExternalStore(subscribe, get, get);
}

/** The document holding statement `id`: the workspace's, else the open room that has it (see statementHome.ts). */
export function useStatementHome(wsDoc: Y.Doc, id: string): StatementHome {
  const rooms = useOpenRooms();
  const keyOf = rooms.map((r) => `${r.room.id}=${r.doc.guid}`).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the rooms' ids and documents
  const store = useMemo(() => statementHomeStore(wsDoc, rooms, id), [wsDoc, id, keyOf]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/** "Move to restricted room…": copies the statement into the room's document, then deletes it here. */
export function MoveToRoom({ wsDoc, id }: { wsDoc: Y.Doc; id: string }) {
  const { t } = useTranslation('rooms');
  const me = useIdentity((s) => s.keys?.publicKey ?? null);
  const rooms = useOpenRooms().filter((r) => me && r.room.members.includes(me));
  const [target, setTarget] = useState('');
  const toast = useToasts((s) => s.show);
  if (rooms.length === 0) return null;
  const move = async () => {
    const room = rooms.find((r) => r.room.id === target);
    if (!room) return;
    if (!(await confirm({ title: t('rooms:notes.moveEntry'), body: t('rooms:move.warn'), confirmLabel: t('rooms:move.submit') }))) return;
    if (moveRecord(wsDoc, room.doc, 'statements', id, 'user')) toast({ text: t('rooms:move.done', { room: room.room.name }), ttl: 4000 });
    else toast({ text: t('rooms:errors.moveFailed'), ttl: 6000 });
  };
  return (
    <div className="row no-print" data-testid="move-to-room">
      <select aria-label={t('rooms:move.label')} data-testid="move-room-select" value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">{t('rooms:move.label')}</option>
        <RoomOptions rooms={rooms} />
      </select>
      <button type="button" data-testid="move-room-submit" disabled={!target} onClick={move} title={t('rooms:move.warn')}>
        {t('rooms:move.submit')}
      </button>
    </div>
  );
}

/** "Create in": the workspace, or a room this laptop's person is a member of. */
export function CreateIn({ value, onChange }: { value: string; onChange: (roomId: string) => void }) {
  const { t } = useTranslation('rooms');
  const rooms = useOpenRooms();
  const gov = useGovernance();
  if (rooms.length === 0) return null;
  return (
    <label className="field">
      <span>{t('rooms:createIn')}</span>
      <select data-testid="new-room" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">
          {t('rooms:workspace')} — {t('rooms:workspaceHint')}
        </option>
        {rooms.map((r) => (
          <option key={r.room.id} value={r.room.id}>
            🔒 {r.room.name} — {t('rooms:onlyVisibleTo', { names: memberNames(r.room, gov, '、') })}
          </option>
        ))}
      </select>
    </label>
  );
}
