import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '../../shared/languages';
import { useSession } from '../session/sessionStore';

/** Always-visible language switch: the persisted choice drives every screen. */
export function LanguageSwitch({ testId = 'language-switch', className = 'language-switch' }: { testId?: string; className?: string }) {
  const { t } = useTranslation('app');
  const language = useSession((s) => s.language);
  const setLanguage = useSession((s) => s.setLanguage);
  return (
    <select
      className={className}
      aria-label={t('settings.language')}
      data-testid={testId}
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
