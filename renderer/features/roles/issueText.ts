import type { TFunction } from 'i18next';
import type { RoleIssue } from '../../../shared/roles/validate';

/** The message of an issue in the current language (names filled in, phase translated). */
export function issueText(t: TFunction<'roles'>, issue: RoleIssue): string {
  const params: Record<string, string | number> = { ...issue.params };
  for (const k of ['unit', 'member', 'crisisType', 'backup']) if (params[k] === '') params[k] = t('untitled');
  if (issue.phase) params.phase = t(`phases.${issue.phase}`);
  let key: string = issue.code;
  if (issue.code === 'staleContact') {
    if (!params.reviewer) key += '_noReviewer';
    else if (params.days === -1) key += '_never';
  }
  if (issue.code === 'contactMalformed') key += `_${String(params.field)}`;
  return t(`issues.${key}` as never, params as never) as unknown as string;
}
