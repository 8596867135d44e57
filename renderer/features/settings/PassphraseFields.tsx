import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../vault';

export type PassphraseProblem = 'passphraseTooShort' | 'passphraseMismatch';

/** Checks a new passphrase as typed: null when fine. */
export function checkNewPassphrase(passphrase: string, confirm: string): PassphraseProblem | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return 'passphraseTooShort';
  if (passphrase !== confirm) return 'passphraseMismatch';
  return null;
}

/** A new passphrase and its confirmation, with the refusal reason under them. */
export function PassphraseFields({ value, confirm, problem, onChange }: { value: string; confirm: string; problem: PassphraseProblem | null; onChange: (value: string, confirm: string) => void }) {
  const { t } = useTranslation('vault');
  return (
    <fieldset className="passphrase-fields" data-testid="passphrase-fields">
      <p className="muted small">{t('passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}</p>
      <label className="field">
        <span>{t('passphrase')}</span>
        <input name="passphrase" type="password" autoComplete="new-password" value={value} aria-invalid={problem === 'passphraseTooShort' ? true : undefined} onChange={(e) => onChange(e.target.value, confirm)} />
      </label>
      <label className="field">
        <span>{t('passphraseConfirm')}</span>
        <input name="passphraseConfirm" type="password" autoComplete="new-password" value={confirm} aria-invalid={problem === 'passphraseMismatch' ? true : undefined} onChange={(e) => onChange(value, e.target.value)} />
      </label>
      {problem && (
        <span className="error" role="alert" data-testid="passphrase-error">
          {t(`errors.${problem}`, { min: MIN_PASSPHRASE_LENGTH })}
        </span>
      )}
    </fieldset>
  );
}
