import type { ComponentType } from 'react';
import type * as Y from 'yjs';
import type { YRecord } from '../../../shared/doc/collection';
import type { Scenario } from '../../../shared/drills/scenario';
import type { Incident } from '../../../shared/incidents/types';

/**
 * What the incident screens show of drills, handed in from above: drills builds on incidents (a
 * drill run is an incident), so incidents never imports drills (eslint.config.js `features`).
 * app/sections.tsx gives the incidents section drills' views (features/drills/drillViews.ts);
 * the drills section gives them to the incident room it shows.
 */
export interface DrillViews {
  /** The facilitator's panel in a drill's incident room: exercise clock, injects, timeline. */
  Panel: ComponentType<{ rec: YRecord; incident: Incident; scenario: Scenario | null; steps: Array<{ id: string; title: string }>; now: number; workspaceId: string }>;
  /** The after-action review (`…/<id>/review`) of a drill or a closed incident. */
  Review: ComponentType<{ doc: Y.Doc; workspaceId: string; incidentId: string }>;
}
