import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
import { auditCsv, auditTrail, ENTRY_KINDS, type AuditFilter, type AuditRow, type EntryKind, type Governance } from '../../../shared/governance';
import { listStatements, readStatement, statementsOf } from '../../../shared/statements/store';
import { APPROVER_ROLE } from '../../../shared/governance/roles';
import type { ReviewerRole } from '../../../shared/statements/types';
import { workspacePath } from '../../app/router';
import { useGovernance } from '../../identity/useGovernance';
import { saveAuditCsv } from './statementFiles';
import { useToasts } from '../../ui/toasts';
import { formatStamp } from './format';
import { useDeepVersion } from './hooks';

/** Rows shown on screen at most (the CSV and the printed page hold them all). */
export const AUDIT_SCREEN_ROWS = 300;

/** The filters of an audit view, as they travel in the print page's address. */
export interface AuditQuery {
  kind: EntryKind | '';
  by: string;
  statementId: string;
  problemsOnly: boolean;
}

export function auditFilterOf(q: AuditQuery): AuditFilter {
  return {
    ...(q.kind ? { kinds: [q.kind] } : {}),
    ...(q.by ? { by: q.by } : {}),
    ...(q.statementId ? { statementId: q.statementId } : {}),
    ...(q.problemsOnly ? { problemsOnly: true } : {}),
  };
}

export function queryFromParams(params: URLSearchParams): AuditQuery {
  const kind = params.get('kind') ?? '';
  return {
    kind: (ENTRY_KINDS as readonly string[]).includes(kind) ? (kind as EntryKind) : '',
    by: params.get('by') ?? '',
    statementId: params.get('statement') ?? '',
    problemsOnly: params.get('problems') === '1',
  };
}

