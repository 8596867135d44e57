import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { YRecord } from '../../../shared/doc/collection';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import { LOG_CATEGORIES, type Incident, type LogCategory } from '../../../shared/incidents/types';
import { addRoomNote, moveLogEntryToRoom, roomNotesFor } from '../../../shared/rooms/notes';
import { useYSnapshot } from '../../hooks/useY';
import { useIdentity } from '../../identity/identity';
import { MoveToRoom, RoomBadge, RoomOptions, useOpenRooms } from '../../rooms/ui';
import { useSession } from '../../session/sessionStore';
import { incidentNowFor } from '../../exerciseClock/useExerciseClock';
import { formatDateTime } from '../../i18n/format';
import { elapsedText } from './format';

/**
 * Restricted notes of an incident (shared/rooms/notes.ts): written in a restricted room this
 * laptop's person is a member of, shown with the room's badge (who can see it), never in the
 * workspace's timeline. Only shown where such a room is open on this laptop.
 */
export function RoomNotesPanel({ rec, incident }: { rec: YRecord; incident: Incident }) {
  const { t } = useTranslation(['rooms', 'incidents']);
  const rooms = useOpenRooms();
  const userName = useSession((s) => s.userName);
  const profileName = useIdentity((s) => s.profile?.name ?? '');
  const [roomId, setRoomId] = useState('');
  const [category, setCategory] = useState<LogCategory>('decision');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (rooms.length === 0) return null;
  const target = rooms.find((r) => r.room.id === roomId) ?? rooms[0]!;
  const closed = incident.state === 'closed';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    try {
      // On the incident's clock, as its log is (exercise time in a drill).
      addRoomNote(target.doc, { incidentId: incident.id, at: incidentNowFor(rec, incident.drill), by: profileName || userName, category, text }, 'user');
      setText('');
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <section className="panel room-notes" aria-labelledby="room-notes-title" data-testid="room-notes">
      <h2 id="room-notes-title">🔒 {t('rooms:notes.title')}</h2>
      <p className="muted small">{t('rooms:notes.intro')}</p>
      {!closed && (
        <form className="log-form" onSubmit={submit} data-testid="room-note-form">
          <div className="record-row">
            <label className="field">
              <span>{t('rooms:notes.room')}</span>
              <select data-testid="room-note-room" value={target.room.id} onChange={(e) => setRoomId(e.target.value)}>
                <RoomOptions rooms={rooms} />
              </select>
            </label>
            <label className="field">
              <span>{t('incidents:log.category')}</span>
              <select data-testid="room-note-category" value={category} onChange={(e) => setCategory(e.target.value as LogCategory)}>
                {LOG_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`incidents:log.categories.${c}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="field">
            <span>{t('rooms:notes.text')}</span>
            <textarea rows={2} data-testid="room-note-text" value={text} onChange={(e) => setText(e.target.value)} maxLength={5000} />
          </label>
          {error && (
            <p className="error" role="alert">
              {t('incidents:errors.generic', { message: error })}
            </p>
          )}
          <button type="submit" data-testid="room-note-submit" disabled={!text.trim()}>
            {t('rooms:notes.add')}
          </button>
        </form>
      )}
      {rooms.map((r) => (
        <RoomNotesList key={r.room.id} doc={r.doc} roomId={r.room.id} incident={incident} />
      ))}
    </section>
  );
}

function RoomNotesList({ doc, roomId, incident }: { doc: Y.Doc; roomId: string; incident: Incident }) {
  const { t, i18n } = useTranslation(['rooms', 'incidents']);
  const notes = useYSnapshot(collectionOf(doc, 'roomNotes'), () => roomNotesFor(doc, incident.id)) ?? [];
  return (
    <div className="room-notes-list" data-room={roomId}>
      <RoomBadge roomId={roomId} />
      {notes.length === 0 ? (
        <p className="muted small">{t('rooms:notes.empty')}</p>
      ) : (
        <ol className="log-list">
          {[...notes].reverse().map((n) => (
            <li key={n.id} className={`log-entry cat-${n.category}`} data-testid="room-note" data-room={roomId}>
              <span className="log-time" title={formatDateTime(i18n.language, n.at)}>
                {elapsedText(n.at - incident.t0)}
              </span>
              <span className={`badge cat-badge cat-${n.category}`}>{t(`incidents:log.categories.${n.category}`)}</span>
              <span className="log-text">{n.text}</span>
              <span className="muted small">{n.by}</span>
              {n.movedFrom && <span className="muted small">↳ {t('rooms:notes.movedFrom')}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** "Move to restricted room" on a timeline entry: copied into the room's notes, deleted from the workspace log. */
export function MoveEntryToRoom({ rec, entryId }: { rec: YRecord; entryId: string }) {
  const { t } = useTranslation('rooms');
  return (
    <MoveToRoom
      testIds={{ open: 'log-move-to-room', room: 'log-move-room', submit: 'log-move-submit' }}
      openClass="link small"
      className="no-print"
      openLabel={t('rooms:notes.moveEntry')}
      submitLabel={t('rooms:move.submit')}
      confirmBody={(room) => t('rooms:notes.moveConfirm', { room })}
      doneText={(room) => t('rooms:notes.moved', { room })}
      onMove={(roomDoc) => moveLogEntryToRoom(rec, entryId, roomDoc, 'user') !== null}
    />
  );
}
