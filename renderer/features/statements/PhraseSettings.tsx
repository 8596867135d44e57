import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { workspacePath } from '../../app/router';
import { useSession } from '../../session/sessionStore';
import { LANGUAGES, type Language } from '../../../shared/languages';
import { addCustomPhrase, customPhrases, isShippedPhraseEnabled, phraseInputSchema, phraseSettingsOf, removeCustomPhrase, setShippedPhraseEnabled } from '../../../shared/statements/lint';
import { DEFAULT_RISKY_PHRASES, RISK_CATEGORIES, type RiskCategory } from '../../../shared/statements/phrases';
import { runAction } from './actions';
import { useDeepVersion } from './hooks';

/** The team's risky-phrase lists: shipped phrases on/off, and their own phrases. */
export function PhraseSettings({ doc, wsId }: { doc: Y.Doc; wsId: string }) {
  const { t } = useTranslation('statements');
  const uiLanguage = useSession((s) => s.language);
  useDeepVersion(phraseSettingsOf(doc));
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [category, setCategory] = useState<RiskCategory>('liability');
  const [pattern, setPattern] = useState('');
  const [isRegex, setIsRegex] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const shipped = DEFAULT_RISKY_PHRASES.filter((p) => p.language === language);
  const custom = customPhrases(doc).filter((p) => p.language === language);

  const add = () => {
    const parsed = phraseInputSchema.safeParse({ language, category, pattern, isRegex, reason });
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => i.message).join('; '));
      return;
    }
    if (runAction(t, () => addCustomPhrase(doc, parsed.data))) {
      setPattern('');
      setReason('');
      setError('');
    }
  };

  return (
    <main className="page statements-page phrase-settings">
      <a href={workspacePath(wsId, 'statements')} className="muted">
        ← {t('title')}
      </a>
      <h1>{t('phrases.title')}</h1>
      <p className="muted">{t('phrases.intro')}</p>
      <label className="field inline">
        <span>{t('fields.language')}</span>
        <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <h2 className="small-heading">{t('phrases.custom')}</h2>
      {custom.length === 0 ? (
        <p className="muted small">{t('phrases.noCustom')}</p>
      ) : (
        <ul className="phrase-list">
          {custom.map((p) => (
            <li key={p.id}>
              <code lang={language}>{p.pattern}</code> · {t(`riskCategory.${p.category}`)} {p.reason && `· ${p.reason}`}
              <button type="button" className="link" onClick={() => runAction(t, () => removeCustomPhrase(doc, p.id))}>
                {t('phrases.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="record-row">
        <label className="field">
          <span>{t('phrases.pattern')}</span>
          <input value={pattern} lang={language} onChange={(e) => setPattern(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('phrases.category')}</span>
          <select value={category} onChange={(e) => setCategory(e.target.value as RiskCategory)}>
            {RISK_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`riskCategory.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('phrases.reason')}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <label className="small">
          <input type="checkbox" checked={isRegex} onChange={(e) => setIsRegex(e.target.checked)} /> {t('phrases.isRegex')}
        </label>
        <button type="button" disabled={!pattern.trim()} onClick={add}>
          {t('phrases.add')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h2 className="small-heading">{t('phrases.shipped')}</h2>
      <ul className="phrase-list">
        {shipped.map((p) => (
          <li key={p.id}>
            <label>
              <input type="checkbox" checked={isShippedPhraseEnabled(doc, p.id)} onChange={(e) => runAction(t, () => setShippedPhraseEnabled(doc, p.id, e.target.checked))} />{' '}
              <code lang={language}>{p.pattern}</code> · {t(`riskCategory.${p.category}`)}
            </label>
          </li>
        ))}
      </ul>
    </main>
  );
}
