import { useTranslation } from 'react-i18next';
import type { YRecord } from '../../../shared/doc/collection';
import { setTaskStatus } from '../../../shared/incidents/incidents';
import type { Incident, TaskStatus } from '../../../shared/incidents/types';
import { useSession } from '../../session/sessionStore';
import { useToasts } from '../../ui/toasts';
import { incidentNowFor } from '../../exerciseClock/useExerciseClock';
import { formatDateTime, formatWhen } from '../../i18n/format';
import { elapsedText } from './format';

/** Tasks instantiated from the playbook: owner, due time from T0, done / skip / reopen. */
export function TasksPanel({ rec, incident, now, unitNames }: { rec: YRecord; incident: Incident; now: number; unitNames: Map<string, string> }) {
  const { t, i18n } = useTranslation('incidents');
  const userName = useSession((s) => s.userName);
  const show = useToasts((s) => s.show);
  const tasks = [...incident.tasks].sort((a, b) => a.dueAt - b.dueAt);
  const closed = incident.state === 'closed';
  const set = (taskId: string, status: TaskStatus) => {
    try {
      setTaskStatus(rec, taskId, status, userName, incidentNowFor(rec, incident.drill), 'user');
    } catch (err) {
      show({ text: t('errors.generic', { message: (err as Error).message }), ttl: 6000 });
    }
  };
  return (
    <section className="panel tasks-panel" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('tasks.title')}</h2>
      {tasks.length === 0 && <p className="muted">{t('tasks.empty')}</p>}
      <ol className="task-list">
        {tasks.map((task) => {
          const overdue = task.status === 'open' && task.dueAt < now;
          return (
            <li key={task.id} className={`task task-${task.status}${overdue ? ' task-overdue' : ''}`} data-testid="task" data-status={task.status}>
              <div className="task-main">
                <span className="task-title">{task.title}</span>
                <span className="muted small">{task.ownerUnitId ? t('tasks.owner', { unit: unitNames.get(task.ownerUnitId) ?? '?' }) : t('tasks.noOwner')}</span>
                <span className="small" data-testid="task-due" title={formatDateTime(i18n.language, task.dueAt)}>
                  {t('tasks.due', { time: `${formatWhen(i18n.language, task.dueAt, now)} (${elapsedText(task.dueAt - incident.t0)})` })}
                  {overdue && <span className="badge badge-warn"> {t('tasks.overdue')}</span>}
                </span>
                {task.status === 'done' && task.doneAt !== null && <span className="small ok">{t('tasks.doneBy', { by: task.doneBy, time: elapsedText(task.doneAt - incident.t0) })}</span>}
                {task.status === 'skipped' && <span className="small muted">{t('tasks.skipped')}</span>}
              </div>
              {!closed && (
                <span className="task-actions">
                  {task.status === 'open' ? (
                    <>
                      <button type="button" className="primary" data-testid="task-done" onClick={() => set(task.id, 'done')}>
                        {t('tasks.done')}
                      </button>
                      <button type="button" onClick={() => set(task.id, 'skipped')}>
                        {t('tasks.skip')}
                      </button>
                    </>
                  ) : (
                    <button type="button" onClick={() => set(task.id, 'open')}>
                      {t('tasks.reopen')}
                    </button>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
