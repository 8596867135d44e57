import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { injectAt } from '../../../shared/drills/scenario';
import { openTasks } from '../../../shared/incidents/tasks';
import { useFacilitatorLink } from '../../exerciseClock/clockService';
import { useDrillClock, useFacilitator, useIncidentNow } from '../../exerciseClock/useExerciseClock';
import { formatTime, formatTimeZone, formatWhen } from '../../i18n/format';
import { elapsedText, offsetText } from './format';
import { useIncident, useSeverityLevels, useUnitNames } from './hooks';
import { logEntryText, useLevelName } from './logText';
import { incidentPath } from './IncidentList';
import { useScenarioOf } from './IncidentRoom';
import './incidents.css';

type ProjectorTheme = 'dark' | 'light';
const THEME_KEY = 'crisis-room.projector-theme';

/** Dark unless this laptop chose light (a washed-out projector in a bright room); kept per laptop. */
function useProjectorTheme(): [ProjectorTheme, () => void] {
  const [theme, setTheme] = useState<ProjectorTheme>(() => (localStorage.getItem(THEME_KEY) === 'light' ? 'light' : 'dark'));
  const toggle = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(THEME_KEY, next);
    setTheme(next);
  };
  return [theme, toggle];
}

/**
 * The situation board for a projector: clock, severity, open tasks, latest injects and the
 * timeline, in type readable across a room. Full screen, no app chrome.
 */
export function ProjectorView({ doc, workspaceId, incidentId }: { doc: Y.Doc; workspaceId: string; incidentId: string }) {
  const { t, i18n } = useTranslation('incidents');
  const td = useTranslation('drills').t;
  const { rec, incident } = useIncident(doc, incidentId);
  const facilitator = useFacilitator(incident?.drill ? rec : null);
  // Full screen hides the top bar that normally keeps this laptop in step with the facilitator.
  useFacilitatorLink(incident?.drill && incident.state === 'active' ? facilitator.deviceId || null : null);
  const now = useIncidentNow(rec, incident, 500);
  const clock = useDrillClock(incident?.drill ? rec : null);
  const levels = useSeverityLevels(doc);
  const units = useUnitNames(doc);
  const scenario = useScenarioOf(doc, incident);
  const nameOf = useLevelName(doc);
  const [theme, toggleTheme] = useProjectorTheme();
  if (!incident) return <p className="projector error" data-theme={theme}>{t('errors.notFound')}</p>;
  const levelName = levels.find((l) => l.level === incident.severity)?.name || t('severityLevel', { level: incident.severity });
  const tasks = openTasks(incident.tasks).slice(0, 6);
  const injects = scenario ? scenario.injects.filter((i) => injectAt(i, incident.t0) <= now).slice(-3).reverse() : [];
  const timeline = [...incident.log].sort((a, b) => b.at - a.at).slice(0, 6);
  return (
    <div className={`projector sev-${incident.severity}${incident.drill ? ' is-drill' : ''}`} data-theme={theme} data-testid="projector">
      <header className="projector-head">
        {incident.drill && <span className="drill-ribbon">{t('badge.drill')}</span>}
        <h1>{incident.title}</h1>
        <button type="button" className="projector-theme" data-testid="projector-theme" onClick={toggleTheme}>
          {theme === 'dark' ? t('projectorView.theme.toLight') : t('projectorView.theme.toDark')}
        </button>
        <a className="projector-exit" href={incidentPath(workspaceId, incident)}>
          {t('projectorView.exit')}
        </a>
      </header>
      <div className="projector-top">
        <div className="projector-clock">
          <span className="projector-label">{incident.drill ? t('projectorView.exercise') : t('projectorView.incident')}</span>
          <strong data-testid="projector-clock">{formatTime(i18n.language, now, { seconds: true })}</strong>
          <span className="projector-zone" data-testid="projector-zone">{formatTimeZone(i18n.language, now)}</span>
          <span className="projector-elapsed">
            {elapsedText(now - incident.t0)}
            {clock && ` · ${clock.status === 'running' ? td('clock.running') : td('clock.paused')} ${clock.speed}×`}
          </span>
        </div>
        <div className="projector-severity">
          <span className="projector-label">{t('room.severity')}</span>
          <strong data-testid="projector-severity">{levelName}</strong>
        </div>
      </div>
      <div className="projector-grid">
        <section>
          <h2>{t('projectorView.openTasks')}</h2>
          <ul>
            {tasks.length === 0 && <li>{t('projectorView.none')}</li>}
            {tasks.map((task) => (
              <li key={task.id} className={task.dueAt < now ? 'late' : ''}>
                <span className="projector-time" data-testid="projector-task-due">{formatWhen(i18n.language, task.dueAt, now)}</span> {task.title}
                {(task.ownerName || task.ownerUnitId) && (
                  <span className="projector-owner" data-testid="projector-task-owner">
                    {' · '}
                    {[task.ownerName, task.ownerUnitId ? units.get(task.ownerUnitId) : ''].filter(Boolean).join(' / ')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
        {incident.drill && (
          <section>
            <h2>{t('projectorView.latestInjects')}</h2>
            <ul>
              {injects.length === 0 && <li>{t('projectorView.none')}</li>}
              {injects.map((inj) => (
                <li key={inj.id} data-testid="projector-inject">
                  <span className="projector-time">{offsetText(inj.offsetMinutes)}</span> <span className="projector-channel">{td(`channels.${inj.channel}`)}</span> {inj.content}
                </li>
              ))}
            </ul>
          </section>
        )}
        <section>
          <h2>{t('projectorView.timeline')}</h2>
          <ul>
            {timeline.length === 0 && <li>{t('projectorView.none')}</li>}
            {timeline.map((e) => (
              <li key={e.id}>
                <span className="projector-time">{elapsedText(e.at - incident.t0)}</span> <span className="projector-channel">{t(`log.categories.${e.category}`)}</span> {logEntryText(t, e, nameOf)}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
