import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
import type { DerivedApproval } from '../../../shared/governance';
import { APPROVER_ROLE } from '../../../shared/governance/roles';
import { useSession } from '../../session/sessionStore';
import type { YRecord } from '../../../shared/doc/collection';
import type { GateState } from '../../../shared/statements/approval';
import { shortHash } from '../../../shared/statements/hash';
import { REVIEWER_ROLES, type ReviewerRole, type StatementFields } from '../../../shared/statements/types';
import { approve, isEditable, metWithOwnApproval, setRequiredRoles } from '../../../shared/statements/workflow';
import { noteApprovalInIncident } from './approvalNote';
import { runAction } from './actions';
import { formatDateTime } from './format';
import { ReleaseGates } from './ReleaseGates';
import { runSigned, useSigner } from './signoff';

/** One signed approval as a line: role, signer (unit), key fingerprint, time — and why it does not count. */
export function ApprovalLine({ a, showRole = true }: { a: DerivedApproval; showRole?: boolean }) {
  const { t } = useTranslation('statements');
  const language = useSession((s) => s.language);
  const pl = a.payload;
  const who = a.signer ? (a.signer.unit ? `${a.signer.name}（${a.signer.unit}）` : a.signer.name) : t('approval.unknownSigner');
  const fp = a.signer?.fingerprint.hex ?? '';
  return (
    <span className="approval-line" data-valid={a.valid ? 'true' : 'false'} data-reason={a.reason ?? ''}>
      {showRole && pl && <strong>{t(`role.${pl.role}`)} </strong>}
      {who}
      {fp && <span className="mono small"> · {t('approval.key', { fingerprint: fp })}</span>}
      {pl && <span className="muted small"> · {formatDateTime(pl.at, language)}</span>}
      {pl && <span className="mono small muted"> · {shortHash(pl.hash)}</span>}
      {a.valid ? (
        <span className="verified small"> · {t('approval.verified')}</span>
      ) : (
        <span className={a.reason === 'verifying' ? 'muted small' : 'invalid small'} data-testid="approval-reason">
          {' · '}
          {a.reason === 'verifying' ? t('reason.verifying') : t('approval.invalid', { reason: approvalReason(t, a) })}
        </span>
      )}
    </span>
  );
}

/** Why an approval does not count, in the reader's language. */
export function approvalReason(t: TFunction<'statements'>, a: DerivedApproval): string {
  if (a.reason === 'lacksRole' && a.payload) return t('reason.lacksRoleFor', { approver: t(`memberRole.${APPROVER_ROLE[a.payload.role]}`) });
  return t(`reason.${a.reason ?? 'malformed'}`);
}

/**
 * The sign-off: which roles must sign, each role's standing against the current text (only
 * verified, signed approvals count; invalid ones are shown with why), the release gates, and
 * "approve this exact text" under this laptop's own key — only as the reviewer roles the person
 * holds in the roster. No name is typed here: identity comes from the profile.
 */
