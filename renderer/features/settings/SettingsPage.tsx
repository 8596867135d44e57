import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { updateProfile, useIdentity, type Profile } from '../../identity/identity';
import { ProfileForm } from './ProfileForm';
import { KeyFingerprint } from './KeyFingerprint';
import { settingsPanels } from '../../app/settingsPanels';

export function SettingsPage() {
  const { t } = useTranslation('app');
  const profile = useIdentity((s) => s.profile);
  const fingerprint = useIdentity((s) => s.fingerprint);
  const [saved, setSaved] = useState(false);
  const save = async (p: Profile) => {
    await updateProfile(p);
    setSaved(true);
  };
  return (
    <main className="page settings-page">
      <h1>{t('settings.title')}</h1>
      <label className="field">
        <span>{t('settings.language')}</span>
        <LanguageSwitch testId="language-select" />
      </label>
      <section aria-labelledby="profile-title" data-testid="profile-settings">
        <h2 id="profile-title">{t('profile.title')}</h2>
        <p className="muted">{t('profile.intro')}</p>
        {profile && <ProfileForm key={JSON.stringify(profile)} initial={profile} submitLabel={t('profile.save')} busyLabel={t('profile.saving')} onSubmit={save} />}
        {saved && (
          <p className="muted" role="status" data-testid="profile-saved">
            {t('profile.saved')}
          </p>
        )}
      </section>
      {fingerprint && (
        <section aria-labelledby="key-title" data-testid="own-key">
          <h2 id="key-title">{t('profile.keyTitle')}</h2>
          <p className="muted">{t('profile.keyHelp')}</p>
          <KeyFingerprint fingerprint={fingerprint} testId="own-fingerprint" />
        </section>
      )}
      {settingsPanels.map((p) => (
        <div key={p.id}>{p.render()}</div>
      ))}
    </main>
  );
}
