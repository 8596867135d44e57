import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '../../shared/languages';
import { useSession } from '../session/sessionStore';

/** Always-visible language switch: the persisted choice drives every screen. */
export function LanguageSwitch() {
  const { t } = useTranslation('app');
  const language = useSession((s) => s.language);
  const setLanguage = useSession((s) => s.setLanguage);
  return (
    <select
      className="language-switch"
      aria-label={t('settings.language')}
      data-testid="language-switch"
      value={language}
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
  );
}