export function queryString(q: AuditQuery): string {
  const p = new URLSearchParams();
  if (q.kind) p.set('kind', q.kind);
  if (q.by) p.set('by', q.by);
  if (q.statementId) p.set('statement', q.statementId);
  if (q.problemsOnly) p.set('problems', '1');
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** i18n key of an entry kind ('roster.add' → 'audit.kinds.roster_add'; dots separate i18n levels). */
export const kindKey = (kind: string): string => `audit.kinds.${kind.replace(/\./g, '_')}`;

/** An audit row's verdict in words: verified and counted, or why not. */
export function verdictText(t: TFunction<'statements'>, r: AuditRow): string {
  if (r.verdict === 'malformed') return t('audit.verdict.malformed', { reason: t(`reason.${r.reason ?? 'malformed'}`, { defaultValue: r.reason ?? '' }) });
  if (r.verdict === 'pending') return t('reason.verifying');
  if (r.verdict === 'invalid') return t('audit.verdict.invalid', { reason: t('reason.badSignature') });
  if (r.counted) return t('audit.verdict.verified');
  // An approval lacking the role: say which approver role it needed (its detail names the role).
  const role = r.kind === 'approval' && r.reason === 'lacksRole' ? /\brole=(legal|executive|pr)\b/.exec(r.detail)?.[1] : undefined;
  const reason = role ? t('reason.lacksRoleFor', { approver: t(`memberRole.${APPROVER_ROLE[role as ReviewerRole]}`) }) : t(`reason.${r.reason ?? 'malformed'}`, { defaultValue: r.reason ?? '' });
  return t('audit.verdict.notCounted', { reason });
}

/** Statement titles by id, for naming the rows' subjects. */
export function useStatementTitles(doc: Y.Doc): Map<string, string> {
  const v = useDeepVersion(statementsOf(doc));
  return useMemo(() => {
    void v;
    return new Map(listStatements(doc).map((r) => [readStatement(r).id, readStatement(r).title]));
  }, [doc, v]);
}

/** The rows of a query (derived again when the log or the verdicts change). */
export function useAuditRows(gov: Governance | null, q: AuditQuery): AuditRow[] {
  return useMemo(() => (gov ? auditTrail(gov, auditFilterOf(q)) : []), [gov, q]);
}

/** The audit table (screen and print share it). */
export function AuditTable({ rows, titles, limit }: { rows: readonly AuditRow[]; titles: ReadonlyMap<string, string>; limit?: number }) {
  const { t } = useTranslation('statements');
  const shown = limit !== undefined ? rows.slice(0, limit) : rows;
  return (
    <table className="audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th>{t('audit.col.time')}</th>
          <th>{t('audit.col.kind')}</th>
          <th>{t('audit.col.signer')}</th>
          <th>{t('audit.col.subject')}</th>
          <th>{t('audit.col.detail')}</th>
          <th>{t('audit.col.verdict')}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <tr key={`${r.index}:${r.signature ?? ''}`} data-testid="audit-row" data-kind={r.kind ?? ''} data-counted={r.counted ? 'true' : 'false'} data-verdict={r.verdict} className={r.counted ? '' : 'not-counted'}>
            <td className="mono">{r.at !== undefined ? formatStamp(r.at) : ''}</td>
            <td>{r.kind ? t(kindKey(r.kind), { defaultValue: r.kind }) : '?'}</td>
            <td>
              {r.signerName ?? t('approval.unknownSigner')}
              {r.fingerprint && <div className="mono small">{r.fingerprint}</div>}
            </td>
            <td>{(r.statementId && titles.get(r.statementId)) || r.subject || ''}</td>
            <td className="mono small audit-detail">{r.detail}</td>
            <td>
              {verdictText(t, r)}
              {r.future && <div className="warn small">{t('audit.future')}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The audit trail (稽核軌跡): every signed governance entry with its verdict — verified and
 * counted, or why not — filtered by kind, member and statement; exported as CSV (the core's
 * auditCsv: BOM, CRLF, formulas escaped) or printed. Per workspace, or one statement's (compact).
 */
export function AuditTrail({ doc, wsId, statementId, compact = false }: { doc: Y.Doc; wsId: string; statementId?: string; compact?: boolean }) {
  const { t } = useTranslation('statements');
  const gov = useGovernance();
  const titles = useStatementTitles(doc);
  const [q, setQ] = useState<AuditQuery>({ kind: '', by: '', statementId: statementId ?? '', problemsOnly: false });
  const query = useMemo(() => ({ ...q, ...(statementId ? { statementId } : {}) }), [q, statementId]);
  const rows = useAuditRows(gov, query);
  if (!gov) {
    return (
      <p className="muted" data-testid="audit-no-roster">
        {t('approval.noRoster')}
      </p>
    );
  }
  const members = gov.roster.members;

  const exportCsv = async () => {
    try {
      const stamp = formatStamp(Date.now()).replace(/[ :]/g, '-');
      await saveAuditCsv(`audit-${statementId ? 'statement-' : ''}${stamp}.csv`, auditCsv(rows));
    } catch (err) {
      useToasts.getState().show({ text: t('errors.generic', { message: (err as Error).message }), ttl: 6000 });
    }
  };

  return (
    <section className={`audit-trail${compact ? ' compact' : ''}`} data-testid="audit-trail">
      <div className="record-row audit-filters">
        <label className="field">
          <span>{t('audit.filter.kind')}</span>
          <select value={q.kind} data-testid="audit-kind" onChange={(e) => setQ({ ...q, kind: e.target.value as EntryKind | '' })}>
            <option value="">{t('audit.filter.all')}</option>
            {ENTRY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(kindKey(k), { defaultValue: k })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('audit.filter.member')}</span>
          <select value={q.by} data-testid="audit-member" onChange={(e) => setQ({ ...q, by: e.target.value })}>
            <option value="">{t('audit.filter.all')}</option>
            {members.map((m) => (
              <option key={m.key} value={m.key}>
                {m.name} · {m.fingerprint.hex}
              </option>
            ))}
          </select>
        </label>
        {!statementId && (
          <label className="field">
            <span>{t('audit.filter.statement')}</span>
            <select value={q.statementId} data-testid="audit-statement" onChange={(e) => setQ({ ...q, statementId: e.target.value })}>
              <option value="">{t('audit.filter.all')}</option>
              {[...titles].map(([id, title]) => (
                <option key={id} value={id}>
                  {title}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field inline">
          <input type="checkbox" checked={q.problemsOnly} data-testid="audit-problems" onChange={(e) => setQ({ ...q, problemsOnly: e.target.checked })} />
          <span>{t('audit.filter.problems')}</span>
        </label>
      </div>
      <div className="row">
        <span className="muted small" data-testid="audit-count">
          {t('audit.count', { count: rows.length })}
          {gov.roster.settled ? '' : ` · ${t('reason.verifying')}`}
          {gov.unread > 0 ? ` · ${t('audit.reading', { count: gov.unread })}` : ''}
        </span>
        <span className="spacer" />
        <button type="button" data-testid="audit-csv" onClick={() => void exportCsv()}>
          {t('audit.csv')}
        </button>
        <a className="button-link" data-testid="audit-print" href={workspacePath(wsId, 'statements', 'audit', 'print') + queryString(query)}>
          {t('audit.print')}
        </a>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('audit.none')}</p>
      ) : (
        <>
          <AuditTable rows={rows} titles={titles} limit={AUDIT_SCREEN_ROWS} />
          {rows.length > AUDIT_SCREEN_ROWS && <p className="muted small">{t('audit.more', { shown: AUDIT_SCREEN_ROWS, count: rows.length })}</p>}
        </>
      )}
    </section>
  );
}
