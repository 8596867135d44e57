import { useTranslation } from 'react-i18next';
import { createIdentity, legacyName } from '../../identity/identity';
import { ProfileForm } from './ProfileForm';

/** First start: who uses this laptop. Creates the profile and this device's key pairs. */
export function OnboardingPage() {
  const { t } = useTranslation('app');
  return (
    <main className="page onboarding-page" data-testid="onboarding">
      <h1>{t('onboarding.title')}</h1>
      <p>{t('onboarding.intro')}</p>
      <ProfileForm initial={{ name: legacyName(), unit: '', phone: '', email: '' }} submitLabel={t('onboarding.create')} busyLabel={t('onboarding.creating')} onSubmit={createIdentity} />
      <p className="muted small">{t('onboarding.changeLater')}</p>
    </main>
  );
}
