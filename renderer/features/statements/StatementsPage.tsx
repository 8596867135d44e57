import type { SectionProps } from '../../app/sections';
import { useWorkspaceDoc, useWorkspaceId } from '../../workspace/useWorkspace';
import { NewStatement } from './NewStatement';
import { PhraseSettings } from './PhraseSettings';
import { PrintView } from './PrintView';
import { AuditPage, AuditPrint } from './AuditPage';
import { StatementList } from './StatementList';
import { StatementStudio } from './StatementStudio';
import './statements.css';

/**
 * The statement studio: list (`statements`), new from a template (`statements/new`), editor
 * (`statements/<id>`), print view (`statements/<id>/print`, full screen), the team's
 * risky-phrase lists (`statements/phrases`) and the audit trail (`statements/audit`, printable at
 * `statements/audit/print`).
 */
export function StatementsPage({ rest, params }: SectionProps) {
  const doc = useWorkspaceDoc();
  const wsId = useWorkspaceId();
  if (!doc || !wsId) return <></>;
  const [first, second] = rest;
  if (first === 'new') return <NewStatement doc={doc} wsId={wsId} incidentId={params.get('incident') ?? ''} />;
  if (first === 'phrases') return <PhraseSettings doc={doc} wsId={wsId} />;
  if (first === 'audit') return second === 'print' ? <AuditPrint doc={doc} wsId={wsId} params={params} /> : <AuditPage doc={doc} wsId={wsId} />;
  if (first && second === 'print') return <PrintView doc={doc} wsId={wsId} id={first} />;
  if (first) return <StatementStudio key={first} doc={doc} wsId={wsId} id={first} />;
  return <StatementList doc={doc} wsId={wsId} incidentId={params.get('incident') ?? ''} />;
}

/** The print view renders without the app's chrome. */
export function isStatementsFullScreen({ rest }: SectionProps): boolean {
  return rest[1] === 'print';
}
