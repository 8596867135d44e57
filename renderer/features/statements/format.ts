import type { Language } from '../../../shared/languages';

/** Date and time as the team reads it in the UI language. */
export function formatDateTime(at: number, language: Language): string {
  if (!at) return '';
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(at));
}
