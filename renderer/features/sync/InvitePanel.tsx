import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentWorkspace } from '../../workspace/useWorkspace';
import { inviteQrSvg, makeInvite } from '../../sync/inviteService';

/** Invite code + QR code for outside members (the code carries the room key: handle like a password). */
export function InvitePanel() {
  const { t } = useTranslation('sync');
  const current = useCurrentWorkspace((s) => s.current);
  const [code, setCode] = useState<string | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const make = async () => {
    if (!current) return;
    try {
      const c = makeInvite(current.id, current.doc);
      setCode(c);
      setError(null);
      setCopied(false);
      setQr(await inviteQrSvg(c));
    } catch (err) {
      const message = (err as Error).message;
      setError(message.startsWith('invite.') ? t(message) : message);
      setCode(null);
      setQr(null);
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
      <button type="button" onClick={() => void make()}>
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
            <p className="invite-code" data-testid="invite-code">
              {code}
            </p>
            <button type="button" onClick={() => void copy()}>
              {copied ? t('invite.copied') : t('invite.copy')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
