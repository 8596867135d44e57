import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../shared/languages';
import { useSession } from '../session/sessionStore';
import { namespaces } from './resources';

/** i18next with one namespace per feature; the language follows the persisted session choice. */
export function initI18n(): typeof i18next {
  if (i18next.isInitialized) return i18next;
  const resources: Record<string, Record<string, object>> = {};
  for (const lang of LANGUAGES) {
    resources[lang] = {};
    for (const [ns, bundle] of Object.entries(namespaces)) resources[lang]![ns] = bundle[lang];
  }
  void i18next.use(initReactI18next).init({
    resources,
    lng: useSession.getState().language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(namespaces),
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyLanguage(useSession.getState().language);
  useSession.subscribe((s, prev) => {
    if (s.language !== prev.language) applyLanguage(s.language);
  });
  return i18next;
}

function applyLanguage(lang: Language): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang || DEFAULT_LANGUAGE;
}
