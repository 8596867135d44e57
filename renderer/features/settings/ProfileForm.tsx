import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { checkProfile, type Profile, type ProfileError, type ProfileField } from '../../identity/identity';

const FIELDS: ReadonlyArray<{ field: ProfileField; type: string; autoComplete: string; max: number }> = [
  { field: 'name', type: 'text', autoComplete: 'name', max: 80 },
  { field: 'unit', type: 'text', autoComplete: 'organization-title', max: 80 },
  { field: 'phone', type: 'tel', autoComplete: 'tel', max: 40 },
  { field: 'email', type: 'email', autoComplete: 'email', max: 120 },
];

/**
 * The person's profile (name required; unit, phone, e-mail optional), checked with the identity
 * store's schema; each refused field shows its translated reason. Used by the first-start screen
 * and by Settings (the only two places who you are can be set). `children` (first start: the
 * vault passphrase) are shown before the button; `precheck` checks them (false: not submitted).
 */
export function ProfileForm({
  initial,
  submitLabel,
  busyLabel,
  onSubmit,
  children,
  precheck,
}: {
  initial: Profile;
  submitLabel: string;
  busyLabel: string;
  onSubmit: (p: Profile) => Promise<void>;
  children?: ReactNode;
  precheck?: () => boolean;
}) {
  const { t } = useTranslation('app');
  const [values, setValues] = useState<Record<ProfileField, string>>(initial);
  const [errors, setErrors] = useState<Partial<Record<ProfileField, ProfileError>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const checked = checkProfile(values);
    const extraOk = precheck?.() ?? true;
    if (!checked.ok || !extraOk) {
      if (checked.ok) return setErrors({});
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(checked.profile);
      setFailure(null);
    } catch (err) {
      setFailure(t('errors.unknown', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="profile-form"
      data-testid="profile-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {FIELDS.map(({ field, type, autoComplete, max }) => (
        <label key={field} className="field">
          <span>{t(`profile.${field}`)}</span>
          <input
            name={field}
            type={type}
            autoComplete={autoComplete}
            value={values[field]}
            maxLength={max + 20}
            placeholder={t(`profile.${field}Placeholder`)}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={errors[field] ? `profile-${field}-error` : undefined}
            onChange={(e) => setValues({ ...values, [field]: e.target.value })}
          />
          {errors[field] && (
            <span className="error" id={`profile-${field}-error`} role="alert" data-testid={`profile-error-${field}`}>
              {t(`profile.errors.${errors[field]}`)}
            </span>
          )}
        </label>
      ))}
      {children}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
