import { useTranslation } from 'react-i18next';
import type { SectionProps } from '../../app/sections';
import { workspacePath } from '../../app/router';
import { useWorkspaceDoc, useWorkspaceId } from '../../workspace/useWorkspace';
import { CrisisTypesEditor } from './CrisisTypesEditor';
import { SeveritiesEditor } from './SeveritiesEditor';
import { SignalsEditor, PrinciplesEditor } from './SignalsEditor';
import { PlaybookTransfer } from './PlaybookTransfer';
import { RunbookView } from './RunbookView';
import './runbook.css';

const TABS = ['runbook', 'crisisTypes', 'severities', 'signals', 'principles'] as const;
type Tab = (typeof TABS)[number];

/** The co-edited playbook: crisis types with steps, severity levels, signals and principles. */
export function PlaybookPage({ rest }: SectionProps) {
  const { t } = useTranslation('playbook');
  const { t: tr } = useTranslation('runbook');
  const doc = useWorkspaceDoc();
  const wsId = useWorkspaceId();
  if (!doc || !wsId) return <></>;
  const tab: Tab = (TABS as readonly string[]).includes(rest[0] ?? '') ? (rest[0] as Tab) : 'crisisTypes';
  return (
    <main className="page playbook-page">
      <div className="page-header">
        <h1>{t('title')}</h1>
        <PlaybookTransfer doc={doc} />
      </div>
      <div role="tablist" className="tabs">
        {TABS.map((id) => (
          <a key={id} role="tab" aria-selected={tab === id} className={`tab${tab === id ? ' active' : ''}`} href={workspacePath(wsId, 'playbook', id)}>
            {id === 'runbook' ? tr('tab') : t(`tabs.${id}`)}
          </a>
        ))}
      </div>
      {tab === 'runbook' && <RunbookView doc={doc} />}
      {tab === 'crisisTypes' && <CrisisTypesEditor doc={doc} selectedId={rest[1] ?? null} workspaceId={wsId} />}
      {tab === 'severities' && <SeveritiesEditor doc={doc} />}
      {tab === 'signals' && <SignalsEditor doc={doc} />}
      {tab === 'principles' && <PrinciplesEditor doc={doc} />}
    </main>
  );
}
