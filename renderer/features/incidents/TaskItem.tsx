import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { YRecord } from '../../../shared/doc/collection';
import { setTaskStatus } from '../../../shared/incidents/incidents';
import { ownerLabel, setChecklistItem } from '../../../shared/incidents/tasksEdit';
import type { Incident, IncidentTask, TaskStatus } from '../../../shared/incidents/types';
import type { ChecklistItem } from '../../../shared/playbook/types';
import type { RoleUnit } from '../../../shared/roles/types';
import { incidentNowFor } from '../../exerciseClock/useExerciseClock';
import { formatDateTime, formatWhen } from '../../i18n/format';
import { useSession } from '../../session/sessionStore';
import { useToasts } from '../../ui/toasts';
import { elapsedText } from './format';
import { TaskEditForm, TaskReassignForm } from './TaskForms';

/** The step's checklist, ticked off per task (a tick is shared with every laptop). */
function TaskChecklist({ rec, task, items, disabled }: { rec: YRecord; task: IncidentTask; items: readonly ChecklistItem[]; disabled: boolean }) {
  const { t } = useTranslation('incidents');
  const show = useToasts((s) => s.show);
  const checked = new Set(task.checked ?? []);
  const done = items.filter((i) => checked.has(i.id)).length;
  const toggle = (itemId: string, on: boolean) => {
    try {
      setChecklistItem(rec, task.id, itemId, on, 'user');
    } catch (err) {
      show({ text: t('errors.generic', { message: (err as Error).message }), ttl: 6000 });
    }
  };
  return (
    <details className="task-checklist" data-testid="task-checklist">
      <summary className="small" data-testid="task-checklist-summary">
        {t('tasks.checklist', { done, total: items.length })}
      </summary>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <label>
              <input type="checkbox" checked={checked.has(item.id)} disabled={disabled} onChange={(e) => toggle(item.id, e.target.checked)} data-testid="task-check" /> {item.text}
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}

type Mode = 'view' | 'edit' | 'reassign';

/** One task: who (person and unit), due, checklist, and its actions. */
export function TaskItem({ rec, incident, task, now, unitNames, units, checklist }: { rec: YRecord; incident: Incident; task: IncidentTask; now: number; unitNames: Map<string, string>; units: readonly RoleUnit[]; checklist: readonly ChecklistItem[] }) {
  const { t, i18n } = useTranslation('incidents');
  const userName = useSession((s) => s.userName);
  const show = useToasts((s) => s.show);
  const [mode, setMode] = useState<Mode>('view');
  const closed = incident.state === 'closed';
  const overdue = task.status === 'open' && task.dueAt < now;
  const set = (status: TaskStatus) => {
    try {
      setTaskStatus(rec, task.id, status, userName, incidentNowFor(rec, incident.drill), 'user');
    } catch (err) {
      show({ text: t('errors.generic', { message: (err as Error).message }), ttl: 6000 });
    }
  };
  const unitName = task.ownerUnitId ? (unitNames.get(task.ownerUnitId) ?? '?') : '';
  const who = ownerLabel(task.ownerName ?? '', unitName, (name, unit) => t('tasks.person', { name, unit }));
  return (
    <li className={`task task-${task.status}${overdue ? ' task-overdue' : ''}`} data-testid="task" data-status={task.status} data-adhoc={task.adHoc ? 'true' : undefined}>
      <div className="task-main">
        <span className="task-title">
          {task.title} {task.adHoc && <span className="badge">{t('tasks.adHoc')}</span>}
        </span>
        <span className="muted small" data-testid="task-owner" data-member={task.ownerMemberId || undefined}>
          {who ? t('tasks.owner', { unit: who }) : t('tasks.noOwner')}
        </span>
        <span className="small" data-testid="task-due" data-due={task.dueAt} title={formatDateTime(i18n.language, task.dueAt)}>
          {t('tasks.due', { time: `${formatWhen(i18n.language, task.dueAt, now)} (${elapsedText(task.dueAt - incident.t0)})` })}
          {overdue && <span className="badge badge-warn"> {t('tasks.overdue')}</span>}
        </span>
        {task.status === 'done' && task.doneAt !== null && <span className="small ok">{t('tasks.doneBy', { by: task.doneBy, time: elapsedText(task.doneAt - incident.t0) })}</span>}
        {task.status === 'skipped' && <span className="small muted">{t('tasks.skipped')}</span>}
        {checklist.length > 0 && <TaskChecklist rec={rec} task={task} items={checklist} disabled={closed} />}
        {mode === 'edit' && <TaskEditForm rec={rec} task={task} units={units} onDone={() => setMode('view')} />}
        {mode === 'reassign' && <TaskReassignForm rec={rec} incident={incident} task={task} units={units} unitNames={unitNames} onDone={() => setMode('view')} />}
      </div>
      {!closed && (
        <span className="task-actions">
          {task.status === 'open' ? (
            <>
              <button type="button" className="primary" data-testid="task-done" onClick={() => set('done')}>
                {t('tasks.done')}
              </button>
              <button type="button" onClick={() => set('skipped')}>
                {t('tasks.skip')}
              </button>
              <button type="button" data-testid="task-reassign" aria-expanded={mode === 'reassign'} onClick={() => setMode(mode === 'reassign' ? 'view' : 'reassign')}>
                {t('tasks.reassign')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => set('open')}>
              {t('tasks.reopen')}
            </button>
          )}
          <button type="button" data-testid="task-edit" aria-expanded={mode === 'edit'} onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}>
            {t('tasks.edit')}
          </button>
        </span>
      )}
    </li>
  );
}
