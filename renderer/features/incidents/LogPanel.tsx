import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { YRecord } from '../../../shared/doc/collection';
import type { Inject } from '../../../shared/drills/scenario';
import { addLogEntry } from '../../../shared/incidents/incidents';
import { LOG_CATEGORIES, type Incident, type LogCategory } from '../../../shared/incidents/types';
import { useSession } from '../../session/sessionStore';
import { incidentNowFor } from '../../exerciseClock/useExerciseClock';
import { formatDateTime } from '../../i18n/format';
import { logEntryText, useLevelName } from './logText';
import { elapsedText, offsetText } from './format';
import { MoveEntryToRoom } from './RoomNotesPanel';

/** Which inject the next log entry answers (set by "Log response" on an inject card). */
export const useLogDraft = create<{ injectId: string; category: LogCategory; focus: number; respondTo: (injectId: string) => void; reset: () => void }>((set, get) => ({
  injectId: '',
  category: 'action',
  focus: 0,
  respondTo: (injectId) => set({ injectId, focus: get().focus + 1 }),
  reset: () => set({ injectId: '', category: 'action' }),
}));

/** The timeline / decision log: add an entry (who, when, category), newest first. */
export function LogPanel({ rec, incident, injects }: { rec: YRecord; incident: Incident; injects: Inject[] }) {
  const { t, i18n } = useTranslation('incidents');
  const levelName = useLevelName(rec.doc!);
  const userName = useSession((s) => s.userName);
  const { injectId, respondTo, reset } = useLogDraft();
  const focus = useLogDraft((s) => s.focus);
  const [category, setCategory] = useState<LogCategory>('action');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focus > 0) textRef.current?.focus();
  }, [focus]);
  const injectById = new Map(injects.map((i) => [i.id, i]));
  const closed = incident.state === 'closed';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    try {
      addLogEntry(rec, { at: incidentNowFor(rec, incident.drill), by: userName, category, text: text.trim(), ...(injectId ? { injectId } : {}) }, 'user');
      setText('');
      setError(null);
      reset();
      textRef.current?.focus();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const entries = [...incident.log].reverse();
  return (
    <section className="panel log-panel" aria-labelledby="log-title">
      <h2 id="log-title">{t('log.title')}</h2>
      {!closed && (
        <form className="log-form" onSubmit={submit} data-testid="log-form">
          <div className="record-row">
            <label className="field">
              <span>{t('log.category')}</span>
              <select aria-label={t('log.category')} data-testid="log-category" value={category} onChange={(e) => setCategory(e.target.value as LogCategory)}>
                {LOG_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`log.categories.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            {incident.drill && injects.length > 0 && (
              <label className="field">
                <span>{t('log.injectLink')}</span>
                <select aria-label={t('log.injectLink')} data-testid="log-inject" value={injectId} onChange={(e) => (e.target.value ? respondTo(e.target.value) : reset())}>
                  <option value="">{t('log.noInject')}</option>
                  {injects.map((i) => (
                    <option key={i.id} value={i.id}>
                      {offsetText(i.offsetMinutes)} · {i.content.slice(0, 40)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <label className="field">
            <span>{t('log.text')}</span>
            <textarea ref={textRef} rows={2} aria-label={t('log.text')} data-testid="log-text" value={text} onChange={(e) => setText(e.target.value)} maxLength={5000} />
          </label>
          {error && <p className="error">{t('errors.generic', { message: error })}</p>}
          <button type="submit" className="primary" data-testid="log-submit" disabled={!text.trim()}>
            {t('log.add')}
          </button>
        </form>
      )}
      {entries.length === 0 ? (
        <p className="muted">{t('log.empty')}</p>
      ) : (
        <ol className="log-list" data-testid="log-list">
          {entries.map((e) => {
            const inj = e.injectId ? injectById.get(e.injectId) : undefined;
            return (
              <li key={e.id} className={`log-entry cat-${e.category}`} data-testid="log-entry" data-category={e.category}>
                <span className="log-time" title={formatDateTime(i18n.language, e.at)}>
                  {elapsedText(e.at - incident.t0)}
                </span>
                <span className={`badge cat-badge cat-${e.category}`}>{t(`log.categories.${e.category}`)}</span>
                {e.approved && <span className="badge badge-ok">{t('log.approved')}</span>}
                <span className="log-text">{logEntryText(t, e, levelName)}</span>
                <span className="muted small">{e.by}</span>
                {inj && <span className="muted small">↳ {t('log.inject', { offset: offsetText(inj.offsetMinutes) })}</span>}
                {!closed && !e.system && !e.approved && <MoveEntryToRoom rec={rec} entryId={e.id} />}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