export const ApprovalPanel = memo(function ApprovalPanel({ doc, rec, fields, gate, hash }: { doc: Y.Doc; rec: YRecord; fields: StatementFields; gate: GateState & { checking: boolean }; hash: string | null }) {
  const { t } = useTranslation('statements');
  const language = useSession((s) => s.language);
  const signer = useSigner();
  const mine = signer.reviewerRoles;
  const [chosen, setChosen] = useState<ReviewerRole | null>(null);
  const [busy, setBusy] = useState(false);
  const role = chosen && mine.includes(chosen) ? chosen : (gate.requiredRoles.find((r) => mine.includes(r) && !gate.roles.find((s) => s.role === r)?.approval) ?? mine[0] ?? null);
  const editable = isEditable(rec);
  const separation = signer.gov?.policy.policy.separationOfDuties ?? true;
  const isAuthor = !!signer.key && fields.lastEditorKey === signer.key;
  const authorBlocked = role === 'legal' && separation && isAuthor;
  const blockedByGates = gate.gates?.blocksApproval ?? [];
  const cannotSign = gate.requiredRoles.filter((r) => !mine.includes(r));

  const toggleRole = (r: ReviewerRole, on: boolean) => {
    const next = REVIEWER_ROLES.filter((x) => (x === r ? on : gate.requiredRoles.includes(x)));
    runAction(t, () => setRequiredRoles(rec, next));
  };

  const doApprove = async () => {
    const ctx = signer.context();
    if (!hash || !role || !ctx) return;
    setBusy(true);
    try {
      await runSigned(t, async () => {
        const entry = await approve(doc, fields.id, role, { ...ctx, expectedHash: hash });
        // This approval completed the sign-off: note it in the linked incident's log now.
        if (ctx.gov && metWithOwnApproval(rec, ctx.gov, entry, hash)) {
          noteApprovalInIncident(ctx.logDoc ?? doc, fields, hash, ctx.name, t('incidents:statements.approvedNote', { title: fields.title }));
        }
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="approval-panel" data-testid="approval-panel">
      {gate.drill && (
        <p className="drill-note" data-testid="approval-drill-note">
          {t('drill.approvalNote')}
        </p>
      )}
      {!gate.governed && (
        <p className="warn small" data-testid="no-roster">
          {t('approval.noRoster')}
        </p>
      )}
      <fieldset className="required-roles">
        <legend>{t('approval.required')}</legend>
        {REVIEWER_ROLES.map((r) => (
          <label key={r} title={gate.policyRoles.includes(r) ? t('approval.byPolicy') : undefined}>
            <input type="checkbox" checked={gate.requiredRoles.includes(r)} disabled={!editable || gate.policyRoles.includes(r)} data-testid={`require-${r}`} onChange={(e) => toggleRole(r, e.target.checked)} />
            {t(`role.${r}`)}
            {gate.policyRoles.includes(r) && <span className="muted small"> {t('approval.policyMark')}</span>}
          </label>
        ))}
      </fieldset>
      <ul className="role-standing">
        {gate.roles.map((s) => {
          const latest = s.approvals[0];
          const state = s.approval ? 'approved' : latest?.reason === 'textChanged' ? 'void' : latest?.reason === 'verifying' ? 'verifying' : latest ? 'invalid' : 'waiting';
          return (
            <li key={s.role} data-testid={`standing-${s.role}`} data-state={state}>
              <strong>{t(`role.${s.role}`)}</strong>{' '}
              {s.approval ? (
                <span data-testid="signed-approval">
                  {t('approval.approved')} <ApprovalLine a={s.approval} showRole={false} />
                </span>
              ) : latest ? (
                <ApprovalLine a={latest} showRole={false} />
              ) : (
                t('approval.waiting')
              )}
            </li>
          );
        })}
      </ul>
      {gate.gates && <ReleaseGates doc={doc} fields={fields} gate={gate} signer={signer} />}
      {fields.stage === 'in_review' ? (
        <div className="approve-form">
          {!signer.me ? (
            <p className="warn small" data-testid="approve-not-member">
              {t('approval.notMember')}
            </p>
          ) : mine.length === 0 ? (
            <p className="warn small" data-testid="approve-no-role">
              {t('approval.noReviewerRole', { roles: signer.me.roles.map((r) => t(`memberRole.${r}`)).join(t('listSeparator')) || t('approval.noRoles') })}
            </p>
          ) : (
            <>
              <label className="field">
                <span>{t('approval.as')}</span>
                <select value={role ?? ''} data-testid="approve-role" onChange={(e) => setChosen(e.target.value as ReviewerRole)}>
                  {mine.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              </label>
              <p className="muted small" data-testid="approve-identity">
                {t('approval.signingAs', { name: signer.name, fingerprint: signer.me.fingerprint.hex })}
              </p>
              {authorBlocked && (
                <p className="warn small" data-testid="approve-author">
                  {t('approval.authorBlocked')}
                </p>
              )}
              {blockedByGates.length > 0 && (
                <p className="warn small" data-testid="approve-gates">
                  {t('approval.gatesBlock', { gates: blockedByGates.map((g) => t(`gates.${g}`)).join(t('listSeparator')) })}
                </p>
              )}
              <button type="button" className="primary" data-testid="approve" disabled={!hash || !role || busy || authorBlocked || blockedByGates.length > 0 || gate.pending} onClick={() => void doApprove()}>
                {t('approval.approve')}
              </button>
              <p className="muted small">{hash ? t('approval.pinned', { hash: shortHash(hash) }) : t('gate.checking')}</p>
            </>
          )}
          {signer.me && cannotSign.length > 0 && (
            <p className="muted small" data-testid="approve-missing-role">
              {cannotSign.map((r) => t('approval.needsApprover', { role: t(`role.${r}`), approver: t(`memberRole.${APPROVER_ROLE[r]}`) })).join(' ')}
            </p>
          )}
        </div>
      ) : (
        <p className="muted small">{t(`approval.stageHint.${fields.stage}`)}</p>
      )}
      {gate.approvals.length > 0 && (
        <>
          <h3 className="small-heading">{t('approval.log')}</h3>
          <ul className="approval-log">
            {gate.approvals.map((a) => (
              <li key={a.item.index} data-testid="approval-entry" data-valid={a.valid ? 'true' : 'false'}>
                <ApprovalLine a={a} />
              </li>
            ))}
          </ul>
        </>
      )}
      {gate.legacy.length > 0 && (
        <>
          <h3 className="small-heading">{t('approval.legacyTitle')}</h3>
          <ul className="approval-log legacy">
            {gate.legacy.map((a) => (
              <li key={a.id} data-testid="legacy-approval">
                {t('approval.legacyEntry', { role: t(`role.${a.role}`), by: a.by, at: formatDateTime(a.at, language), hash: shortHash(a.hash) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});
