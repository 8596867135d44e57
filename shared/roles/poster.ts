import { unitAbbreviations } from './abbr.js';
import { memberIndex, needsReview } from './freshness.js';
import { FIT_SCALES, geometryFor, type Paper, type PosterLabels } from './posterGeometry.js';
import type { PosterLayout, PosterRow, PosterUnitBlock, PosterUnitRef } from './posterModel.js';
import { paginate } from './posterPages.js';
import { PHASES, RACI_ROLES, rowRoleIndex, type RaciRole, type RoleMap } from './types.js';
import { keyPeopleOf } from './validate.js';

/**
 * Page maths of the printed map: the matrix (crisis types × phases; each cell lists unit labels
 * grouped by role, plus the first responder and whom to call) and then the contact directory
 * (unit, person, phone, e-mail, backup) in two columns, on A4 or A3 landscape.
 *
 * The browser does not decide the pages: every row gets a height from a conservative text
 * estimate (./textMetrics.ts) and the pages are cut in code, so the page count is known before
 * printing and the renderer draws exactly these pages, each with the page header and the
 * tables' column headings repeated. A3 is the A4 layout scaled by √2 (same pages, larger
 * type for a wall). A map that fits one page is set in the largest type that keeps it there
 * (larger than the base for small maps, a little smaller for ones that just miss).
 *
 * Split in three: ./posterGeometry.ts (paper, type, line estimate), ./posterModel.ts (what a page
 * holds), ./posterPages.ts (measuring and page cuts); this module gathers the map's content and
 * picks the type size. It re-exports geometry and model, so callers import from here.
 */

export * from './posterGeometry.js';
export * from './posterModel.js';

export interface PosterInput {
  map: RoleMap;
  labels: PosterLabels;
  paper: Paper;
  /** For "review due" marks (epoch ms). */
  now: number;
  /** Print only these crisis types (default: all). */
  crisisTypeIds?: ReadonlySet<string>;
}

/** What every row reads: unit labels, units by id, each row's roles. */
function prepare(map: RoleMap) {
  return { abbr: unitAbbreviations(map.units), units: new Map(map.units.map((u) => [u.id, u])), byRow: rowRoleIndex(map) };
}

/** Rows and directory blocks with their printed content (before measuring); `rowLimit`: only the first rows, no blocks. */
function content(input: PosterInput, rowLimit = Infinity, prepared = prepare(input.map)): { rows: PosterRow[]; blocks: Omit<PosterUnitBlock, 'heightMm'>[] } {
  const { map } = input;
  const { abbr, units, byRow } = prepared;
  const ref = (u: { id: string; name: string }): PosterUnitRef => ({ id: u.id, name: u.name, abbr: abbr.get(u.id) ?? u.name });
  const order: RaciRole[] = ['A', ...RACI_ROLES.filter((r) => r !== 'A')];

  const rows: PosterRow[] = map.crisisTypes
    .filter((ct) => !input.crisisTypeIds || input.crisisTypeIds.has(ct.id))
    .slice(0, rowLimit)
    .map((ct) => {
      const frUnit = units.get(ct.firstResponderUnitId);
      const key = frUnit ? keyPeopleOf(frUnit)[0] : undefined;
      const firstResponder = frUnit ? { ...ref(frUnit), person: key?.name ?? '', phone: key ? key.phone || key.email : '' } : null;
      const phases = PHASES.map((phase) => {
        const roles = byRow.get(`${ct.id}|${phase}`);
        return { phase, groups: roles ? order.filter((r) => roles[r].length > 0).map((role) => ({ role, units: roles[role].map(ref) })) : [] };
      });
      return { crisisTypeId: ct.id, name: ct.name, firstResponder, phases, heightMm: 0 };
    });

  if (rowLimit !== Infinity) return { rows, blocks: [] };
  const index = memberIndex(map);
  const blocks = map.units.map((u) => ({
    unitId: u.id,
    name: u.name,
    abbr: abbr.get(u.id) ?? '',
    kind: u.kind,
    continued: false,
    contacts: u.members.map((m) => ({
      id: m.id,
      name: m.name,
      isKey: m.isKey,
      keyRoleName: m.keyRoleName,
      phone: m.phone.trim(),
      email: m.email.trim(),
      backupName: m.backupMemberId && m.backupMemberId !== m.id ? (index.get(m.backupMemberId)?.member.name ?? '') : '',
      reviewDue: needsReview(m, input.now),
      heightMm: 0,
    })),
  }));
  return { rows, blocks };
}

/**
 * Lays the poster out: in the largest type size of FIT_SCALES that fits everything on one page,
 * or, when no size does, in the base size over as many pages as needed.
 */
export function layoutPoster(input: PosterInput): PosterLayout {
  // The content once; each attempt measures its own copies (paginate fills in heights).
  const { rows, blocks } = content(input);
  const attempt = (scale: number, maxPages?: number): PosterLayout | null => {
    const geometry = geometryFor(input.paper, scale);
    const copies = blocks.map((b) => ({ ...b, contacts: b.contacts.map((c) => ({ ...c })) }));
    const pages = paginate(
      rows.map((r) => ({ ...r })),
      copies,
      geometry,
      input.labels,
      maxPages,
    );
    return pages && { geometry, pages };
  };
  // A map that does not fit one page at the base size will not at a larger one either.
  const base = attempt(1)!;
  if (base.pages.length > 1) {
    for (const scale of FIT_SCALES.filter((s) => s < 1)) {
      const smaller = attempt(scale, 1);
      if (smaller) return smaller;
    }
    return base;
  }
  for (const scale of FIT_SCALES.filter((s) => s > 1)) {
    const larger = attempt(scale, 1);
    if (larger) return larger;
  }
  return base;
}

/** Crisis types measured first by `layoutPosterStart` (doubled until its sheets are known). */
const START_ROWS = 32;

/**
 * The first `sheets` pages of `layoutPoster(input)`, without laying out the whole map (issue 14,
 * P16: a 100× map's layout takes a visible pause; the preview shows these first, then the
 * whole layout). The matrix fills pages top to bottom, so its first pages depend only on its
 * first rows: rows are measured until more than `sheets` pages start (those before the last are
 * then final), in the base type size — the one the whole map gets when these rows alone do not
 * fit one page in the smallest type size. Null when the map is small enough for that not to
 * hold (a few pages: the whole layout is quick then).
 */
export function layoutPosterStart(input: PosterInput, sheets: number): PosterLayout | null {
  const chosen = input.crisisTypeIds ? input.map.crisisTypes.filter((ct) => input.crisisTypeIds!.has(ct.id)).length : input.map.crisisTypes.length;
  const smallest = Math.min(...FIT_SCALES);
  const prepared = prepare(input.map);
  for (let n = START_ROWS; ; n *= 2) {
    const geometry = geometryFor(input.paper, 1);
    const pages = paginate(content(input, n, prepared).rows, [], geometry, input.labels)!;
    if (pages.length > sheets && paginate(content(input, n, prepared).rows, [], geometryFor(input.paper, smallest), input.labels, 1) === null) return { geometry, pages: pages.slice(0, sheets) };
    if (n >= chosen) return null;
  }
}
