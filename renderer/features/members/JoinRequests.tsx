import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keyFingerprint, MEMBER_ROLES, type AdmissionRequest, type Admissions, type Governance, type MemberRole } from '../../../shared/governance';
import { KeyFingerprint } from '../settings/KeyFingerprint';
import { admit } from './actions';
import { runAction } from './runAction';

/**
 * People who asked to join and are not in the roster. An owner's laptop admits requests for its
 * own one-time invites by itself; everything else waits here for an owner's "Admit as …".
 */
export function JoinRequests({ gov, admissions, isOwner }: { gov: Governance; admissions: Admissions; isOwner: boolean }) {
  const { t } = useTranslation('members');
  return (
    <section aria-labelledby="requests-title" data-testid="join-requests">
      <h2 id="requests-title">{t('requests.title')}</h2>
      {admissions.pending.length === 0 ? (
        <p className="muted">{t('requests.none')}</p>
      ) : (
        <ul className="card-list">
          {admissions.pending.map((r) => (
            <RequestCard key={r.item.entry.s} gov={gov} request={r} isOwner={isOwner} />
          ))}
        </ul>
      )}
      {!isOwner && admissions.pending.length > 0 && <p className="muted small">{t('requests.ownersOnly')}</p>}
    </section>
  );
}

function RequestCard({ gov, request: r, isOwner }: { gov: Governance; request: AdmissionRequest; isOwner: boolean }) {
  const { t, i18n } = useTranslation('members');
  const offer = r.offer;
  const unusedOffer = offer && !offer.usedBy ? offer : undefined;
  const [role, setRole] = useState<MemberRole>(offer?.payload.role ?? 'observer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pl = r.payload;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(pl.at);
  const inviter = offer ? (gov.roster.byKey.get(offer.payload.by)?.name ?? offer.payload.by.slice(0, 8)) : null;
  return (
    <li className="card join-request" data-testid="join-request" data-key={pl.member.key} data-name={pl.member.name}>
      <div>
        <strong>{pl.member.name}</strong> {pl.member.unit && <span className="muted">{pl.member.unit}</span>}
        <div className="small muted">{when}</div>
        <KeyFingerprint fingerprint={keyFingerprint(pl.member.key)} testId="request-fingerprint" />
        <div className="small">
          {offer ? (offer.usedBy ? t('requests.offerUsed', { name: inviter, role: t(`roles.${offer.payload.role}`) }) : t('requests.viaOffer', { name: inviter, role: t(`roles.${offer.payload.role}`) })) : pl.admissionId ? t('requests.unknownOffer') : t('requests.noOffer')}
        </div>
      </div>
      {isOwner && (
        <div className="row-actions">
          <select aria-label={t('requests.role')} value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
            {MEMBER_ROLES.map((x) => (
              <option key={x} value={x}>
                {t(`roles.${x}`)}
              </option>
            ))}
          </select>
          <button type="button" className="primary" data-testid="admit" disabled={busy} onClick={() => runAction(setBusy, setError, () => admit(gov.input.workspaceId, pl.member, role, unusedOffer?.payload.admissionId))}>
            {t('requests.admit', { role: t(`roles.${role}`) })}
          </button>
        </div>
      )}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
