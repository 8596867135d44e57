import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { companyNameFor, readCompany } from '../../../shared/company/profile';
import { useSession } from '../../session/sessionStore';
import { workspacePath } from '../../app/router';
import { useGovernance } from '../../identity/useGovernance';
import { printStatementPdf } from './statementFiles';
import { useToasts } from '../../ui/toasts';
import { AuditTable, AuditTrail, kindKey, queryFromParams, useAuditRows, useStatementTitles } from './AuditTrail';
import { formatStamp } from './format';

/** The workspace's audit trail (statements/audit). */
export function AuditPage({ doc, wsId }: { doc: Y.Doc; wsId: string }) {
  const { t } = useTranslation('statements');
  return (
    <main className="page statements-page audit-page">
      <a href={workspacePath(wsId, 'statements')} className="muted">
        ← {t('title')}
      </a>
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      <AuditTrail doc={doc} wsId={wsId} />
    </main>
  );
}

/**
 * The audit trail laid out for paper (statements/audit/print?…): A4 landscape, CJK fonts, every
 * row of the query with its verdict, and when and on whose laptop it was printed. Printed through
 * the platform's print path (Electron's printToPDF, the browser's print dialog).
 */
export function AuditPrint({ doc, wsId, params }: { doc: Y.Doc; wsId: string; params: URLSearchParams }) {
  const { t } = useTranslation('statements');
  const gov = useGovernance();
  const titles = useStatementTitles(doc);
  const search = params.toString();
  const q = useMemo(() => queryFromParams(new URLSearchParams(search)), [search]);
  const rows = useAuditRows(gov, q);
  const { t: tc } = useTranslation('company');
  const language = useSession((st) => st.language);
  const name = companyNameFor(readCompany(doc), language) || tc('missingName');
  const who = q.by ? gov?.roster.byKey.get(q.by) : undefined;
  const filters = [
    q.kind ? t(kindKey(q.kind), { defaultValue: q.kind }) : '',
    who ? `${who.name} · ${who.fingerprint.hex}` : '',
    q.statementId ? (titles.get(q.statementId) ?? q.statementId) : '',
    q.problemsOnly ? t('audit.filter.problems') : '',
  ].filter(Boolean);

  const print = async () => {
    try {
      const outcome = await printStatementPdf({ pageSize: 'A4', landscape: true, saveAs: `audit-${formatStamp(Date.now()).replace(/[ :]/g, '-')}.pdf` });
      if (outcome.kind === 'saved') useToasts.getState().show({ text: t('print.done'), ttl: 4000 });
    } catch (err) {
      useToasts.getState().show({ text: t('errors.generic', { message: (err as Error).message }), ttl: 6000 });
    }
  };

  return (
    <article className="audit-print" data-testid="audit-print-view" data-ready={gov && gov.roster.settled ? 'true' : 'false'}>
      <div className="print-toolbar no-print">
        <a href={workspacePath(wsId, 'statements', 'audit')}>← {t('audit.title')}</a>
        <button type="button" className="primary" data-testid="audit-print-pdf" onClick={() => void print()}>
          {t('print.pdf')}
        </button>
      </div>
      <header>
        <p className="print-company">{name}</p>
        <h1>{t('audit.title')}</h1>
        <p className="print-meta">
          {t('audit.printedAt', { at: formatStamp(Date.now()) })} · {t('audit.count', { count: rows.length })}
          {filters.length > 0 && ` · ${t('audit.filtered', { filters: filters.join(t('listSeparator')) })}`}
        </p>
      </header>
      {!gov ? <p>{t('approval.noRoster')}</p> : <AuditTable rows={rows} titles={titles} />}
      <p className="small muted">{t('audit.printNote')}</p>
    </article>
  );
}
