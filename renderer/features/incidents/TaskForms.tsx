import { startTransition, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { YRecord } from '../../../shared/doc/collection';
import { write } from '../../../shared/doc/origins';
import { addTask, assignTask, ownerLabel, reassignCandidates, reassignTask, setTaskDue } from '../../../shared/incidents/tasksEdit';
import type { Incident, IncidentTask } from '../../../shared/incidents/types';
import type { RoleUnit } from '../../../shared/roles/types';
import { incidentNowFor } from '../../exerciseClock/useExerciseClock';
import { afterPaint } from '../../hooks/useProgressive';
import { useSession } from '../../session/sessionStore';
import { fromLocalInput, toLocalInput } from './format';
import { ownerChoiceOf, resolveOwnerChoice } from './TaskPeople';

/**
 * A person picker over the map: units as groups, each with "the whole unit" and its people. A
 * large map's list (2,000 people: thousands of options) is built after the room's first paint, or
 * at once when the picker is focused or clicked; until then it holds only the chosen entry.
 */
export function PersonSelect({ units, value, onChange, empty, testId, label }: { units: readonly RoleUnit[]; value: string; onChange: (v: string) => void; empty: string; testId: string; label: string }) {
  const { t } = useTranslation('incidents');
  const [full, setFull] = useState(false);
  // After the first paint, as a transition: React renders the thousands of options in slices it
  // can interrupt (a click or a keystroke first), not in one task (issue 14, bench P16).
  useEffect(() => (full ? undefined : afterPaint(() => startTransition(() => setFull(true)))), [full]);
  const open = () => setFull(true);
  // One translation per picker, not one per option (interpolating 2,000 labels cost more than rendering them).
  const unitOnly = t('tasks.unitOnly');
  const personLabel = useMemo(() => {
    // The template with markers for the two values, in whatever order the language puts them.
    const pieces = t('tasks.person', { name: '\u0000', unit: '\u0001' })
      .split('\u0000')
      .map((p) => p.split('\u0001'));
    return (name: string, unit: string) => pieces.map((p) => p.join(unit)).join(name);
  }, [t]);
  const unitOption = (u: RoleUnit) => (
    <option key={`unit:${u.id}`} value={`unit:${u.id}`}>{`${u.name} ${unitOnly}`}</option>
  );
  const personOption = (u: RoleUnit, m: RoleUnit['members'][number]) => (
    <option key={m.id} value={`m:${m.id}`}>
      {personLabel(m.name, u.name)}
    </option>
  );
  const chosen = (): ReactNode => {
    for (const u of units) {
      if (value === `unit:${u.id}`) return unitOption(u);
      const m = u.members.find((x) => value === `m:${x.id}`);
      if (m) return personOption(u, m);
    }
    return null;
  };
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} onFocus={open} onPointerDown={open} data-testid={testId} aria-label={label}>
      <option value="">{empty}</option>
      {full
        ? units.map((u) => (
            <optgroup key={u.id} label={u.name}>
              {unitOption(u)}
              {u.members.filter((m) => m.name.trim()).map((m) => personOption(u, m))}
            </optgroup>
          ))
        : chosen()}
    </select>
  );
}

function useErrorText(): [string, (e: unknown) => void, () => void] {
  const { t } = useTranslation('incidents');
  const [error, setError] = useState('');
  return [error, (e: unknown) => setError(typeof e === 'string' ? e : t('errors.generic', { message: (e as Error).message })), () => setError('')];
}

