import { newId } from '../doc/collection.js';
import type { Language } from '../languages.js';
import { PLAYBOOK_FORMAT_VERSION, type PlaybookFile } from './schema.js';
import { CRISIS_TYPE_KEYS, type CrisisType, type UnitKey } from './types.js';
import { CUSTOMER_TYPES } from './default/customerTypes.js';
import { INCIDENT_TYPES } from './default/incidentTypes.js';
import { PEOPLE_TYPES } from './default/peopleTypes.js';
import { REPUTATION_TYPES } from './default/reputationTypes.js';
import { DEFAULT_SEVERITIES } from './default/severities.js';
import { DEFAULT_PRINCIPLES, DEFAULT_SIGNALS } from './default/signalsAndPrinciples.js';
import type { DefaultCrisisType } from './default/shapes.js';
import { DEFAULT_UNITS } from './default/units.js';

export { DEFAULT_UNITS, DEFAULT_SEVERITIES, DEFAULT_SIGNALS, DEFAULT_PRINCIPLES };
export type * from './default/shapes.js';

const byKey = new Map<string, DefaultCrisisType>(
  [...CUSTOMER_TYPES, ...REPUTATION_TYPES, ...INCIDENT_TYPES, ...PEOPLE_TYPES].map((t) => [t.key, t]),
);

/** The 13 built-in crisis types with their shipped content, in the order of CRISIS_TYPE_KEYS. */
export const DEFAULT_CRISIS_TYPES: DefaultCrisisType[] = CRISIS_TYPE_KEYS.map((key) => {
  const type = byKey.get(key);
  if (!type) throw new Error(`Default playbook has no content for crisis type "${key}"`);
  return type;
});

/**
 * The shipped playbook in one language, as plain records with fresh ids and unit keys resolved
 * to those ids — what `seedWorkspace` writes into a new workspace, and a template for tests and
 * "reset to default" features.
 */
export function defaultPlaybook(lang: Language): PlaybookFile {
  const unitIds = new Map<UnitKey, string>();
  const units = DEFAULT_UNITS.map((u) => {
    const id = newId();
    unitIds.set(u.key, id);
    return { id, key: u.key, name: u.name[lang], kind: u.kind, duties: u.duties[lang] };
  });
  const unit = (key: UnitKey): string => {
    const id = unitIds.get(key);
    if (!id) throw new Error(`Default playbook refers to unknown unit "${key}"`);
    return id;
  };

  const severities = DEFAULT_SEVERITIES.map((s) => ({
    id: newId(),
    level: s.level,
    name: s.name[lang],
    criteria: s.criteria[lang],
    decisionRights: s.decisionRights[lang],
    notify: s.notify.map((n) => ({ id: newId(), who: unit(n.unit), withinMinutes: n.withinMinutes })),
  }));

  const crisisTypes: CrisisType[] = DEFAULT_CRISIS_TYPES.map((t) => ({
    id: newId(),
    key: t.key,
    name: t.name[lang],
    description: t.description[lang],
    response: t.response[lang],
    firstResponderUnitId: unit(t.firstResponder),
    steps: t.steps.map((step) => ({
      id: newId(),
      title: step.title[lang],
      ownerUnitId: unit(step.owner),
      targetMinutes: step.targetMinutes,
      checklist: step.checklist.map((item) => ({ id: newId(), text: item[lang] })),
    })),
    escalation: t.escalation.map((e) => ({ id: newId(), unitId: unit(e.unit), withinMinutes: e.withinMinutes, note: e.note[lang] })),
  }));

  const signals = DEFAULT_SIGNALS.map((s) => ({ id: newId(), kind: s.kind[lang], source: s.source, threshold: s.threshold[lang] }));
  const principles = DEFAULT_PRINCIPLES.map((text) => ({ id: newId(), text: text[lang] }));

  return { version: PLAYBOOK_FORMAT_VERSION, language: lang, severities, crisisTypes, signals, principles, units };
}
