import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workspacePath } from '../../app/router';
import { countIssues, type RoleIssue } from '../../../shared/roles/validate';
import { issueText } from './issueText';

/** Issues shown where they occur (under a member, a unit, a matrix column). */
export function InlineIssues({ issues, testId = 'inline-issue' }: { issues: readonly RoleIssue[] | undefined; testId?: string }) {
  const { t } = useTranslation('roles');
  if (!issues || issues.length === 0) return null;
  return (
    <ul className="roles-issues">
      {issues.map((i) => (
        <li key={i.id} className={`roles-issue roles-issue-${i.severity}`} data-testid={testId} data-code={i.code} data-severity={i.severity}>
          <span className="roles-issue-mark" aria-label={t(`summary.${i.severity}`)}>
            {i.severity === 'error' ? '✖' : '⚠'}
          </span>{' '}
          {issueText(t, i)}
        </li>
      ))}
    </ul>
  );
}

/** Count badge next to a list entry: errors first, else warnings, else nothing. */
export function IssueBadge({ issues }: { issues: readonly RoleIssue[] | undefined }) {
  const { t } = useTranslation('roles');
  if (!issues || issues.length === 0) return null;
  const c = countIssues(issues);
  if (c.error > 0)
    return (
      <span className="badge roles-badge-error" data-testid="issue-badge" data-severity="error">
        ✖ {c.error}
        <span className="sr-only"> {t('summary.errors', { count: c.error })}</span>
      </span>
    );
  return (
    <span className="badge roles-badge-warning" data-testid="issue-badge" data-severity="warning">
      ⚠ {c.warning}
      <span className="sr-only"> {t('summary.warnings', { count: c.warning })}</span>
    </span>
  );
}

/** Where to fix an issue: the matrix for crisis-type issues, the unit for people issues. */
function fixPath(workspaceId: string, i: RoleIssue): string {
  if (i.crisisTypeId && !i.memberId && !(i.code === 'firstResponderUnreachable')) return workspacePath(workspaceId, 'roles', 'matrix', i.crisisTypeId);
  if (i.unitId) return workspacePath(workspaceId, 'roles', 'people', i.unitId);
  return workspacePath(workspaceId, 'roles', 'matrix', i.crisisTypeId ?? '');
}

/** Every issue of the map in one list, errors first, each with a link to where it is fixed. */
export function IssuesSummary({ issues, workspaceId }: { issues: readonly RoleIssue[]; workspaceId: string }) {
  const { t } = useTranslation('roles');
  const [onlyErrors, setOnlyErrors] = useState(false);
  const c = countIssues(issues);
  const shown = [...issues].filter((i) => !onlyErrors || i.severity === 'error').sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <section className="roles-summary" data-testid="issues-summary" data-errors={c.error} data-warnings={c.warning}>
      <div className="row">
        <h2>{t('summary.title')}</h2>
        <span className="badge roles-badge-error">{t('summary.errors', { count: c.error })}</span>
        <span className="badge roles-badge-warning">{t('summary.warnings', { count: c.warning })}</span>
        <span className="spacer" />
        <label className="roles-check">
          <input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} />
          {t('summary.onlyErrors')}
        </label>
      </div>
      {issues.length === 0 ? (
        <p className="roles-all-good" data-testid="issues-none">
          ✓ {t('summary.none')}
        </p>
      ) : (
        <table className="roles-summary-table">
          <tbody>
            {shown.map((i) => (
              <tr key={i.id} className={`roles-issue-${i.severity}`} data-testid="summary-issue" data-code={i.code} data-severity={i.severity}>
                <td className="roles-issue-mark">{i.severity === 'error' ? `✖ ${t('summary.error')}` : `⚠ ${t('summary.warning')}`}</td>
                <td>{issueText(t, i)}</td>
                <td>
                  <a href={fixPath(workspaceId, i)}>{t('summary.goTo')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
