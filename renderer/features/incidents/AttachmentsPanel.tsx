import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
import {
  addAttachment,
  AttachmentError,
  attachmentsFor,
  attachmentsOf,
  checkFile,
  deleteAttachment,
  moveAttachmentToRoom,
  type Attachment,
  type AttachmentList,
} from '../../../shared/attachments/attachments';
import type { Incident } from '../../../shared/incidents/types';
import { useYVersion } from '../../hooks/useY';
import { formatDateTime } from '../../i18n/format';
import { useIdentity } from '../../identity/identity';
import { MoveToRoom, RoomBadge, RoomOptions, useOpenRooms } from '../../rooms/ui';
import { useSession } from '../../session/sessionStore';
import { confirm } from '../../ui/confirm';
import { useToasts } from '../../ui/toasts';
import { saveAttachment } from './attachmentFiles';

/**
 * An incident's attachments (shared/attachments): files kept in the workspace's document (everyone
 * in the workspace) or in a restricted room open on this laptop (its members only). Each is listed
 * with where it lives; a workspace attachment can move into a room; damaged records are shown.
 */

type T = TFunction<['rooms', 'incidents']>;

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function errorText(t: T, err: unknown): string {
  if (err instanceof AttachmentError) return t(`rooms:attachments.errors.${err.code}`, err.params);
  const message = err instanceof Error ? err.message : String(err);
  if (message.startsWith('rooms.errors.')) return t(`rooms:${message.slice('rooms.'.length)}`);
  return t('rooms:attachments.errors.readFailed', { message });
}

/** The incident's attachments in one document, read again (and re-checked) on each change. */
function useAttachmentList(doc: Y.Doc, incidentId: string): AttachmentList | null {
  const version = useYVersion(attachmentsOf(doc), 'deep');
  const [list, setList] = useState<AttachmentList | null>(null);
  useEffect(() => {
    let live = true;
    void attachmentsFor(doc, incidentId).then((l) => {
      if (live) setList(l);
    });
    return () => {
      live = false;
    };
  }, [doc, incidentId, version]);
  return list;
}

export function AttachmentsPanel({ doc, incident }: { doc: Y.Doc; incident: Incident }) {
  const { t } = useTranslation(['rooms', 'incidents']);
  const rooms = useOpenRooms();
  const userName = useSession((s) => s.userName);
  const profileName = useIdentity((s) => s.profile?.name ?? '');
  const [where, setWhere] = useState('');
  const [busy, setBusy] = useState<{ name: string; size: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    try {
      const target = where ? rooms.find((r) => r.room.id === where)?.doc : doc;
      if (!target) throw new Error('rooms.errors.unknownRoom');
      // Refused before reading when too large, empty or badly named.
      checkFile(file.name, file.type, file.size);
      setBusy({ name: file.name, size: file.size });
      const bytes = new Uint8Array(await file.arrayBuffer());
      await addAttachment(target, { incidentId: incident.id, name: file.name, type: file.type, bytes, addedAt: Date.now(), by: profileName || userName }, 'user');
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(null);
      // Cleared either way, so choosing the same file again is seen.
      input.value = '';
    }
  };

  return (
    <section className="panel attachments" aria-labelledby="attachments-title" data-testid="attachments">
      <h2 id="attachments-title">📎 {t('rooms:attachments.title')}</h2>
      <p className="muted small">{t('rooms:attachments.intro')}</p>
      <div className="record-row attachment-form" data-testid="attachment-form">
        <label className="field">
          <span>{t('rooms:attachments.where')}</span>
          <select data-testid="attachment-where" value={where} onChange={(e) => setWhere(e.target.value)} disabled={busy !== null}>
            <option value="">{t('rooms:attachments.everyone')}</option>
            <RoomOptions rooms={rooms} />
          </select>
        </label>
        <label className="field">
          <span>{t('rooms:attachments.file')}</span>
          <input type="file" data-testid="attachment-file" onChange={(e) => void onFile(e)} disabled={busy !== null} />
        </label>
      </div>
      {busy && (
        <div className="row attachment-progress" role="status" data-testid="attachment-progress">
          <progress aria-label={t('rooms:attachments.adding', { name: busy.name, size: formatSize(busy.size) })} />
          <span className="small">{t('rooms:attachments.adding', { name: busy.name, size: formatSize(busy.size) })}</span>
        </div>
      )}
      {error && (
        <p className="error" role="alert" data-testid="attachment-error">
          {error}
        </p>
      )}
      <AttachmentGroup doc={doc} roomId={null} incidentId={incident.id} />
      {rooms.map((r) => (
        <AttachmentGroup key={r.room.id} doc={r.doc} roomId={r.room.id} incidentId={incident.id} />
      ))}
    </section>
  );
}

