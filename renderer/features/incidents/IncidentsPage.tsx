import type { SectionProps } from '../../app/sections';
import { useWorkspaceDoc, useWorkspaceId } from '../../workspace/useWorkspace';
import { DeclareIncidentForm } from './DeclareIncidentForm';
import type { DrillViews } from './drillViews';
import { IncidentList } from './IncidentList';
import { IncidentRoom } from './IncidentRoom';
import { ProjectorView } from './ProjectorView';

/** Sub-pages of an incident shown full screen (no app chrome). */
/**
 * The incidents section: `#/w/<ws>/incidents` list · `/new` declare · `/<id>` room ·
 * `/<id>/projector` situation board · `/<id>/review` after-action review. `drillViews`: drills'
 * panel and review, handed in by app/sections.tsx (incidents does not import drills).
 */
export function IncidentsPage({ rest, drillViews }: SectionProps & { drillViews: DrillViews }) {
  const doc = useWorkspaceDoc();
  const wsId = useWorkspaceId();
  if (!doc || !wsId) return <></>;
  const [first, second] = rest;
  if (!first) return <IncidentList doc={doc} workspaceId={wsId} />;
  if (first === 'new') return <DeclareIncidentForm doc={doc} workspaceId={wsId} />;
  if (second === 'projector') return <ProjectorView key={first} doc={doc} workspaceId={wsId} incidentId={first} />;
  if (second === 'review') return <drillViews.Review doc={doc} workspaceId={wsId} incidentId={first} />;
  return <IncidentRoom key={first} doc={doc} workspaceId={wsId} incidentId={first} drillViews={drillViews} />;
}
