import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { YRecord } from '../../../shared/doc/collection';
import { changeSeverity } from '../../../shared/incidents/incidents';
import type { Incident } from '../../../shared/incidents/types';
import { useSession } from '../../session/sessionStore';
import { incidentNowFor } from '../../exerciseClock/useExerciseClock';

/** Severity in force, with a change control that asks for a reason when leaving the suggestion. */
export function SeverityControl({ rec, incident, levels }: { rec: YRecord; incident: Incident; levels: Array<{ level: number; name: string }> }) {
  const { t } = useTranslation('incidents');
  const userName = useSession((s) => s.userName);
  const [editing, setEditing] = useState(false);
  const [level, setLevel] = useState(incident.severity);
  const [reason, setReason] = useState('');
  // A key, not a text: a message already shown follows a switch of the UI language.
  const [error, setError] = useState<'form.reasonNeeded' | null>(null);
  const name = (lvl: number) => levels.find((l) => l.level === lvl)?.name || t('severityLevel', { level: lvl });
  const needsReason = level !== incident.suggestedSeverity;

  const apply = () => {
    try {
      const text = needsReason ? t('room.severityChanged', { from: name(incident.severity), to: name(level), reason: reason.trim() }) : t('room.severityChangedPlain', { to: name(level) });
      changeSeverity(rec, level, reason, userName, incidentNowFor(rec, incident.drill), text, 'user');
      setEditing(false);
      setReason('');
      setError(null);
    } catch {
      setError('form.reasonNeeded');
    }
  };

  return (
    <div className={`severity sev-${incident.severity}`} data-testid="severity">
      <span className="severity-label">{t('room.severity')}</span>
      <strong className="severity-value" data-testid="severity-value">
        {name(incident.severity)}
      </strong>
      {incident.overrideReason && <span className="muted small">({incident.overrideReason})</span>}
      {incident.state === 'active' && !editing && (
        <button
          type="button"
          className="link"
          data-testid="severity-change"
          onClick={() => {
            setLevel(incident.severity);
            setEditing(true);
          }}
        >
          {t('room.changeSeverity')}
        </button>
      )}
      {editing && (
        <span className="row">
          <select aria-label={t('room.severity')} data-testid="severity-select" value={level} onChange={(e) => setLevel(Number(e.target.value))}>
            {levels.map((l) => (
              <option key={l.level} value={l.level}>
                {l.name || t('severityLevel', { level: l.level })}
              </option>
            ))}
          </select>
          {needsReason && <input aria-label={t('room.severityReason')} data-testid="severity-reason-input" placeholder={t('room.severityReason')} value={reason} onChange={(e) => setReason(e.target.value)} />}
          <button type="button" className="primary" data-testid="severity-apply" onClick={apply} disabled={level === incident.severity || (needsReason && !reason.trim())}>
            {t('room.apply')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            ✕
          </button>
          {error && <span className="error" role="alert" data-testid="severity-error">{t(error)}</span>}
        </span>
      )}
    </div>
  );
}
