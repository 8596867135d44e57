import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { joinByInvite, type JoinResult } from '../../sync/inviteService';
import { InviteDecodeError } from '../../../shared/sync/invite';
import { keyFingerprint } from '../../../shared/governance';
import { useSession } from '../../session/sessionStore';
import { navigate, workspacePath } from '../../app/router';
import { KeyFingerprint } from '../settings/KeyFingerprint';
import './sync.css';

type Conflict = Extract<JoinResult, { status: 'anchorConflict' }>;

/**
 * Paste an invite code to join a workspace (shown on the workspace list and the team page).
 * When this laptop already trusts another creator key for the workspace, nothing happens until
 * the person chooses explicitly: keep the key they trust, or take the invite's.
 */
export function JoinByInvite() {
  const { t } = useTranslation('sync');
  const language = useSession((s) => s.language);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const join = async (replaceAnchor = false) => {
    setBusy(true);
    try {
      const result = await joinByInvite(code, language, { replaceAnchor });
      if (result.status === 'anchorConflict') {
        setConflict(result);
        setError(null);
        return;
      }
      setConflict(null);
      setError(null);
      setCode('');
      navigate(workspacePath(result.workspaceId, 'sync'));
    } catch (err) {
      if (err instanceof InviteDecodeError) setError(t(`invite.errors.${err.reason}`));
      else {
        const message = (err as Error).message;
        setError(message.startsWith('invite.') ? t(message) : message);
      }
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
          setConflict(null);
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
      {conflict && (
        <div className="sync-banner anchor-conflict" role="alertdialog" aria-labelledby="anchor-conflict-title" data-testid="anchor-conflict">
          <p id="anchor-conflict-title">
            <strong>{t('invite.anchor.title', { name: conflict.invite.workspaceName })}</strong>
          </p>
          <p>{t('invite.anchor.explain')}</p>
          <p>
            {t('invite.anchor.trusted')} <KeyFingerprint fingerprint={keyFingerprint(conflict.trusted)} testId="anchor-trusted" />
          </p>
          <p>
            {t('invite.anchor.offered')} <KeyFingerprint fingerprint={keyFingerprint(conflict.invite.genesisKey)} testId="anchor-offered" />
          </p>
          <div className="row">
            <button type="button" className="primary" onClick={() => setConflict(null)}>
              {t('invite.anchor.keep')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void join(true)}>
              {t('invite.anchor.replace')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
