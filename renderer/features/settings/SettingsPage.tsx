import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '../../../shared/languages';
import { useSession } from '../../session/sessionStore';

export function SettingsPage() {
  const { t } = useTranslation('app');
  const language = useSession((s) => s.language);
  const userName = useSession((s) => s.userName);
  const setLanguage = useSession((s) => s.setLanguage);
  const setUserName = useSession((s) => s.setUserName);
  return (
    <main className="page settings-page">
      <h1>{t('settings.title')}</h1>
      <label className="field">
        <span>{t('settings.language')}</span>
        <select
          value={language}
          data-testid="language-select"
          onChange={(e) => {
            if (isLanguage(e.target.value)) setLanguage(e.target.value);
          }}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('settings.userName')}</span>
        <input value={userName} placeholder={t('settings.userNamePlaceholder')} onChange={(e) => setUserName(e.target.value)} maxLength={80} />
      </label>
    </main>
  );
}