/** Where an attachment lives: the room's badge, or "everyone". */
function Where({ roomId }: { roomId: string | null }) {
  const { t } = useTranslation('rooms');
  if (roomId) return <RoomBadge roomId={roomId} />;
  return (
    <span className="badge" data-testid="attachment-everyone">
      {t('rooms:attachments.everyoneBadge')}
    </span>
  );
}

function AttachmentGroup({ doc, roomId, incidentId }: { doc: Y.Doc; roomId: string | null; incidentId: string }) {
  const { t } = useTranslation(['rooms', 'incidents']);
  const list = useAttachmentList(doc, incidentId);
  if (!list) return null;
  const { attachments, damaged } = list;
  return (
    <div className="attachment-group" data-testid="attachment-group" data-room={roomId ?? ''}>
      <h3 className="small">{roomId ? <Where roomId={roomId} /> : t('rooms:attachments.everyone')}</h3>
      {attachments.length === 0 && damaged.length === 0 ? (
        <p className="muted small">{t('rooms:attachments.empty')}</p>
      ) : (
        <ul className="attachment-list">
          {attachments.map((a) => (
            <AttachmentRow key={a.id} doc={doc} roomId={roomId} a={a} />
          ))}
          {damaged.map((d) => (
            <li key={d.id} className="attachment damaged" data-testid="attachment-damaged" data-id={d.id}>
              <span className="error">{t('rooms:attachments.damaged', { name: d.name || d.id, reason: t(`rooms:attachments.damagedReason.${d.reason}`) })}</span>
              <DeleteButton doc={doc} id={d.id} name={d.name || d.id} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DeleteButton({ doc, id, name }: { doc: Y.Doc; id: string; name: string }) {
  const { t } = useTranslation('rooms');
  const toast = useToasts((s) => s.show);
  const remove = async () => {
    if (!(await confirm({ title: t('rooms:attachments.delete'), body: t('rooms:attachments.deleteConfirm', { name }), confirmLabel: t('rooms:attachments.delete'), danger: true }))) return;
    if (deleteAttachment(doc, id, 'user')) toast({ text: t('rooms:attachments.deleted', { name }), ttl: 4000 });
  };
  return (
    <button type="button" className="danger small" data-testid="attachment-delete" onClick={() => void remove()}>
      {t('rooms:attachments.delete')}
    </button>
  );
}

function AttachmentRow({ doc, roomId, a }: { doc: Y.Doc; roomId: string | null; a: Attachment }) {
  const { t, i18n } = useTranslation(['rooms', 'incidents']);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    try {
      await saveAttachment(doc, a.id);
    } catch (err) {
      setError(err instanceof AttachmentError ? errorText(t, err) : t('rooms:attachments.errors.saveFailed', { message: (err as Error).message }));
    }
  };
  return (
    <li className="attachment" data-testid="attachment" data-id={a.id} data-room={roomId ?? ''} data-sha256={a.sha256}>
      <span className="attachment-name" data-testid="attachment-name">
        {a.name}
      </span>
      <span className="muted small" data-testid="attachment-size">
        {formatSize(a.size)}
      </span>
      <span className="muted small">{t('rooms:attachments.added', { by: a.by || '—', when: formatDateTime(i18n.language, a.addedAt) })}</span>
      <Where roomId={roomId} />
      <span className="attachment-actions no-print">
        <button type="button" className="small" data-testid="attachment-download" onClick={() => void download()}>
          {t('rooms:attachments.download')}
        </button>
        {roomId === null && <MoveAttachment doc={doc} a={a} />}
        <DeleteButton doc={doc} id={a.id} name={a.name} />
      </span>
      {error && (
        <p className="error" role="alert" data-testid="attachment-row-error">
          {error}
        </p>
      )}
    </li>
  );
}

/** "Move to restricted room…": copied into the room's document with its bytes, deleted from the workspace's. */
function MoveAttachment({ doc, a }: { doc: Y.Doc; a: Attachment }) {
  const { t } = useTranslation('rooms');
  return (
    <MoveToRoom
      testIds={{ open: 'attachment-move', room: 'attachment-move-room', submit: 'attachment-move-submit' }}
      openLabel={t('rooms:attachments.move')}
      submitLabel={t('rooms:attachments.moveSubmit')}
      confirmBody={(room) => t('rooms:attachments.moveConfirm', { name: a.name, room })}
      doneText={(room) => t('rooms:attachments.moved', { room })}
      onMove={(roomDoc) => moveAttachmentToRoom(doc, roomDoc, a.id, 'user')}
    />
  );
}
