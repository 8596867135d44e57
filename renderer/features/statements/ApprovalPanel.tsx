import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useSession } from '../../session/sessionStore';
import type { YRecord } from '../../../shared/doc/collection';
import { readApprovals, type GateState } from '../../../shared/statements/approval';
import { shortHash } from '../../../shared/statements/hash';
import { REVIEWER_ROLES, type ReviewerRole, type StatementFields } from '../../../shared/statements/types';
import { approve, isEditable, setRequiredRoles } from '../../../shared/statements/workflow';
import { runAction } from './actions';
import { formatDateTime } from './format';

/**
 * The approval gate: which roles must sign off, each role's standing against the current text,
 * and "approve this exact text" as legal, an executive or the PR lead, under the reviewer's name.
 */
export const ApprovalPanel = memo(function ApprovalPanel({ doc, rec, fields, gate, hash }: { doc: Y.Doc; rec: YRecord; fields: StatementFields; gate: GateState & { checking: boolean }; hash: string | null }) {
  const { t } = useTranslation('statements');
  const userName = useSession((s) => s.userName);
  const setUserName = useSession((s) => s.setUserName);
  const language = useSession((s) => s.language);
  const [role, setRole] = useState<ReviewerRole>(gate.requiredRoles.find((r) => !gate.roles.find((s) => s.role === r)?.valid) ?? 'legal');
  const [name, setName] = useState(userName);
  const editable = isEditable(rec);
  const log = readApprovals(rec).reverse();

  const toggleRole = (r: ReviewerRole, on: boolean) => {
    const next = REVIEWER_ROLES.filter((x) => (x === r ? on : gate.requiredRoles.includes(x)));
    runAction(t, () => setRequiredRoles(rec, next));
  };

  const doApprove = () => {
    if (!hash) return;
    const ok = runAction(t, () => approve(doc, fields.id, role, name, 'user', Date.now(), hash));
    if (ok && !userName.trim() && name.trim()) setUserName(name);
  };

  return (
    <section className="approval-panel" data-testid="approval-panel">
      <fieldset className="required-roles">
        <legend>{t('approval.required')}</legend>
        {REVIEWER_ROLES.map((r) => (
          <label key={r}>
            <input type="checkbox" checked={gate.requiredRoles.includes(r)} disabled={!editable} data-testid={`require-${r}`} onChange={(e) => toggleRole(r, e.target.checked)} />
            {t(`role.${r}`)}
          </label>
        ))}
      </fieldset>
      <ul className="role-standing">
        {gate.roles.map((s) => (
          <li key={s.role} data-testid={`standing-${s.role}`} data-state={s.valid ? 'approved' : s.voided ? 'void' : 'waiting'}>
            <strong>{t(`role.${s.role}`)}</strong>{' '}
            {s.valid
              ? t('approval.approvedBy', { by: s.valid.by, at: formatDateTime(s.valid.at, language) })
              : s.voided
                ? t('approval.changedSince', { by: s.voided.by, at: formatDateTime(s.voided.at, language) })
                : t('approval.waiting')}
          </li>
        ))}
      </ul>
      {fields.stage === 'in_review' ? (
        <div className="approve-form">
          <label className="field">
            <span>{t('approval.as')}</span>
            <select value={role} data-testid="approve-role" onChange={(e) => setRole(e.target.value as ReviewerRole)}>
              {REVIEWER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('approval.name')}</span>
            <input value={name} data-testid="approve-name" onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="button" className="primary" data-testid="approve" disabled={!hash || !name.trim()} onClick={doApprove}>
            {t('approval.approve')}
          </button>
          <p className="muted small">{hash ? t('approval.pinned', { hash: shortHash(hash) }) : t('gate.checking')}</p>
        </div>
      ) : (
        <p className="muted small">{t(`approval.stageHint.${fields.stage}`)}</p>
      )}
      {log.length > 0 && (
        <>
          <h3 className="small-heading">{t('approval.log')}</h3>
          <ul className="approval-log">
            {log.map((a) => (
              <li key={a.id}>
                {t('approval.logEntry', { role: t(`role.${a.role}`), by: a.by, at: formatDateTime(a.at, language), hash: shortHash(a.hash) })}
                {hash && a.hash === hash ? ` ✓` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});
