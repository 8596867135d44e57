import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { confirm } from '../../ui/confirm';
import type * as Y from 'yjs';
import { listScenarios, scenariosOf } from '../../../shared/drills/scenario';
import { situationSummary } from '../../../shared/incidents/cadence';
import { closeIncident } from '../../../shared/incidents/incidents';
import type { Incident } from '../../../shared/incidents/types';
import { workspacePath } from '../../app/router';
import { useYSnapshot } from '../../hooks/useY';
import { useToasts } from '../../ui/toasts';
import { useIncidentNow } from '../../exerciseClock/useExerciseClock';
import type { DrillViews } from './drillViews';
import { AttachmentsPanel } from './AttachmentsPanel';
import { FactsPanel } from './FactsPanel';
import { formatDateTime, formatTime, formatWhen } from '../../i18n/format';
import { elapsedText } from './format';
import { useCrisisTypes, useIncident, useSeverityLevels, useUnitNames } from './hooks';
import { IncidentBadges, incidentPath } from './IncidentList';
import { LogPanel } from './LogPanel';
import { RoomNotesPanel } from './RoomNotesPanel';
import { SeverityControl } from './SeverityControl';
import { StatementsPanel } from './StatementsPanel';
import { TasksPanel } from './TasksPanel';
import './incidents.css';

/** The scenario a drill plays (null for a real incident or a deleted scenario). */
export function useScenarioOf(doc: Y.Doc, incident: Pick<Incident, 'drill' | 'scenarioId'> | null) {
  return useYSnapshot(scenariosOf(doc), () => (incident?.drill ? (listScenarios(doc).find((s) => s.id === incident.scenarioId) ?? null) : null)) ?? null;
}

function SummaryCard({ incident, now, unitNames }: { incident: Incident; now: number; unitNames: Map<string, string> }) {
  const { t, i18n } = useTranslation('incidents');
  const s = situationSummary(incident, now);
  const show = useToasts((st) => st.show);
  const overdue = incident.state === 'active' && s.update.overdue;
  const wasOverdue = useRef(overdue);
  useEffect(() => {
    // A reminder the moment a status update falls due (not on every render while it stays overdue).
    if (overdue && !wasOverdue.current) show({ text: `${incident.title}: ${t('room.updateNow')}`, ttl: 8000 });
    wasOverdue.current = overdue;
  }, [overdue, show, t, incident.title]);
  return (
    <section className="panel summary" aria-labelledby="summary-title" data-testid="situation-summary">
      <h2 id="summary-title">{t('room.summary')}</h2>
      <div className="summary-grid">
        <span className="summary-big">{t('room.openTasks', { count: s.openTasks })}</span>
        <span className={`summary-big${s.overdueTasks ? ' warn' : ''}`}>{t('room.overdueTasks', { count: s.overdueTasks })}</span>
        <span className="summary-big">{t('room.doneTasks', { done: s.doneTasks, total: s.totalTasks })}</span>
      </div>
      <p>
        {s.nextTask
          ? t('room.nextTask', { title: `${s.nextTask.title}${s.nextTask.ownerUnitId ? ` · ${unitNames.get(s.nextTask.ownerUnitId) ?? ''}` : ''}`, due: formatWhen(i18n.language, s.nextTask.dueAt, now) })
          : t('room.noNextTask')}
      </p>
      {incident.state === 'active' && (
        <p className={`update-reminder${s.update.overdue ? ' overdue' : ''}`} role={s.update.overdue ? 'alert' : undefined} data-testid="update-reminder" data-overdue={s.update.overdue}>
          {s.update.overdue ? t('room.updateOverdue', { min: Math.ceil(-s.update.minutesLeft) }) : t('room.updateDue', { min: Math.max(0, Math.floor(s.update.minutesLeft)) })}{' '}
          <span className="muted small">{t('room.updateCadence', { level: incident.severity, cadence: s.update.cadence })}</span>{' '}
          <span className="muted small" data-testid="update-resets">
            {t('room.updateResets')}
          </span>
        </p>
      )}
    </section>
  );
}

