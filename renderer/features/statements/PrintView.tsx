import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { getPlatform } from '../../platform';
import { workspacePath } from '../../app/router';
import { useSession } from '../../session/sessionStore';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { deriveGate } from '../../../shared/statements/approval';
import { bodyToJson, parseBodyJson, type BodyNode } from '../../../shared/statements/body';
import { shortHash } from '../../../shared/statements/hash';
import { approvalSchema, type Approval } from '../../../shared/statements/types';
import { bodyOf, readStatement } from '../../../shared/statements/store';
import { useToasts } from '../../ui/toasts';
import { BodyView } from './BodyView';
import { formatDateTime } from './format';
import { useDeepVersion, useStatementRecord } from './hooks';

function parseApprovals(raw: string): Approval[] {
  try {
    const data: unknown = JSON.parse(raw);
    return Array.isArray(data) ? data.flatMap((a) => (approvalSchema.safeParse(a).success ? [a as Approval] : [])) : [];
  } catch {
    return [];
  }
}

/**
 * The final copy with its approval block, laid out for paper/PDF. A released statement prints
 * its frozen release; anything else prints the current text marked as not released.
 */
export function PrintView({ doc, wsId, id }: { doc: Y.Doc; wsId: string; id: string }) {
  const { t } = useTranslation('statements');
  const language = useSession((s) => s.language);
  const rec = useStatementRecord(doc, id);
  useDeepVersion(rec ?? null);
  if (!rec) {
    return (
      <p className="error" role="alert">
        {t('errors.notFound')}
      </p>
    );
  }
  const fields = readStatement(rec);
  const gate = deriveGate(rec);
  const release = gate.release;
  let json: BodyNode = { type: 'doc', content: [] };
  let damaged = false;
  try {
    json = release ? parseBodyJson(release.bodyJson) : bodyToJson(bodyOf(rec)!);
  } catch {
    damaged = true;
  }
  const approvals: Approval[] = release ? parseApprovals(release.approvalsJson) : gate.roles.flatMap((r) => (r.valid ? [r.valid] : []));
  const company = String(metaOf(doc).get('companyName') ?? metaOf(doc).get('name') ?? '');

  const print = async () => {
    try {
      // eslint-disable-next-line no-control-regex -- file names cannot hold control characters
      const name = `${(release?.title || fields.title).replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').trim().slice(0, 150) || 'statement'}.pdf`;
      const outcome = await getPlatform().printToPdf({ pageSize: 'A4', landscape: false, saveAs: name });
      if (outcome.kind === 'saved') useToasts.getState().show({ text: t('print.done'), ttl: 4000 });
    } catch (err) {
      useToasts.getState().show({ text: t('errors.generic', { message: (err as Error).message }), ttl: 6000 });
    }
  };

  return (
    <article className="statement-print" data-testid="statement-print" lang={fields.language}>
      <div className="print-toolbar no-print">
        <a href={workspacePath(wsId, 'statements', id)}>← {t('print.back')}</a>
        <button type="button" className="primary" data-testid="print-pdf" onClick={() => void print()}>
          {t('print.pdf')}
        </button>
      </div>
      <header className="print-header">
        <p className="print-company">{company}</p>
        <h1>{release?.title || fields.title}</h1>
        <p className="print-meta">
          {t(`kind.${fields.kind}`)} · {release ? t('print.releasedAt', { at: formatDateTime(release.at, language), by: release.by }) : t('print.notReleased', { status: t(`status.${gate.status}`) })}
        </p>
      </header>
      {!release && <p className="print-watermark">{t('print.draftMark')}</p>}
      {damaged ? <p className="error">{t('errors.damagedRelease')}</p> : <BodyView json={json} className="print-body" />}
      <section className="approval-block" data-testid="approval-block">
        <h2>{t('print.approvals')}</h2>
        {approvals.length === 0 ? (
          <p>{t('print.noApprovals')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('print.role')}</th>
                <th>{t('print.name')}</th>
                <th>{t('print.time')}</th>
                <th>{t('print.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {approvals.map((a) => (
                <tr key={a.id}>
                  <td>{t(`role.${a.role}`)}</td>
                  <td>{a.by}</td>
                  <td>{formatDateTime(a.at, language)}</td>
                  <td className="mono">{shortHash(a.hash)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="small">{t('print.hashNote', { hash: release?.hash ?? gate.hash })}</p>
      </section>
    </article>
  );
}