/** Edits who is in charge and the due time of one task (one transaction). */
export function TaskEditForm({ rec, task, units, onDone }: { rec: YRecord; task: IncidentTask; units: readonly RoleUnit[]; onDone: () => void }) {
  const { t } = useTranslation('incidents');
  const [owner, setOwner] = useState<string>(ownerChoiceOf(task));
  const [due, setDue] = useState(toLocalInput(task.dueAt));
  const [error, fail] = useErrorText();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const dueAt = fromLocalInput(due);
    if (!Number.isFinite(dueAt)) return fail(t('tasks.badDue'));
    try {
      write(rec.doc!, 'user', () => {
        if (owner !== ownerChoiceOf(task)) assignTask(rec, task.id, resolveOwnerChoice(units, owner), 'user');
        if (dueAt !== task.dueAt) setTaskDue(rec, task.id, dueAt, 'user');
      });
      onDone();
    } catch (err) {
      fail(err);
    }
  };
  return (
    <form className="task-form" onSubmit={submit} data-testid="task-edit-form">
      <label>
        {t('tasks.assignee')} <PersonSelect units={units} value={owner} onChange={setOwner} empty={t('tasks.nobody')} testId="task-assignee" label={t('tasks.assignee')} />
      </label>
      <label>
        {t('tasks.dueLabel')} <input type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} data-testid="task-due-input" />
      </label>
      <button type="submit" className="primary" data-testid="task-save">
        {t('tasks.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('tasks.cancel')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Hands a task to someone else: the holder's backup is offered first; the log notes the change. */
export function TaskReassignForm({ rec, incident, task, units, unitNames, onDone }: { rec: YRecord; incident: Incident; task: IncidentTask; units: readonly RoleUnit[]; unitNames: Map<string, string>; onDone: () => void }) {
  const { t } = useTranslation('incidents');
  const userName = useSession((s) => s.userName);
  const candidates = reassignCandidates(units, task);
  const [to, setTo] = useState(candidates[0]?.memberId ?? '');
  const [error, fail] = useErrorText();
  const fmt = (name: string, unit: string) => t('tasks.person', { name, unit });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = candidates.find((x) => x.memberId === to);
    if (!c) return;
    const from = ownerLabel(task.ownerName ?? '', unitNames.get(task.ownerUnitId) ?? '', fmt);
    const toLabel = ownerLabel(c.name, c.unitName, fmt);
    try {
      reassignTask(rec, task.id, { unitId: c.unitId, memberId: c.memberId, name: c.name }, { by: userName, at: incidentNowFor(rec, incident.drill), from, to: toLabel, text: t('tasks.reassigned', { title: task.title, from: from || '—', to: toLabel }) }, 'user');
      onDone();
    } catch (err) {
      fail(err);
    }
  };
  if (candidates.length === 0) return <p className="muted small">{t('tasks.noPeople')}</p>;
  return (
    <form className="task-form" onSubmit={submit} data-testid="task-reassign-form">
      <label>
        {t('tasks.reassignTo')}{' '}
        <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="task-reassign-to">
          {candidates.map((c) => (
            <option key={c.memberId} value={c.memberId}>
              {c.backup ? t('tasks.backup', { name: c.name, unit: c.unitName }) : fmt(c.name, c.unitName)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" data-testid="task-reassign-confirm">
        {t('tasks.reassignConfirm')}
      </button>
      <button type="button" onClick={onDone}>
        {t('tasks.cancel')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Adds a task that is not in the playbook: what, optionally who, optionally by when (else now). */
export function TaskAddForm({ rec, incident, units }: { rec: YRecord; incident: Incident; units: readonly RoleUnit[] }) {
  const { t } = useTranslation('incidents');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [error, fail, clear] = useErrorText();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return fail(t('tasks.titleRequired'));
    const dueAt = due ? fromLocalInput(due) : undefined;
    if (dueAt !== undefined && !Number.isFinite(dueAt)) return fail(t('tasks.badDue'));
    const o = resolveOwnerChoice(units, owner);
    try {
      addTask(rec, { title, owner: o ? { memberId: '', name: '', ...o } : undefined, dueAt, at: incidentNowFor(rec, incident.drill) }, 'user');
      setTitle('');
      setOwner('');
      setDue('');
      clear();
    } catch (err) {
      fail(err);
    }
  };
  return (
    <form className="task-form task-add" onSubmit={submit} data-testid="task-add-form" noValidate>
      <h3>{t('tasks.addHeading')}</h3>
      <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('tasks.addTitle')} aria-label={t('tasks.addTitle')} maxLength={500} data-testid="task-add-title" />
      <PersonSelect units={units} value={owner} onChange={setOwner} empty={t('tasks.nobody')} testId="task-add-owner" label={t('tasks.addOwner')} />
      <label>
        {t('tasks.addDue')} <input type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} data-testid="task-add-due" />
      </label>
      <button type="submit" data-testid="task-add">
        {t('tasks.add')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
