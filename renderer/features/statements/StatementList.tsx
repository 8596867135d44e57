import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PresenceBadge } from '../sync/PresenceBadge';
import type * as Y from 'yjs';
import { workspacePath } from '../../app/router';
import { useSession } from '../../session/sessionStore';
import type { YRecord } from '../../../shared/doc/collection';
import type { Governance } from '../../../shared/governance';
import type { Language } from '../../../shared/languages';
import { useGovernance } from '../../identity/useGovernance';
import { useYRecordFields, useYVersion } from '../../hooks/useY';
import { listStatements, readStatement, statementsOf } from '../../../shared/statements/store';
import { VirtualList, virtualRowProps, type VirtualRow } from '../../ui/VirtualList';
import { formatDateTime } from './format';
import { listGate } from './listGates';
import { RoomBadge, useOpenRooms, useRoomStatementsVersion } from './rooms';
import { recordId } from '../../../shared/doc/collection';

/** Which statements there are, in order, with the incident each names (what the list filters on). */
function rowsSignature(doc: Y.Doc): string {
  let sig = '';
  for (const rec of listStatements(doc)) sig += `${recordId(rec)}\u0001${String(rec.get('incidentId') ?? '')}\u0002`;
  return sig;
}

/** The record fields rowsSignature reads (a keystroke in a body changes none: the 1,000-statement signature is not read again). */
const ROW_FIELDS = ['id', 'order', 'incidentId'] as const;

interface Row {
  rec: YRecord;
  roomId: string | null;
  key: string;
}

/**
 * All statements of the workspace with their derived status (optionally one incident's). The list
 * itself re-renders only when statements are added, removed, reordered or change incident (a
 * cheap signature of the collection, not of the texts); each row follows its own record and
 * derives its gate through the incremental caches (listGates.ts), so a keystroke in one
 * statement re-renders and re-hashes that row only. Above 200 rows only the rows in view are
 * rendered (ui/VirtualList).
 */
export function StatementList({ doc, wsId, incidentId }: { doc: Y.Doc; wsId: string; incidentId: string }) {
  const { t } = useTranslation('statements');
  const language = useSession((s) => s.language);
  const coll = statementsOf(doc);
  const signature = useYRecordFields(coll, ROW_FIELDS, () => rowsSignature(doc));

  const gov = useGovernance();
  const rooms = useOpenRooms();
  const roomsVersion = useRoomStatementsVersion(rooms);
  const rows = useMemo((): Row[] => {
    void signature;
    void roomsVersion;
    return [
      ...listStatements(doc).map((rec) => ({ rec, roomId: null as string | null })),
      // Statements of restricted rooms open here (only on their members' laptops), each with its badge.
      ...rooms.flatMap((r) => listStatements(r.doc).map((rec) => ({ rec, roomId: r.room.id }))),
    ]
      .filter((r) => !incidentId || r.rec.get('incidentId') === incidentId)
      .map((r) => ({ ...r, key: `${r.roomId ?? ''}:${recordId(r.rec)}` }));
  }, [doc, rooms, signature, roomsVersion, incidentId]);
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
        <VirtualList
          items={rows}
          itemKey={(r) => r.key}
          estimateSize={64}
          className="card-list"
          testId="statement-list"
          label={t('title')}
          renderRow={(r, v) => <StatementRow rec={r.rec} roomId={r.roomId} wsId={wsId} gov={gov} language={language} virtual={v} />}
        />
      )}
    </main>
  );
}

interface RowProps {
  rec: YRecord;
  roomId: string | null;
  wsId: string;
  gov: Governance | null;
  language: Language;
  virtual: VirtualRow | undefined;
}

/** One statement: re-renders when its own record changes (or the governance snapshot, language, position). */
const StatementRow = memo(function StatementRow({ rec, roomId, wsId, gov, language, virtual }: RowProps) {
  const { t } = useTranslation('statements');
  const version = useYVersion(rec, 'deep');
  const f = useMemo(() => (void version, readStatement(rec)), [rec, version]);
  const gate = listGate(rec, gov);
  return (
    <li className="card" data-testid="statement-row" data-drill={gate.drill ? 'true' : 'false'} data-room={roomId ?? ''} {...virtualRowProps(virtual)}>
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
  );
}, sameRow);

/** Row props are equal when nothing it shows can differ (the virtual position compared by value). */
function sameRow(a: RowProps, b: RowProps): boolean {
  const va = a.virtual;
  const vb = b.virtual;
  const sameVirtual = va === vb || (!!va && !!vb && va.index === vb.index && va.count === vb.count && va.start === vb.start && va.measure === vb.measure && va.ordered === vb.ordered);
  return a.rec === b.rec && a.roomId === b.roomId && a.wsId === b.wsId && a.gov === b.gov && a.language === b.language && sameVirtual;
}
