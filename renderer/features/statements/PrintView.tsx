import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { printStatementPdf } from './statementFiles';
import { useRoute, workspacePath } from '../../app/router';
import { useSession } from '../../session/sessionStore';
import { useGovernance } from '../../identity/useGovernance';
import { companyNameFor, readCompany } from '../../../shared/company/profile';
import { deriveGate, frozenApprovals } from '../../../shared/statements/approval';
import { bodyToJson, parseBodyJson, type BodyNode } from '../../../shared/statements/body';
import { shortHash } from '../../../shared/statements/hash';
import type { ReviewerRole } from '../../../shared/statements/types';
import { bodyOf, readStatement } from '../../../shared/statements/store';
import { useToasts } from '../../ui/toasts';
import { BodyView } from './BodyView';
import { formatDateTime, formatStamp } from './format';
import { useDeepVersion, useStatementRecord } from './hooks';
import { useEntryChecks, type EntryCheck } from './signoff';

/** The print view's address; with `autoPrint`, the view starts printing once it is ready (`?print=1`). */
export function printPath(wsId: string, id: string, autoPrint = false): string {
  return workspacePath(wsId, 'statements', id, 'print') + (autoPrint ? '?print=1' : '');
}

/**
 * `?print=1` (release and print): runs `print` once, when the view is ready, after dropping the
 * parameter from the address in place — a reload or going back never prints again.
 */
function useAutoPrint(ready: boolean, wsId: string, id: string, printRef: { readonly current: () => Promise<void> }): void {
  const requested = useRoute().params.get('print') === '1';
  const done = useRef(false);
  useEffect(() => {
    if (!requested || !ready || done.current) return;
    done.current = true;
    window.history.replaceState(window.history.state, '', printPath(wsId, id));
    // Fonts first: the first print must not lay out with a fallback font.
    void (document.fonts?.ready ?? Promise.resolve()).then(() => printRef.current());
  }, [requested, ready, wsId, id, printRef]);
}

/** One approval as printed: who, in which role, with which key, when — and its signature check. */
interface PrintedApproval {
  role: ReviewerRole;
  name: string;
  unit: string;
  fingerprint: string;
  at: number;
  hash: string;
  check: EntryCheck | 'legacy';
}

/**
 * The final copy with its approval block, laid out for paper/PDF. A released statement prints
 * its frozen release with the approvals frozen into it, each signature checked again here; anything
 * else prints the current text, marked as not released, with the approvals that count now. A
 * drill's statement carries the drill mark on every printed page.
 */
