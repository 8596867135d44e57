import { useTranslation } from 'react-i18next';
import type { YRecord } from '../../../shared/doc/collection';
import type { Incident } from '../../../shared/incidents/types';
import type { ChecklistItem } from '../../../shared/playbook/types';
import { useCrisisTypes } from './hooks';
import { TaskAddForm } from './TaskForms';
import { TaskItem } from './TaskItem';
import { useMapPeople } from './TaskPeople';

const NO_ITEMS: readonly ChecklistItem[] = [];

/**
 * The incident's tasks: from the playbook's steps and added in the room; each with a unit or a
 * person of the responsibility map in charge, a due time, the step's checklist; done / skip /
 * reopen, edit (who, due), and reassign when whoever holds it cannot be reached.
 */
export function TasksPanel({ rec, incident, now, unitNames }: { rec: YRecord; incident: Incident; now: number; unitNames: Map<string, string> }) {
  const { t } = useTranslation('incidents');
  const doc = rec.doc;
  const units = useMapPeople(doc);
  const types = useCrisisTypes(doc!);
  const steps = types.find((x) => x.id === incident.crisisTypeId)?.steps ?? [];
  const tasks = [...incident.tasks].sort((a, b) => a.dueAt - b.dueAt);
  return (
    <section className="panel tasks-panel" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('tasks.title')}</h2>
      {tasks.length === 0 && <p className="muted">{t('tasks.empty')}</p>}
      <ol className="task-list">
        {tasks.map((task) => (
          <TaskItem
            key={task.id}
            rec={rec}
            incident={incident}
            task={task}
            now={now}
            unitNames={unitNames}
            units={units}
            checklist={(task.stepId && steps.find((s) => s.id === task.stepId)?.checklist) || NO_ITEMS}
          />
        ))}
      </ol>
      {incident.state !== 'closed' && <TaskAddForm rec={rec} incident={incident} units={units} />}
    </section>
  );
}
