import type { DrillViews } from '../incidents/drillViews';
import { AarPage } from './AarPage';
import { DrillPanel } from './DrillPanel';

/** Drills' views inside the incident screens (see features/incidents/drillViews.ts). */
export const drillViews: DrillViews = { Panel: DrillPanel, Review: AarPage };
