import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getVault, MIN_PASSPHRASE_LENGTH, VaultError } from '../../vault';
import { checkNewPassphrase, PassphraseFields, type PassphraseProblem } from '../settings/PassphraseFields';

/**
 * Shown before anything else while the vault is locked (web mode, or no OS key store): the
 * passphrase unlocks this laptop's master key. A wrong one says so and changes nothing.
 * `setup`: a laptop upgraded from before encryption chooses its passphrase (its data is then
 * copied over encrypted, renderer/workspace/migrate.ts).
 */
export function UnlockPage({ setup = false }: { setup?: boolean }) {
  const { t } = useTranslation('vault');
  const [value, setValue] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<PassphraseProblem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (setup) {
      const p = checkNewPassphrase(value, confirm);
      setProblem(p);
      if (p) return;
    }
    setBusy(true);
    setError(null);
    try {
      if (setup) await getVault().create(value);
      else await getVault().unlock(value);
    } catch (err) {
      setError(err instanceof VaultError ? t(`errors.${err.code}`, { min: MIN_PASSPHRASE_LENGTH }) : t('errors.unknown', { message: (err as Error).message }));
      setBusy(false);
    }
  };

  return (
    <main className="page onboarding-page" data-testid={setup ? 'vault-setup' : 'unlock'}>
      <h1>{t(setup ? 'setupTitle' : 'unlockTitle')}</h1>
      <p>{t(setup ? 'setupIntro' : 'unlockIntro')}</p>
      <form
        className="profile-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {setup ? (
          <PassphraseFields value={value} confirm={confirm} problem={problem} onChange={(v, c) => (setValue(v), setConfirm(c))} />
        ) : (
          <label className="field">
            <span>{t('passphrase')}</span>
            <input name="passphrase" type="password" autoComplete="current-password" autoFocus value={value} onChange={(e) => setValue(e.target.value)} />
          </label>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t(setup ? 'settingUp' : 'unlocking') : t(setup ? 'setup' : 'unlock')}
        </button>
        {error && (
          <p className="error" role="alert" data-testid="unlock-error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
