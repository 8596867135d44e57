import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Governance } from '../../../shared/governance';
import { REVIEWER_ROLES, STATEMENT_KINDS } from '../../../shared/statements/types';
import { signAndAppend } from '../../identity/useGovernance';
import { Dialog } from '../statements/Dialog';
import { draftOf, hasChanges, isLastRole, policyChanges, policyPayload, withRole, type PolicyDraft } from './policy';
import { runAction } from './runAction';

/**
 * The workspace policy (工作區規則) as this laptop replays it from the signed log: which sign-offs
 * each kind of statement needs at least, and whether separation of duties applies — with who set
 * it and when (or that the defaults apply). Everyone sees it; owners edit it, and saving signs a
 * `policy.set` entry with this laptop's key (the replay counts it only from an owner). Turning
 * separation of duties off asks for a deliberate confirmation first.
 */
export function PolicyPanel({ gov, isOwner }: { gov: Governance; isOwner: boolean }) {
  const { t, i18n } = useTranslation('members');
  const { policy, setBy } = gov.policy;
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [confirmOff, setConfirmOff] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = draft ?? draftOf(policy);
  const changes = draft ? policyChanges(policy, draft) : null;
  const setter = setBy ? (gov.roster.byKey.get(setBy.payload.by)?.name ?? setBy.payload.by.slice(0, 8)) : '';
  const when = setBy ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(setBy.payload.at) : '';

  const sign = (d: PolicyDraft) =>
    runAction(setBusy, setError, async () => {
      await signAndAppend({ ws: gov.input.workspaceId, kind: 'policy.set', policy: policyPayload(d) });
      setConfirmOff(false);
      setDraft(null);
    });
  const save = () => {
    if (!draft || !changes || !hasChanges(changes)) return;
    if (changes.separationOfDuties === false) setConfirmOff(true);
    else sign(draft);
  };

  return (
    <section aria-labelledby="policy-title" data-testid="policy-panel" data-sod={policy.separationOfDuties ? 'on' : 'off'} data-set-by={setBy ? setBy.payload.by : ''}>
      <h2 id="policy-title">{t('policy.title')}</h2>
      <p className="muted">{t('policy.intro')}</p>
      <p data-testid="policy-source">{setBy ? t('policy.setBy', { name: setter, when }) : t('policy.defaults')}</p>
      {!gov.roster.settled && (
        <p role="status" className="muted small">
          {t('verifying')}
        </p>
      )}
      <table className="members-table policy-table" data-testid="policy-table">
        <thead>
          <tr>
            <th scope="col">{t('policy.kind')}</th>
            {REVIEWER_ROLES.map((r) => (
              <th key={r} scope="col">
                {t(`statements:role.${r}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STATEMENT_KINDS.map((kind) => (
            <tr key={kind} data-testid={`policy-kind-${kind}`} data-roles={shown.requiredRoles[kind].join(' ')}>
              <th scope="row">{t(`statements:kind.${kind}`)}</th>
              {REVIEWER_ROLES.map((r) => {
                const on = shown.requiredRoles[kind].includes(r);
                const label = t('policy.cell', { kind: t(`statements:kind.${kind}`), role: t(`statements:role.${r}`) });
                return (
                  <td key={r}>
                    {draft ? (
                      <input
                        type="checkbox"
                        aria-label={label}
                        data-testid={`policy-${kind}-${r}`}
                        checked={on}
                        disabled={busy || isLastRole(draft, kind, r)}
                        title={isLastRole(draft, kind, r) ? t('policy.lastRole') : undefined}
                        onChange={(e) => setDraft(withRole(draft, kind, r, e.target.checked))}
                      />
                    ) : (
                      <span aria-label={label} title={label}>
                        {on ? '✓' : '—'}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('policy.floorNote')}</p>
      <div className="policy-sod">
        {draft ? (
          <label className="role-option">
            <input type="checkbox" data-testid="policy-sod" checked={draft.separationOfDuties} disabled={busy} onChange={(e) => setDraft({ ...draft, separationOfDuties: e.target.checked })} />
            <strong>{t('policy.sod.label')}</strong>
          </label>
        ) : (
          <p data-testid="policy-sod-state">
            <strong>{t('policy.sod.state', { state: policy.separationOfDuties ? t('policy.sod.on') : t('policy.sod.off') })}</strong>
          </p>
        )}
        <p className="muted small">{t('policy.sod.explain')}</p>
      </div>
      {isOwner ? (
        draft ? (
          <div className="row">
            <button type="button" className="primary" data-testid="policy-save" disabled={busy || !changes || !hasChanges(changes)} onClick={save}>
              {t('policy.save')}
            </button>
            <button type="button" disabled={busy} onClick={() => setDraft(null)}>
              {t('policy.cancel')}
            </button>
            {changes && !hasChanges(changes) && <span className="muted small">{t('policy.noChanges')}</span>}
          </div>
        ) : (
          <button type="button" data-testid="policy-edit" onClick={() => setDraft(draftOf(policy))}>
            {t('policy.edit')}
          </button>
        )
      ) : (
        <p className="muted small" data-testid="policy-owners-only">
          {t('policy.ownersOnly')}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <Dialog open={confirmOff} title={t('policy.confirmOff.title')} onClose={() => setConfirmOff(false)} testId="policy-sod-dialog">
        <p>{t('policy.confirmOff.body')}</p>
        <div className="row dialog-actions">
          <button type="button" onClick={() => setConfirmOff(false)}>
            {t('policy.cancel')}
          </button>
          <button type="button" className="danger" data-testid="policy-sod-confirm" disabled={busy} onClick={() => draft && sign(draft)}>
            {t('policy.confirmOff.confirm')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
