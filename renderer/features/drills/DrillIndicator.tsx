import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { incidentsOf, runningDrillKey } from '../../../shared/incidents/incidents';
import type { Incident } from '../../../shared/incidents/types';
import type { YRecord } from '../../../shared/doc/collection';
import { useWorkspaceDoc, useWorkspaceId } from '../../workspace/useWorkspace';
import { elapsedText } from '../incidents/format';
import { useIncident } from '../incidents/hooks';
import { useYRecordFields } from '../../hooks/useY';
import { incidentPath } from '../incidents/IncidentList';
import { useFacilitatorLink } from '../../exerciseClock/clockService';
import { useApprovalNotes, useLinkedStatements } from '../incidents/StatementsPanel';
import { useFacilitator, useIncidentNow } from '../../exerciseClock/useExerciseClock';

/** The incident fields that decide which drill runs. */
const RUNNING_FIELDS = ['state', 't0', 'drill'] as const;

function RunningDrill({ doc, workspaceId }: { doc: Y.Doc; workspaceId: string }) {
  // Which drill runs is read from the records' own fields; only that one is read in full (a view
  // per drill: useIncident reads the record of the key it was first given).
  const key = useYRecordFields(incidentsOf(doc), RUNNING_FIELDS, runningDrillKey) ?? null;
  return key ? <DrillBadge key={key} doc={doc} workspaceId={workspaceId} drillKey={key} /> : null;
}

function DrillBadge({ doc, workspaceId, drillKey }: { doc: Y.Doc; workspaceId: string; drillKey: string }) {
  const { t } = useTranslation('incidents');
  const { rec, incident: drill } = useIncident(doc, drillKey);
  const facilitator = useFacilitator(rec);
  // Keeps this laptop's clock offset to the facilitator warm (and answers pings on the facilitator's).
  useFacilitatorLink(drill ? facilitator.deviceId || null : null);
  const now = useIncidentNow(rec, drill, 1000);
  if (!drill) return null;
  return (
    <a className="drill-indicator" href={incidentPath(workspaceId, drill)} data-testid="drill-indicator">
      ● {t('badge.drill')} {elapsedText(now - drill.t0)}
      <DrillApprovalNotes doc={doc} rec={rec} drill={drill} />
    </a>
  );
}

/**
 * Approvals of the drill's statements are noted on exercise time by every laptop that sees them
 * happen — the approver's too, though it is in the statement studio, not the drill room. Only
 * while a drill runs: reading the signed sign-offs needs the governance log, which no other page
 * of the open should have to parse.
 */
function DrillApprovalNotes({ doc, rec, drill }: { doc: Y.Doc; rec: YRecord | null; drill: Incident }) {
  const statements = useLinkedStatements(doc, drill);
  useApprovalNotes(rec, drill, statements);
  return null;
}

/** Top-bar item while a workspace is open: the running drill (if any) and its clock link. */
export function DrillIndicator() {
  const doc = useWorkspaceDoc();
  const wsId = useWorkspaceId();
  if (!doc || !wsId) return null;
  return <RunningDrill doc={doc} workspaceId={wsId} />;
}
