import type { SectionProps } from '../../app/sections';
import { useWorkspaceDoc, useWorkspaceId } from '../../workspace/useWorkspace';
import { NewStatement } from './NewStatement';
import { PhraseSettings } from './PhraseSettings';
import { PrintView } from './PrintView';
import { AuditPage, AuditPrint } from './AuditPage';
import { StatementList } from './StatementList';
import { StatementStudio } from './StatementStudio';
import { useStatementHome } from './rooms';
import type * as Y from 'yjs';
import './statements.css';
import './statementPrint.css';

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
  if (first) return <StatementAt key={first} wsDoc={doc} wsId={wsId} id={first} print={second === 'print'} />;
  return <StatementList doc={doc} wsId={wsId} incidentId={params.get('incident') ?? ''} />;
}

/** A statement in the workspace's document or in a restricted room's (renderer/rooms). */
function StatementAt({ wsDoc, wsId, id, print }: { wsDoc: Y.Doc; wsId: string; id: string; print: boolean }) {
  const home = useStatementHome(wsDoc, id);
  if (print) return <PrintView doc={home.doc} wsId={wsId} id={id} />;
  return <StatementStudio key={home.roomId ?? ''} doc={home.doc} wsDoc={wsDoc} roomId={home.roomId} wsId={wsId} id={id} />;
}

