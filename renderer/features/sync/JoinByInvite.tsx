import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { joinByInvite, type InviteChoice, type JoinResult } from '../../sync/inviteService';
import { InviteDecodeError } from '../../../shared/sync/invite';
import { useSession } from '../../session/sessionStore';
import { navigate, workspacePath } from '../../app/router';
import { reloadIfHostsNeedIt } from '../../sync/hostAccess';
import { InviteReviewDialog } from './InviteReviewDialog';
import { InviterNotice } from './InviterNotice';
import './sync.css';

type Review = Extract<JoinResult, { status: 'review' }>;

/** Decode errors added with authenticated invites live in the `trust` block of the locales. */
const TRUST_ERRORS = new Set(['mac', 'signature', 'outdated', 'choice']);
const errorKey = (reason: string) => (TRUST_ERRORS.has(reason) ? `trust.errors.${reason}` : `invite.errors.${reason}`);

/**
 * Paste an invite code to join a workspace (shown on the workspace list and the team page).
 * The code is authenticated first (MAC and the inviter's signature). When it would change the
 * hosts, the room key or the trusted creator key of a workspace already on this laptop, nothing
 * happens until the person has seen what would change and chosen explicitly.
 */
export function JoinByInvite() {
  const { t } = useTranslation('sync');
  const language = useSession((s) => s.language);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [review, setReview] = useState<Review | null>(null);

  const join = async (choice?: InviteChoice) => {
    setBusy(true);
    try {
      const result = await joinByInvite(code, language, choice ? { choice } : {});
      if (result.status === 'review') {
        setReview(result);
        setError(null);
        return;
      }
      setReview(null);
      setError(null);
      setCode('');
      navigate(workspacePath(result.workspaceId, 'sync'));
      // In Electron the page may connect only to hosts its CSP names: a new host needs a reload.
      await reloadIfHostsNeedIt();
    } catch (err) {
      if (err instanceof InviteDecodeError) setError(t(errorKey(err.reason)));
      else {
        const message = (err as Error).message;
        setError(message.startsWith('invite.errors.') ? t(errorKey(message.slice('invite.errors.'.length))) : message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="join-invite" aria-labelledby="join-title" data-testid="join-invite">
      <h2 id="join-title">{t('invite.joinTitle')}</h2>
      <InviterNotice />
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          setReview(null);
          void join();
        }}
      >
        <textarea aria-label={t('invite.joinTitle')} value={code} placeholder={t('trust.joinPlaceholder')} onChange={(e) => setCode(e.target.value)} rows={2} maxLength={4000} />
        <button type="submit" disabled={busy}>
          {t('invite.join')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {review && <InviteReviewDialog review={review.review} busy={busy} onKeep={() => setReview(null)} onChoose={(choice) => void join(choice)} />}
    </section>
  );
}
