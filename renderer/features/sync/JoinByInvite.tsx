import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { joinByInvite } from '../../sync/inviteService';
import { InviteDecodeError } from '../../../shared/sync/invite';
import { useSession } from '../../session/sessionStore';
import { navigate, workspacePath } from '../../app/router';
import './sync.css';

/** Paste an invite code to join a workspace (shown on the workspace list). */
export function JoinByInvite() {
  const { t } = useTranslation('sync');
  const language = useSession((s) => s.language);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const join = async () => {
    setBusy(true);
    try {
      const result = await joinByInvite(code, language);
      setError(null);
      setCode('');
      navigate(workspacePath(result.workspaceId, 'sync'));
    } catch (err) {
      if (err instanceof InviteDecodeError) setError(t(`invite.errors.${err.reason}`));
      else setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="join-invite" aria-labelledby="join-title" data-testid="join-invite">
      <h2 id="join-title">{t('invite.joinTitle')}</h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void join();
        }}
      >
        <textarea aria-label={t('invite.joinTitle')} value={code} placeholder={t('invite.joinPlaceholder')} onChange={(e) => setCode(e.target.value)} rows={2} maxLength={4000} />
        <button type="submit" disabled={busy}>
          {t('invite.join')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
