import type * as Y from 'yjs';
import type { YRecord } from '../doc/collection.js';
import { write, type Origin } from '../doc/origins.js';
import type { Language } from '../languages.js';
import { CRISIS_TYPE_KEYS, type CrisisTypeKey } from '../playbook/types.js';
import { createStatement } from '../statements/store.js';
import { fillTemplate, formatPlaceholderTime, templatesFor, type HoldingTemplate, type PlaceholderValues } from '../statements/templates/index.js';
import { linkStatement, readIncident } from './incidents.js';
import type { Incident } from './types.js';

/**
 * "Draft holding statement" in the incident room: one action that picks the holding-statement
 * template for the incident's crisis type and language, fills it from the incident (title, T0,
 * facts sheet) and the company profile, creates the statement linked to the incident, and
 * returns its id — the shortest path from declaring an incident to a statement legal can approve.
 */

const CONTACT_LABEL = /contact|聯絡|联系|聯繫|窗口|專線|专线|hotline/i;
const PRODUCT_LABEL = /product|產品|产品|商品|品項|菜|餐|model|型號|型号|service|服務|服务|flight|航班/i;

export interface HoldingDraftSource {
  incident: Pick<Incident, 'title' | 't0' | 'facts'>;
  crisisTypeKey: string;
  language: Language;
  companyName: string;
  /** The press/customer contact line from the company profile ('' when none). */
  contact: string;
  timeZone?: string;
}

/** The template for a crisis type in a language (a custom type gets the product-defect wording). */
export function holdingTemplateFor(crisisTypeKey: string, language: Language): HoldingTemplate | undefined {
  const key = (CRISIS_TYPE_KEYS as readonly string[]).includes(crisisTypeKey) ? (crisisTypeKey as CrisisTypeKey) : 'productDefect';
  return templatesFor(language, key)[0] ?? templatesFor(language)[0];
}

/** Placeholder values from the incident and company profile; the facts sheet fills product and contact. */
export function holdingValues(src: HoldingDraftSource): PlaceholderValues {
  const fact = (re: RegExp, kind?: string) => src.incident.facts.find((f) => f.value.trim() && (re.test(f.label) || (kind !== undefined && f.kind === kind)))?.value.trim() ?? '';
  return {
    company: src.companyName.trim(),
    product: fact(PRODUCT_LABEL, 'model'),
    incident: src.incident.title.trim(),
    time: formatPlaceholderTime(src.incident.t0, src.language, src.timeZone),
    contact: src.contact.trim() || fact(CONTACT_LABEL),
  };
}

export interface DraftOptions {
  language: Language;
  crisisTypeKey: string;
  companyName: string;
  contact: string;
  by: string;
  /** The author's public key (device key): recorded as the statement's creator and last editor. */
  byKey?: string;
  now: number;
  timeZone?: string;
}

/**
 * Creates the holding statement for an incident and links it, in one transaction.
 * Returns the new statement's id and the placeholders that stayed unfilled.
 * @throws Error when no template exists for the language.
 */
export function draftHoldingStatement(doc: Y.Doc, incidentRec: YRecord, opts: DraftOptions, origin: Origin): { statementId: string; missing: string[] } {
  const incident = readIncident(incidentRec);
  const template = holdingTemplateFor(opts.crisisTypeKey, opts.language);
  if (!template) throw new Error(`No holding-statement template in ${opts.language}`);
  const filled = fillTemplate(template, holdingValues({ incident, crisisTypeKey: opts.crisisTypeKey, language: opts.language, companyName: opts.companyName, contact: opts.contact, ...(opts.timeZone ? { timeZone: opts.timeZone } : {}) }));
  return write(doc, origin, () => {
    const statementId = createStatement(
      doc,
      {
        title: filled.title,
        kind: 'holding',
        language: opts.language,
        by: opts.by,
        ...(opts.byKey ? { byKey: opts.byKey } : {}),
        // A drill's statement is a drill statement for good: it can never be released as real.
        ...(incident.drill ? { drill: true } : {}),
        crisisTypeId: incident.crisisTypeId,
        incidentId: incident.id,
        templateId: template.id,
        channels: ['press', 'website'],
        body: filled.text,
        at: opts.now,
      },
      origin,
    );
    linkStatement(incidentRec, statementId, origin);
    return { statementId, missing: filled.missing };
  });
}
