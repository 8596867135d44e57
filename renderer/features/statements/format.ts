import type { Language } from '../../../shared/languages';
import { dateTimeFormat } from '../../i18n/format';

const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };

/** Date and time as the team reads it in the UI language (one shared formatter per language: lists format every row). */
export function formatDateTime(at: number, language: Language): string {
  if (!at) return '';
  return dateTimeFormat(language, DATE_TIME).format(new Date(at));
}

/** Date and time as `2026-06-03 14:05` (local time): the same in every language, for signatures and audit rows. */
export function formatStamp(at: number): string {
  if (!Number.isFinite(at) || at <= 0 || at > 8.64e15) return '';
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
