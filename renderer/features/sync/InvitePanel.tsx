import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keyFingerprint, MEMBER_ROLES, type MemberRole } from '../../../shared/governance';
import { KeyFingerprint } from '../settings/KeyFingerprint';
import { useCurrentWorkspace } from '../../workspace/useWorkspace';
import { inviteQrSvg, makeInvite } from '../../sync/inviteService';
import { useIdentity, useTrustedGenesisKey } from '../../identity/identity';
import { useGovernance } from '../../identity/useGovernance';

/**
 * Invite code + QR code for outside members (the code carries the room key: handle like a
 * password). An owner picks the role of the person invited: the code then carries a one-time
 * admission, and this laptop admits the first person who joins with it. The code is signed with
 * this laptop's device key (its fingerprint is shown, to compare with what the joiner sees).
 */
export function InvitePanel() {
  const { t } = useTranslation('sync');
  const { t: tm } = useTranslation('members');
  const current = useCurrentWorkspace((s) => s.current);
  const gov = useGovernance();
  const myKey = useIdentity((s) => s.keys?.publicKey ?? null);
  const me = myKey ? gov?.roster.byKey.get(myKey) : undefined;
  const isOwner = Boolean(gov?.roster.settled && me && !me.removed && me.roles.includes('owner'));
  const anchor = useTrustedGenesisKey(current?.id ?? null);
  // Until the roster is verified we cannot tell an owner (whose code carries an admission) from a member.
  const checking = anchor === undefined || Boolean(anchor && (!gov || !gov.roster.settled));
  const [role, setRole] = useState<MemberRole>('editor');
  const [code, setCode] = useState<string | null>(null);
  const [madeRole, setMadeRole] = useState<MemberRole | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);

  const make = async () => {
    if (!current) return;
    setBusy(true);
    try {
      const c = await makeInvite(current.id, current.doc, isOwner ? role : undefined);
      setCode(c);
      setMadeRole(isOwner ? role : null);
      setError(null);
      setCopied(false);
      setQr(await inviteQrSvg(c));
    } catch (err) {
      const message = (err as Error).message;
      setError(message.startsWith('invite.') ? t(message) : message);
      setCode(null);
      setQr(null);
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!code) return;
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section aria-labelledby="invite-title" data-testid="invite-panel">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <p className="muted">{t('invite.explain')}</p>
      {checking ? (
        <p className="muted small" role="status" data-testid="invite-checking">
          {t('invite.checking')}
        </p>
      ) : isOwner ? (
        <label className="field invite-role">
          <span>{t('invite.role')}</span>
          <select aria-label={t('invite.role')} data-testid="invite-role" value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
            {MEMBER_ROLES.map((r) => (
              <option key={r} value={r}>
                {tm(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p className="muted small" data-testid="invite-not-owner">
          {t('invite.notOwnerHelp')}
        </p>
      )}
      <button type="button" onClick={() => void make()} disabled={busy || checking}>
        {t('invite.make')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {code && (
        <div className="row" style={{ alignItems: 'flex-start', gap: 16, marginTop: 8 }}>
          {/* The SVG comes from the qrcode package (our own code string, no markup from elsewhere). */}
          {qr && <div className="invite-qr" role="img" aria-label={t('invite.qrAlt')} dangerouslySetInnerHTML={{ __html: qr }} />}
          <div style={{ flex: 1 }}>
            {madeRole && (
              <p data-testid="invite-admission">
                <strong>{t('invite.oneTime', { role: tm(`roles.${madeRole}`) })}</strong>
              </p>
            )}
            <p className="invite-code" data-testid="invite-code">
              {code}
            </p>
            {myKey && (
              <p className="muted small" data-testid="invite-signed-with">
                {t('trust.signedWith')} <KeyFingerprint fingerprint={keyFingerprint(myKey)} testId="invite-signer-key" />
              </p>
            )}
            <button type="button" onClick={() => void copy()}>
              {copied ? t('invite.copied') : t('invite.copy')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
