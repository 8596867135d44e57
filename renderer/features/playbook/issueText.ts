import type { TFunction } from 'i18next';
import type { ValidationIssue } from '../../../shared/validationIssues';

/**
 * Where a problem of an imported playbook is, in the reader's words: "危機類型 #3 › 應變步驟 #1 ›
 * 負責單位". Known field names come from `playbook:issuePath.*`; others are shown as written.
 */
export function issuePathText(t: TFunction, path: string): string {
  if (!path) return t('playbook:issuePath.file');
  const parts: string[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''} #${Number(m[2]) + 1}`;
    else parts.push(t(`playbook:issuePath.${m[1]}`, { defaultValue: m[1] }));
  }
  return parts.join(' › ');
}

/** The problem itself, worded in the UI language (never zod's English). */
export function issueText(t: TFunction, issue: Pick<ValidationIssue, 'code' | 'params'>): string {
  return t(`playbook:issues.${issue.code}`, issue.params);
}
