import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useSeverityLevels } from './hooks';
import type { LogEntry } from '../../../shared/incidents/types';

/**
 * What a log entry says, in the reader's UI language: entries the app wrote itself (severity
 * changes, statement approvals, task reassignments) carry their meaning and are worded here; people's entries are
 * shown as typed. `t` is the `incidents` namespace; `levelName` names a severity level.
 */
export function logEntryText(t: TFunction<'incidents'> | TFunction, e: Pick<LogEntry, 'text' | 'system'>, levelName: (level: number) => string): string {
  const s = e.system;
  if (!s) return e.text;
  if (s.kind === 'severityChanged') {
    return s.reason ? t('incidents:room.severityChanged', { from: levelName(s.from), to: levelName(s.to), reason: s.reason }) : t('incidents:room.severityChangedPlain', { to: levelName(s.to) });
  }
  if (s.kind === 'taskReassigned') return t('incidents:tasks.reassigned', { title: s.title, from: s.from || '—', to: s.to });
  return t('incidents:statements.approvedNote', { title: s.title });
}

/** A severity level's name from the playbook ("第二級：嚴重"), or "2 級" when the playbook has none. */
export function useLevelName(doc: Y.Doc): (level: number) => string {
  const { t } = useTranslation('incidents');
  const levels = useSeverityLevels(doc);
  return (level: number) => levels.find((l) => l.level === level)?.name || t('severityLevel', { level });
}
