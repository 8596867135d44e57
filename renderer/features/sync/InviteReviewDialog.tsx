import { useTranslation } from 'react-i18next';
import { keyFingerprint } from '../../../shared/governance';
import type { InviteChoice, InviteReview } from '../../sync/inviteService';
import { KeyFingerprint } from '../settings/KeyFingerprint';

function HostList({ hosts, testId }: { hosts: readonly string[]; testId: string }) {
  const { t } = useTranslation('sync');
  if (hosts.length === 0) return <span className="muted" data-testid={testId}>{t('trust.review.noHosts')}</span>;
  return (
    <ul className="review-hosts" data-testid={testId}>
      {hosts.map((h) => (
        <li key={h}>
          <code>{h}</code>
        </li>
      ))}
    </ul>
  );
}

/**
 * The warning shown when an invite would change a workspace already on this laptop: what would
 * change (hosts before and after, whether the room key or the trusted creator key differs), who
 * signed the code and where that key stands in this laptop's roster, and the explicit choices.
 * Nothing has changed while it is shown.
 */
export function InviteReviewDialog({ review, busy, onKeep, onChoose }: { review: InviteReview; busy: boolean; onKeep: () => void; onChoose: (choice: InviteChoice) => void }) {
  const { t } = useTranslation('sync');
  const suspicious = review.keyChanged || review.anchor !== null || review.signer.standing === 'notMember' || review.signer.standing === 'removed';
  return (
    <div className={`sync-banner invite-review${suspicious ? ' danger' : ''}`} role="alertdialog" aria-labelledby="invite-review-title" aria-describedby="invite-review-explain" data-testid="invite-review">
      <p id="invite-review-title">
        <strong>{t('trust.review.title', { name: review.workspaceName })}</strong>
      </p>
      <p id="invite-review-explain">{t('trust.review.explain')}</p>
      {review.hosts.changed && (
        <div data-testid="review-hosts">
          <p>{t('trust.review.hostsBefore')}</p>
          <HostList hosts={review.hosts.before} testId="review-hosts-before" />
          <p>{t('trust.review.hostsAfter')}</p>
          <HostList hosts={review.hosts.after} testId="review-hosts-after" />
        </div>
      )}
      <p data-testid="review-key" data-changed={String(review.keyChanged)}>
        {review.keyChanged ? <strong>{t('trust.review.keyChanged')}</strong> : t('trust.review.keySame')}
      </p>
      {review.anchor && (
        <div data-testid="anchor-conflict">
          <p>
            <strong>{t('invite.anchor.explain')}</strong>
          </p>
          <p>
            {t('invite.anchor.trusted')} <KeyFingerprint fingerprint={keyFingerprint(review.anchor.trusted)} testId="anchor-trusted" />
          </p>
          <p>
            {t('invite.anchor.offered')} <KeyFingerprint fingerprint={keyFingerprint(review.anchor.offered)} testId="anchor-offered" />
          </p>
        </div>
      )}
      <p data-testid="review-signer" data-standing={review.signer.standing}>
        {t('trust.review.signedBy')} <KeyFingerprint fingerprint={keyFingerprint(review.signer.key)} testId="review-signer-key" /> — {t(`trust.standing.${review.signer.standing}`)}
      </p>
      <div className="row">
        <button type="button" className="primary" onClick={onKeep} autoFocus>
          {t('trust.review.keep')}
        </button>
        {review.choices.includes('hosts') && (
          <button type="button" disabled={busy} onClick={() => onChoose('hosts')}>
            {t('trust.review.useHosts')}
          </button>
        )}
        {review.choices.includes('all') && (
          <button type="button" className="danger" disabled={busy} onClick={() => onChoose('all')}>
            {t('trust.review.useAll')}
          </button>
        )}
      </div>
    </div>
  );
}
