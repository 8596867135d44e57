/**
 * Plain shapes of the playbook's records (what `toPlain` returns and what seeding and imports
 * write). In the document each record is a Y.Map with these fields; arrays are nested
 * collections (see ../doc/collection.ts). Unit references are unit record ids from the
 * `units` root collection (the responsibility map's units).
 */
export interface NotifyRule {
  id: string;
  /** Unit id (or free text for someone outside the map). */
  who: string;
  withinMinutes: number;
}

export interface SeverityLevel {
  id: string;
  /** 1 = most severe. */
  level: number;
  name: string;
  criteria: string;
  decisionRights: string;
  notify: NotifyRule[];
}

export interface ChecklistItem {
  id: string;
  text: string;
}

export interface ResponseStep {
  id: string;
  title: string;
  ownerUnitId: string;
  /** Target time from T0, in minutes. */
  targetMinutes: number;
  checklist: ChecklistItem[];
}

export interface EscalationStep {
  id: string;
  unitId: string;
  withinMinutes: number;
  note: string;
}

/** Built-in crisis type keys; teams add their own types with key ''. */
export const CRISIS_TYPE_KEYS = [
  'productDefect',
  'serviceFailure',
  'rumour',
  'logistics',
  'competitorAttack',
  'marketingControversy',
  'emotionalVenting',
  'dataLeak',
  'executiveMisconduct',
  'labourDispute',
  'foodSafety',
  'falseAdvertising',
  'overbooking',
] as const;
export type CrisisTypeKey = (typeof CRISIS_TYPE_KEYS)[number];

export interface CrisisType {
  id: string;
  key: CrisisTypeKey | '';
  name: string;
  description: string;
  /** The differentiated response this type calls for, in one paragraph. */
  response: string;
  firstResponderUnitId: string;
  steps: ResponseStep[];
  escalation: EscalationStep[];
}

export const SIGNAL_SOURCES = ['social', 'news', 'blog', 'forum', 'reviews', 'internal'] as const;
export type SignalSource = (typeof SIGNAL_SOURCES)[number];

export interface WarningSignal {
  id: string;
  kind: string;
  source: SignalSource;
  threshold: string;
}

export interface Principle {
  id: string;
  text: string;
}

/** Built-in unit keys (internal units and external partners); teams add their own with key ''. */
export const UNIT_KEYS = [
  'customerService',
  'pr',
  'social',
  'legal',
  'product',
  'marketing',
  'executives',
  'compliance',
  'operations',
  'hr',
  'itSecurity',
  'prAgency',
  'lawFirm',
  'monitoringVendor',
] as const;
export type UnitKey = (typeof UNIT_KEYS)[number];

/** A unit of the responsibility map (the map feature adds members, RACI, contacts). */
export interface Unit {
  id: string;
  key: UnitKey | '';
  name: string;
  kind: 'internal' | 'external';
  duties: string;
}
