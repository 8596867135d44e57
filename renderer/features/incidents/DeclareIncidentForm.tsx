import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { declareIncident } from '../../../shared/incidents/incidents';
import { fitToLevels, suggestSeverity } from '../../../shared/incidents/severity';
import { navigate, workspacePath } from '../../app/router';
import { useSession } from '../../session/sessionStore';
import { fromLocalInput, toLocalInput } from './format';
import { useCrisisTypes, useSeverityLevels, useUnitNames } from './hooks';
import { incidentPath } from './IncidentList';

const SCORES = [1, 2, 3, 4, 5];

function ScoreSelect({ label, value, onChange, testId }: { label: string; value: number; onChange: (v: number) => void; testId: string }) {
  return (
    <label className="field field-number">
      <span>{label}</span>
      <select aria-label={label} data-testid={testId} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {SCORES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Declaring an incident: name, crisis type, risk factors → suggested severity (overridable with
 * a reason), T0 (defaults to now). Everything else has a sensible default so the team is in the
 * incident room in a few actions.
 */
export function DeclareIncidentForm({ doc, workspaceId }: { doc: Y.Doc; workspaceId: string }) {
  const { t } = useTranslation('incidents');
  const userName = useSession((s) => s.userName);
  const types = useCrisisTypes(doc);
  const levels = useSeverityLevels(doc);
  const units = useUnitNames(doc);
  const [title, setTitle] = useState('');
  const [typeId, setTypeId] = useState('');
  const [risk, setRisk] = useState({ likelihood: 3, loss: 3, feasibility: 3 });
  const [chosen, setChosen] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [t0, setT0] = useState(() => toLocalInput(Date.now()));
  const [product, setProduct] = useState('');
  // Kept as a key (and the raw detail), worded at render: it follows a switch of the UI language.
  const [error, setError] = useState<{ key: 'form.invalid' | 'form.reasonNeeded' | 'errors.generic'; message?: string } | null>(null);

  const levelNumbers = useMemo(() => levels.map((l) => l.level), [levels]);
  const suggested = fitToLevels(suggestSeverity(risk), levelNumbers);
  const severity = chosen ?? suggested;
  const needsReason = severity !== suggested;
  const levelName = (lvl: number) => levels.find((l) => l.level === lvl)?.name || t('severityLevel', { level: lvl });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const type = types.find((x) => x.id === typeId);
    if (!title.trim() || !type) {
      setError({ key: 'form.invalid' });
      return;
    }
    if (needsReason && !reason.trim()) {
      setError({ key: 'form.reasonNeeded' });
      return;
    }
    const at = fromLocalInput(t0);
    try {
      const id = declareIncident(
        doc,
        {
          title: title.trim(),
          drill: false,
          crisisTypeId: type.id,
          risk,
          severity,
          overrideReason: reason,
          t0: Number.isFinite(at) ? at : Date.now(),
          declaredBy: userName,
          facts: product.trim() ? [{ label: t('facts.productLabel'), value: product.trim(), kind: 'model' }] : [],
        },
        { crisisType: type, unitIds: new Set(units.keys()), levels: levelNumbers },
        'user',
      );
      navigate(incidentPath(workspaceId, { id, drill: false }));
    } catch (err) {
      setError({ key: 'errors.generic', message: (err as Error).message });
    }
  };

  return (
    <main className="page incidents-page">
      <a href={workspacePath(workspaceId, 'incidents')}>{t('room.back')}</a>
      <h1>{t('form.heading')}</h1>
      <form className="declare-form detail" onSubmit={submit} data-testid="declare-form">
        <label className="field">
          <span>{t('form.title')}</span>
          <input aria-label={t('form.title')} data-testid="incident-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoFocus />
        </label>
        <label className="field">
          <span>{t('form.crisisType')}</span>
          <select aria-label={t('form.crisisType')} data-testid="incident-type" value={typeId} onChange={(e) => setTypeId(e.target.value)}>
            <option value="">{t('form.chooseType')}</option>
            {types.map((ct) => (
              <option key={ct.id} value={ct.id}>
                {ct.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="risk">
          <legend>{t('form.risk')}</legend>
          <div className="record-row">
            <ScoreSelect label={t('form.likelihood')} value={risk.likelihood} onChange={(v) => setRisk({ ...risk, likelihood: v })} testId="risk-likelihood" />
            <ScoreSelect label={t('form.loss')} value={risk.loss} onChange={(v) => setRisk({ ...risk, loss: v })} testId="risk-loss" />
            <ScoreSelect label={t('form.feasibility')} value={risk.feasibility} onChange={(v) => setRisk({ ...risk, feasibility: v })} testId="risk-feasibility" />
          </div>
          <p data-testid="suggested-severity">{t('form.suggested', { level: levelName(suggested) })}</p>
        </fieldset>
        <div className="record-row">
          <label className="field">
            <span>{t('form.severity')}</span>
            <select aria-label={t('form.severity')} data-testid="incident-severity" value={severity} onChange={(e) => setChosen(Number(e.target.value))}>
              {(levels.length ? levels : [1, 2, 3, 4].map((level) => ({ level, name: '' }))).map((l) => (
                <option key={l.level} value={l.level}>
                  {l.name || t('severityLevel', { level: l.level })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('form.t0')}</span>
            <input type="datetime-local" aria-label={t('form.t0')} data-testid="incident-t0" value={t0} onChange={(e) => setT0(e.target.value)} />
          </label>
        </div>
        {needsReason && (
          <label className="field">
            <span>{t('form.reason')}</span>
            <input aria-label={t('form.reason')} data-testid="severity-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!reason.trim()} />
            <span className="small">{t('form.reasonNeeded')}</span>
          </label>
        )}
        <label className="field">
          <span>{t('form.product')}</span>
          <input aria-label={t('form.product')} data-testid="incident-product" value={product} onChange={(e) => setProduct(e.target.value)} maxLength={200} />
        </label>
        {error && (
          <p className="error" role="alert">
            {t(error.key, { message: error.message ?? '' })}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" data-testid="declare-submit">
            {t('form.submit')}
          </button>
          <a href={workspacePath(workspaceId, 'incidents')}>{t('form.cancel')}</a>
        </div>
      </form>
    </main>
  );
}
