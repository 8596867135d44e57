import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useSession } from '../../session/sessionStore';

export function SettingsPage() {
  const { t } = useTranslation('app');
  const userName = useSession((s) => s.userName);
  const setUserName = useSession((s) => s.setUserName);
  return (
    <main className="page settings-page">
      <h1>{t('settings.title')}</h1>
      <label className="field">
        <span>{t('settings.language')}</span>
        <LanguageSwitch testId="language-select" />
      </label>
      <label className="field">
        <span>{t('settings.userName')}</span>
        <input value={userName} placeholder={t('settings.userNamePlaceholder')} onChange={(e) => setUserName(e.target.value)} maxLength={80} />
      </label>
    </main>
  );
}
