import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { YRecord } from '../../../shared/doc/collection';
import { addFact, factsFor, incidentOf, removeFact } from '../../../shared/statements/factsheet';
import { FACT_KINDS, type FactKind } from '../../../shared/statements/types';
import { runAction } from './actions';
import { useDeepVersion } from './hooks';
import type { AnyYType } from './hooks';

/**
 * The key facts the statement is checked against: the incident's facts sheet when the statement
 * belongs to an incident, otherwise its own.
 */
export const FactsPanel = memo(function FactsPanel({ doc, rec }: { doc: Y.Doc; rec: YRecord }) {
  const { t } = useTranslation('statements');
  const incident = incidentOf(doc, rec);
  useDeepVersion((incident ?? rec.get('facts')) as AnyYType | undefined);
  const facts = factsFor(doc, rec);
  const [label, setLabel] = useState('');
  const [value, setValue] = useState('');
  const [kind, setKind] = useState<FactKind>('number');
  const [keywords, setKeywords] = useState('');

  const add = () => {
    if (runAction(t, () => addFact(doc, rec, { label, value, kind, keywords }))) {
      setLabel('');
      setValue('');
      setKeywords('');
    }
  };

  return (
    <section className="facts-panel" data-testid="facts-panel">
      <p className="muted small">{incident ? t('facts.fromIncident', { title: String(incident.get('title') ?? '') }) : t('facts.own')}</p>
      {facts.length === 0 ? (
        <p className="muted small">{t('facts.none')}</p>
      ) : (
        <table className="facts-table">
          <thead>
            <tr>
              <th>{t('facts.label')}</th>
              <th>{t('facts.value')}</th>
              <th>{t('facts.kind')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {facts.map((f) => (
              <tr key={f.id} data-testid="fact-row">
                <td>{f.label}</td>
                <td>{f.value}</td>
                <td>{t(`factKind.${f.kind}`)}</td>
                <td>
                  <button type="button" className="link" aria-label={t('facts.remove', { label: f.label })} onClick={() => runAction(t, () => removeFact(doc, rec, f.id))}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="fact-form">
        <label className="field">
          <span>{t('facts.label')}</span>
          <input value={label} data-testid="fact-label" onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('facts.value')}</span>
          <input value={value} data-testid="fact-value" onChange={(e) => setValue(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('facts.kind')}</span>
          <select value={kind} data-testid="fact-kind" onChange={(e) => setKind(e.target.value as FactKind)}>
            {FACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`factKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('facts.keywords')}</span>
          <input value={keywords} placeholder={t('facts.keywordsHint')} data-testid="fact-keywords" onChange={(e) => setKeywords(e.target.value)} />
        </label>
        <button type="button" data-testid="add-fact" disabled={!label.trim() || !value.trim()} onClick={add}>
          {t('facts.add')}
        </button>
      </div>
    </section>
  );
});
