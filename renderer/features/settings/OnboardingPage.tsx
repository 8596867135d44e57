import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createIdentity, legacyName, type Profile } from '../../identity/identity';
import { getVault, useVaultState } from '../../vault';
import { checkNewPassphrase, PassphraseFields, type PassphraseProblem } from './PassphraseFields';
import { ProfileForm } from './ProfileForm';

/**
 * First start: who uses this laptop. Creates the profile and this device's key pairs. Where no OS
 * key store protects the vault (web mode), the person also chooses the passphrase that does
 * (asked again on each page load, renderer/features/vault/UnlockPage).
 */
export function OnboardingPage() {
  const { t } = useTranslation('app');
  const needsPassphrase = useVaultState((s) => s.status === 'absent');
  const [pass, setPass] = useState({ value: '', confirm: '' });
  const [problem, setProblem] = useState<PassphraseProblem | null>(null);
  const passRef = useRef(pass);
  passRef.current = pass;

  const precheck = () => {
    if (!needsPassphrase) return true;
    const p = checkNewPassphrase(passRef.current.value, passRef.current.confirm);
    setProblem(p);
    return p === null;
  };
  const submit = async (profile: Profile) => {
    if (getVault().status === 'absent') await getVault().create(passRef.current.value);
    await createIdentity(profile);
  };

  return (
    <main className="page onboarding-page" data-testid="onboarding">
      <h1>{t('onboarding.title')}</h1>
      <p>{t('onboarding.intro')}</p>
      <ProfileForm initial={{ name: legacyName(), unit: '', phone: '', email: '' }} submitLabel={t('onboarding.create')} busyLabel={t('onboarding.creating')} onSubmit={submit} precheck={precheck}>
        {needsPassphrase && <PassphraseFields value={pass.value} confirm={pass.confirm} problem={problem} onChange={(value, confirm) => setPass({ value, confirm })} />}
      </ProfileForm>
      <p className="muted small">{t('onboarding.changeLater')}</p>
    </main>
  );
}
