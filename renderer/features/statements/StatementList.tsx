import { useTranslation } from 'react-i18next';
import { PresenceBadge } from '../sync/PresenceBadge';
import type * as Y from 'yjs';
import { workspacePath } from '../../app/router';
import { useSession } from '../../session/sessionStore';
import { deriveGate } from '../../../shared/statements/approval';
import { useGovernance } from '../../identity/useGovernance';
import { listStatements, readStatement, statementsOf } from '../../../shared/statements/store';
import { useDeepVersion } from './hooks';
import { formatDateTime } from './format';
import { RoomBadge, useOpenRooms, useRoomStatementsVersion } from './rooms';

/** All statements of the workspace with their derived status (optionally one incident's). */
export function StatementList({ doc, wsId, incidentId }: { doc: Y.Doc; wsId: string; incidentId: string }) {
  const { t } = useTranslation('statements');
  const language = useSession((s) => s.language);
  useDeepVersion(statementsOf(doc));

  const gov = useGovernance();
  const rooms = useOpenRooms();
  useRoomStatementsVersion(rooms);
  const rows = [
    ...listStatements(doc).map((rec) => ({ rec, roomId: null as string | null })),
    // Statements of restricted rooms open here (only on their members' laptops), each with its badge.
    ...rooms.flatMap((r) => listStatements(r.doc).map((rec) => ({ rec, roomId: r.room.id }))),
  ]
    .map(({ rec, roomId }) => ({ f: readStatement(rec), gate: deriveGate(rec, { gov }), roomId }))
    .filter((r) => !incidentId || r.f.incidentId === incidentId);
  return (
    <main className="page statements-page">
      <div className="section-header">
        <h1>{t('title')}</h1>
        <span className="spacer" />
        <a className="button-link" href={workspacePath(wsId, 'statements', 'phrases')}>
          {t('phrases.open')}
        </a>
        <a className="button-link" data-testid="open-audit" href={workspacePath(wsId, 'statements', 'audit')}>
          {t('audit.open')}
        </a>
        <a className="button-link primary" data-testid="new-statement" href={workspacePath(wsId, 'statements', 'new') + (incidentId ? `?incident=${encodeURIComponent(incidentId)}` : '')}>
          {t('list.new')}
        </a>
      </div>
      <p className="muted">{t('list.intro')}</p>
      {rows.length === 0 ? (
        <p className="muted" data-testid="statements-empty">
          {t('list.empty')}
        </p>
      ) : (
        <ul className="card-list" data-testid="statement-list">
          {rows.map(({ f, gate, roomId }) => (
            <li key={`${roomId ?? ''}:${f.id}`} className="card" data-testid="statement-row" data-drill={gate.drill ? 'true' : 'false'} data-room={roomId ?? ''}>
              {gate.drill && (
                <span className="drill-badge" data-testid="list-drill">
                  {t('drill.badge')}
                </span>
              )}
              <a className="card-title" href={workspacePath(wsId, 'statements', f.id)}>
                {f.title}
              </a>
              <RoomBadge roomId={roomId} />
              <PresenceBadge recordId={f.id} />
              <span className="badge">{t(`kind.${f.kind}`)}</span>
              <span className="badge">{t(`language.${f.language}`)}</span>
              <span className={`status-badge status-${gate.status}`} data-testid="list-status">
                {t(`status.${gate.status}`)}
              </span>
              {gate.voided.length > 0 && <span className="warn small">{t('gate.voidedShort')}</span>}
              <span className="muted small row-actions">{formatDateTime(f.createdAt, language)}</span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
