import { useTranslation } from 'react-i18next';
import type { SectionProps } from '../../app/sections';
import { workspacePath } from '../../app/router';
import { countIssues } from '../../../shared/roles/validate';
import { useWorkspaceDoc, useWorkspaceId } from '../../workspace/useWorkspace';
import { ExchangePanel } from './ExchangePanel';
import { IssuesSummary } from './IssueList';
import { MatrixEditor } from './MatrixEditor';
import { PeopleEditor } from './PeopleEditor';
import { PosterPreview } from './PosterPreview';
import { PrintView } from './PrintView';
import { useIssues, useNow, useRoleMap } from './useRoleMap';
import './roles.css';

const TABS = ['people', 'matrix', 'issues', 'poster', 'exchange'] as const;
type Tab = (typeof TABS)[number];

/** Whether the roles section shows its full-screen print route. */
/**
 * The responsibility map: units and people, the RACI matrix per crisis type, the checks, the
 * poster and the file exchange. Routes: `#/w/<id>/roles/<tab>/<selected id>`; the print view is
 * `#/w/<id>/roles/print?size=A4|A3`.
 */
export function RolesPage({ rest, params }: SectionProps) {
  const doc = useWorkspaceDoc();
  const wsId = useWorkspaceId();
  if (!doc || !wsId) return <></>;
  if (rest[0] === 'print') return <PrintView doc={doc} workspaceId={wsId} params={params} />;
  return <RolesTabs doc={doc} wsId={wsId} rest={rest} params={params} />;
}

function RolesTabs({ doc, wsId, rest, params }: { doc: NonNullable<ReturnType<typeof useWorkspaceDoc>>; wsId: string; rest: string[]; params: URLSearchParams }) {
  const { t } = useTranslation('roles');
  const map = useRoleMap(doc);
  const now = useNow();
  const { issues, index } = useIssues(map, now);
  const tab: Tab = (TABS as readonly string[]).includes(rest[0] ?? '') ? (rest[0] as Tab) : 'matrix';
  const counts = countIssues(issues);
  return (
    <main className="page roles-page">
      <h1>{t('title')}</h1>
      <div role="tablist" className="tabs">
        {TABS.map((id) => (
          <a key={id} role="tab" aria-selected={tab === id} className={`tab${tab === id ? ' active' : ''}`} href={workspacePath(wsId, 'roles', id)} data-testid={`roles-tab-${id}`}>
            {t(`tabs.${id}`)}
            {id === 'issues' && (
              <span className={`badge ${counts.error ? 'roles-badge-error' : ''}`} data-testid="issues-count" data-errors={counts.error}>
                {counts.error ? `✖ ${counts.error}` : '✓'}
              </span>
            )}
          </a>
        ))}
      </div>
      {tab === 'people' && <PeopleEditor doc={doc} map={map} index={index} now={now} workspaceId={wsId} selectedId={rest[1] ?? null} />}
      {tab === 'matrix' && <MatrixEditor doc={doc} map={map} index={index} workspaceId={wsId} selectedId={rest[1] ?? null} />}
      {tab === 'issues' && <IssuesSummary issues={issues} workspaceId={wsId} />}
      {tab === 'poster' && <PosterPreview doc={doc} map={map} now={now} issues={issues} workspaceId={wsId} params={params} />}
      {tab === 'exchange' && <ExchangePanel doc={doc} map={map} />}
    </main>
  );
}