export function PrintView({ doc, wsId, id }: { doc: Y.Doc; wsId: string; id: string }) {
  const { t } = useTranslation('statements');
  const { t: tc } = useTranslation('company');
  const language = useSession((s) => s.language);
  const gov = useGovernance();
  const rec = useStatementRecord(doc, id);
  useDeepVersion(rec ?? null);
  const gate = rec ? deriveGate(rec, { gov }) : null;
  const release = gate?.release;
  const frozen = release ? frozenApprovals(release) : { signed: [], legacy: [] };
  const checks = useEntryChecks(frozen.signed.map((a) => a.entry));
  // Ready to print: every signature checked (the frozen approvals' and the release's own).
  const ready = !!gate && frozen.signed.every((a) => checks.get(a.entry) !== 'pending') && gate.releaseCheck !== 'verifying';
  const printRef = useRef<() => Promise<void>>(() => Promise.resolve());
  useAutoPrint(ready, wsId, id, printRef);
  if (!rec || !gate) {
    return (
      <p className="error" role="alert">
        {t('errors.notFound')}
      </p>
    );
  }
  const fields = readStatement(rec);
  let json: BodyNode = { type: 'doc', content: [] };
  let damaged = false;
  try {
    json = release ? parseBodyJson(release.bodyJson) : bodyToJson(bodyOf(rec)!);
  } catch {
    damaged = true;
  }
  const approvals: PrintedApproval[] = release
    ? [
        ...frozen.signed.map((a): PrintedApproval => ({ role: a.role, name: a.name, unit: a.unit, fingerprint: a.fingerprint, at: a.at, hash: a.hash, check: checks.get(a.entry) ?? 'pending' })),
        ...frozen.legacy.map((a): PrintedApproval => ({ role: a.role, name: a.by, unit: '', fingerprint: '', at: a.at, hash: a.hash, check: 'legacy' })),
      ]
    : gate.roles.flatMap((r): PrintedApproval[] =>
        r.approval?.payload
          ? [{ role: r.role, name: r.approval.signer?.name ?? '', unit: r.approval.signer?.unit ?? '', fingerprint: r.approval.signer?.fingerprint.hex ?? '', at: r.approval.payload.at, hash: r.approval.payload.hash, check: 'valid' }]
          : [],
      );
  // The company profile (never the workspace's name): legal name in the statement's language.
  const profile = readCompany(doc);
  const company = companyNameFor(profile, fields.language) || tc('missingName');

  const print = async () => {
    try {
      // eslint-disable-next-line no-control-regex -- file names cannot hold control characters
      const name = `${(release?.title || fields.title).replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').trim().slice(0, 150) || 'statement'}.pdf`;
      const outcome = await printStatementPdf({ pageSize: 'A4', landscape: false, saveAs: name });
      if (outcome.kind === 'saved') useToasts.getState().show({ text: t('print.done'), ttl: 4000 });
    } catch (err) {
      useToasts.getState().show({ text: t('errors.generic', { message: (err as Error).message }), ttl: 6000 });
    }
  };
  printRef.current = print;

  return (
    <article className={`statement-print${gate.drill ? ' drill' : ''}`} data-testid="statement-print" data-ready={ready ? 'true' : 'false'} lang={fields.language}>
      {/* Fixed: repeated on every printed page. */}
      {gate.drill && (
        <div className="drill-watermark" data-testid="drill-watermark" aria-hidden="true">
          {t('drill.watermark')}
        </div>
      )}
      <div className="print-toolbar no-print">
        <a href={workspacePath(wsId, 'statements', id)}>← {t('print.back')}</a>
        <button type="button" className="primary" data-testid="print-pdf" onClick={() => void print()}>
          {t('print.pdf')}
        </button>
      </div>
      <header className="print-header">
        {profile.logo && <img className="print-logo" src={profile.logo} alt="" style={{ maxHeight: 48, maxWidth: 200 }} />}
        <p className="print-company" data-testid="print-company">
          {company}
        </p>
        {profile.letterhead && <p className="print-letterhead">{profile.letterhead}</p>}
        {gate.drill && <p className="print-drill">{t('drill.printHeader')}</p>}
        <h1>{release?.title || fields.title}</h1>
        <p className="print-meta">
          {t(`kind.${fields.kind}`)} · {release ? t('print.releasedAt', { at: formatDateTime(release.at, language), by: release.by }) : t('print.notReleased', { status: t(`status.${gate.status}`) })}
        </p>
      </header>
      {!release && <p className="print-watermark">{t('print.draftMark')}</p>}
      {release && gate.releaseCheck !== 'verified' && <p className="print-watermark">{t(`gate.release.${gate.releaseCheck}`)}</p>}
      {damaged ? <p className="error">{t('errors.damagedRelease')}</p> : <BodyView json={json} className="print-body" />}
      <section className="approval-block" data-testid="approval-block">
        <h2>{t('print.approvals')}</h2>
        {approvals.length === 0 ? (
          <p>{t('print.noApprovals')}</p>
        ) : (
          <ul className="print-approvals">
            {approvals.map((a, i) => (
              <li key={i} data-testid="print-approval" data-check={a.check}>
                {a.check === 'legacy'
                  ? t('print.legacyLine', { name: a.name, role: t(`role.${a.role}`), at: formatStamp(a.at) })
                  : t('print.approvalLine', { name: a.name, role: t(`role.${a.role}`), fingerprint: a.fingerprint, at: formatStamp(a.at) })}
                {a.unit && <span className="muted"> · {a.unit}</span>}
                <span className="mono small"> · {t('print.textHash', { hash: shortHash(a.hash) })}</span>
                {a.check === 'invalid' && <strong className="invalid"> · {t('reason.badSignature')}</strong>}
                {a.check === 'pending' && <span className="muted"> · {t('reason.verifying')}</span>}
              </li>
            ))}
          </ul>
        )}
        <p className="small">{t('print.hashNote', { hash: release?.hash ?? gate.hash })}</p>
        <p className="small muted">{t('print.signedNote')}</p>
      </section>
    </article>
  );
}