/** The incident room: situation, tasks, log, facts and statements — for real incidents and drills. */
export function IncidentRoom({ doc, workspaceId, incidentId, drillViews }: { doc: Y.Doc; workspaceId: string; incidentId: string; drillViews: DrillViews }) {
  const DrillPanel = drillViews.Panel;
  const { t, i18n } = useTranslation('incidents');
  const { rec, incident } = useIncident(doc, incidentId);
  const now = useIncidentNow(rec, incident);
  const types = useCrisisTypes(doc);
  const levels = useSeverityLevels(doc);
  const unitNames = useUnitNames(doc);
  const scenario = useScenarioOf(doc, incident);
  if (!rec || !incident) {
    return (
      <main className="page">
        <a href={workspacePath(workspaceId, 'incidents')}>{t('room.back')}</a>
        <p className="error">{t('errors.notFound')}</p>
      </main>
    );
  }
  const type = types.find((x) => x.id === incident.crisisTypeId);
  const dueInjects = scenario ? scenario.injects.filter((i) => incident.t0 + i.offsetMinutes * 60_000 <= now) : [];
  return (
    <main className={`page incident-room${incident.drill ? ' is-drill' : ''}`} data-testid="incident-room" data-drill={incident.drill}>
      <a href={workspacePath(workspaceId, incident.drill ? 'drills' : 'incidents')}>{t('room.back')}</a>
      <header className="room-header">
        <h1>
          {incident.drill && <span className="drill-ribbon">{t('badge.drill')}</span>} {incident.title}
        </h1>
        <IncidentBadges incident={incident} />
        <span className="muted">{type?.name}</span>
        <span className="spacer" />
        <a href={incidentPath(workspaceId, incident, 'projector')} data-testid="open-projector">
          {t('room.projector')}
        </a>
        {(incident.drill || incident.state === 'closed') && (
          <a href={incidentPath(workspaceId, incident, 'review')} data-testid="open-review">
            {t('room.review')}
          </a>
        )}
        {!incident.drill && incident.state === 'active' && (
          <button type="button" onClick={() => void confirm({ title: t('room.close'), body: t('room.confirmClose'), confirmLabel: t('room.close'), danger: true }).then((ok) => ok && closeIncident(rec, Date.now(), 'user'))}>
            {t('room.close')}
          </button>
        )}
      </header>
      <div className="room-meta row">
        <SeverityControl rec={rec} incident={incident} levels={levels} />
        <span>{t('room.t0', { time: formatDateTime(i18n.language, incident.t0) })}</span>
        <span className="elapsed" data-testid="incident-elapsed" title={formatTime(i18n.language, now, { seconds: true })}>
          {t('room.elapsed')} {elapsedText(now - incident.t0)}
        </span>
        {incident.state === 'closed' && <strong>{t('room.closed')}</strong>}
      </div>
      {incident.drill && <DrillPanel rec={rec} incident={incident} scenario={scenario} steps={type?.steps ?? []} now={now} workspaceId={workspaceId} />}
      <SummaryCard incident={incident} now={now} unitNames={unitNames} />
      <div className="room-grid">
        <div className="room-col">
          <TasksPanel rec={rec} incident={incident} now={now} unitNames={unitNames} />
          <StatementsPanel doc={doc} rec={rec} incident={incident} workspaceId={workspaceId} crisisTypeKey={type?.key ?? ''} />
        </div>
        <div className="room-col">
          <LogPanel rec={rec} incident={incident} injects={dueInjects} />
          <RoomNotesPanel rec={rec} incident={incident} />
          <FactsPanel rec={rec} incident={incident} />
          <AttachmentsPanel doc={doc} incident={incident} />
        </div>
      </div>
    </main>
  );
}
