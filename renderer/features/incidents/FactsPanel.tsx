import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readChildren, removeRecord, setField, type YCollection, type YRecord, recordId } from '../../../shared/doc/collection';
import { addFact } from '../../../shared/incidents/incidents';
import { FACT_KINDS, FactRecord, type FactKind, type Incident } from '../../../shared/incidents/types';
import { TextField } from '../../ui/fields';

/** The facts sheet: confirmed facts (label, value, kind) the statements are checked against. */
export function FactsPanel({ rec, incident }: { rec: YRecord; incident: Incident }) {
  const { t } = useTranslation('incidents');
  const [label, setLabel] = useState('');
  const [value, setValue] = useState('');
  const [kind, setKind] = useState<FactKind>('number');
  const labelRef = useRef<HTMLInputElement>(null);
  const records = readChildren(rec, 'facts');
  const byId = new Map(records.map((r) => [recordId(r), r]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!label.trim()) return;
    addFact(rec, { label, value, kind }, 'user');
    setLabel('');
    setValue('');
    // Ready for the next fact (the add button, now disabled, would otherwise drop the focus).
    labelRef.current?.focus();
  };
  return (
    <section className="panel facts-panel" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('facts.title')}</h2>
      <p className="muted small">{t('facts.hint')}</p>
      {incident.facts.length === 0 && <p className="muted">{t('facts.empty')}</p>}
      <ul className="fact-list">
        {incident.facts.map((f) => {
          const r = byId.get(f.id);
          if (!r) return null;
          return (
            <li key={f.id} className="record-row fact" data-testid="fact">
              <TextField record={r} def={FactRecord} field="label" label={t('facts.label')} value={f.label} maxLength={200} />
              <TextField record={r} def={FactRecord} field="value" label={t('facts.value')} value={f.value} maxLength={2000} />
              <label className="field field-number">
                <span>{t('facts.kind')}</span>
                <select aria-label={t('facts.kind')} value={f.kind} onChange={(e) => setField(r, 'kind', e.target.value, 'user')}>
                  {FACT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`facts.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="danger" aria-label={`✕ ${f.label}`} onClick={() => removeRecord(rec.get('facts') as YCollection, f.id, 'user')}>
                ✕
              </button>
            </li>
          );
        })}
      </ul>
      <form className="record-row" onSubmit={submit} data-testid="fact-form">
        <label className="field">
          <span>{t('facts.label')}</span>
          <input ref={labelRef} aria-label={t('facts.label')} data-testid="fact-label" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} />
        </label>
        <label className="field">
          <span>{t('facts.value')}</span>
          <input aria-label={t('facts.value')} data-testid="fact-value" value={value} onChange={(e) => setValue(e.target.value)} maxLength={2000} />
        </label>
        <label className="field field-number">
          <span>{t('facts.kind')}</span>
          <select aria-label={t('facts.kind')} value={kind} onChange={(e) => setKind(e.target.value as FactKind)}>
            {FACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`facts.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!label.trim()} data-testid="fact-add">
          {t('facts.add')}
        </button>
      </form>
    </section>
  );
}
