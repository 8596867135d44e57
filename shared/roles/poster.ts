import { unitAbbreviations } from './abbr.js';
import { memberIndex, needsReview } from './freshness.js';
import { countItemLines, countTextLines, textWidthEm, type InlineItem } from './textMetrics.js';
import { PHASES, RACI_ROLES, rowRoles, type Phase, type RaciRole, type RoleMap, type UnitKind } from './types.js';
import { keyPeopleOf } from './validate.js';

/**
 * Page maths of the printed map: the matrix (crisis types × phases; each cell lists unit labels
 * grouped by role, plus the first responder and whom to call) and then the contact directory
 * (unit, person, phone, e-mail, backup) in two columns, on A4 or A3 landscape.
 *
 * The browser does not decide the pages: every row gets a height from a conservative text
 * estimate (./textMetrics.ts) and the pages are cut here, so the page count is known before
 * printing and the renderer draws exactly these pages, each with the page header and the
 * tables' column headings repeated. A3 is the A4 layout scaled by √2 (same pages, larger
 * type for a wall). A map that fits one page is set in the largest type that keeps it there
 * (larger than the base for small maps, a little smaller for ones that just miss).
 */

export const PAPERS = ['A4', 'A3'] as const;
export type Paper = (typeof PAPERS)[number];

/** Landscape page sizes in millimetres. */
export const PAPER_MM: Record<Paper, { width: number; height: number }> = {
  A4: { width: 297, height: 210 },
  A3: { width: 420, height: 297 },
};

/** Every length below is for A4; A3 multiplies them by this factor. */
const PAPER_FACTOR: Record<Paper, number> = { A4: 1, A3: 420 / 297 };

/** Type sizes tried, largest first (× the base size), when looking for a one-page fit. */
export const FIT_SCALES = [1.25, 1.12, 1, 0.92, 0.85, 0.78] as const;

const PT_MM = 25.4 / 72;
const BASE = {
  margin: 8,
  header: 12,
  legend: 5,
  sectionGap: 3,
  fontPt: 7,
  lineFactor: 1.25,
  padX: 0.9,
  padY: 0.7,
  dirPadY: 0.35,
  border: 0.3,
  /** Matrix columns (mm); the phases share the rest. */
  colCrisisType: 30,
  colFirstResponder: 36,
  dirColumns: 2,
  dirGap: 5,
  /** Directory sub-columns, as shares of one directory column. */
  dirShares: { unit: 0.16, name: 0.18, phone: 0.2, email: 0.31, backup: 0.15 },
  /** Role badge width in em, with its gap. */
  badgeEm: 1.4,
  /** Extra gap between role groups in a cell, in em. */
  groupGapEm: 0.4,
  /** Share of a line the estimate may fill (room for the browser's line-breaking rules). */
  fill: 0.92,
};

export type DirectoryColumn = keyof typeof BASE.dirShares;
export const DIRECTORY_COLUMNS = Object.keys(BASE.dirShares) as DirectoryColumn[];

/** Words printed in measured places (they must be the words the renderer prints). */
export interface PosterLabels {
  crisisType: string;
  firstResponder: string;
  phases: Record<Phase, string>;
  /** Directory column headings. */
  directory: Record<DirectoryColumn, string>;
  external: string;
  noPeople: string;
}

export interface PosterGeometry {
  paper: Paper;
  /** Multiplier of the base type size chosen for a one-page fit (1 when more pages are needed). */
  fitScale: number;
  pageWidthMm: number;
  pageHeightMm: number;
  marginMm: number;
  headerMm: number;
  legendMm: number;
  sectionGapMm: number;
  fontPt: number;
  lineMm: number;
  padXmm: number;
  padYmm: number;
  dirPadYmm: number;
  /** Allowance per table row for its border. */
  borderMm: number;
  colMm: { crisisType: number; firstResponder: number; phase: number };
  matrixHeadMm: number;
  dirColumns: number;
  dirColumnMm: number;
  dirGapMm: number;
  dirColMm: Record<DirectoryColumn, number>;
  dirHeadMm: number;
}

export interface PosterUnitRef {
  id: string;
  name: string;
  abbr: string;
}

export interface PosterRow {
  crisisTypeId: string;
  name: string;
  /** The first responder unit, whom to call there and how. */
  firstResponder: (PosterUnitRef & { person: string; phone: string }) | null;
  phases: { phase: Phase; groups: { role: RaciRole; units: PosterUnitRef[] }[] }[];
  heightMm: number;
}

export interface PosterContact {
  id: string;
  name: string;
  isKey: boolean;
  keyRoleName: string;
  phone: string;
  email: string;
  backupName: string;
  reviewDue: boolean;
  heightMm: number;
}

/** A unit's part of one directory column: its people there (all of them unless split). */
export interface PosterUnitBlock {
  unitId: string;
  name: string;
  abbr: string;
  kind: UnitKind;
  contacts: PosterContact[];
  /** This block continues a unit begun in an earlier column. */
  continued: boolean;
  heightMm: number;
}

export interface PosterPage {
  /** 1-based. */
  number: number;
  rows: PosterRow[];
  /** Directory columns on this page (empty when the page has no directory part). */
  directory: PosterUnitBlock[][];
}

export interface PosterLayout {
  geometry: PosterGeometry;
  pages: PosterPage[];
}

export interface PosterInput {
  map: RoleMap;
  labels: PosterLabels;
  paper: Paper;
  /** For "review due" marks (epoch ms). */
  now: number;
  /** Print only these crisis types (default: all). */
  crisisTypeIds?: ReadonlySet<string>;
}

/** Unit cell text of the directory (measured and printed). */
export function unitCellText(unit: Pick<PosterUnitBlock, 'name' | 'abbr' | 'kind'>, labels: Pick<PosterLabels, 'external'>): string {
  const abbr = unit.abbr && unit.abbr !== unit.name ? ` (${unit.abbr})` : '';
  return `${unit.name}${abbr}${unit.kind === 'external' ? ` · ${labels.external}` : ''}`;
}

/** Name cell text of the directory: a `!` marks details due for review, `★` a key person. */
export function contactNameText(c: Pick<PosterContact, 'name' | 'isKey' | 'keyRoleName' | 'reviewDue'>): string {
  return `${c.reviewDue ? '! ' : ''}${c.name}${c.isKey ? ` ★${c.keyRoleName}` : ''}`;
}

function geometryFor(paper: Paper, fitScale: number): PosterGeometry {
  const k = PAPER_FACTOR[paper];
  const fontPt = BASE.fontPt * fitScale * k;
  const inner = (PAPER_MM.A4.width - 2 * BASE.margin) * k;
  const colCrisisType = BASE.colCrisisType * k;
  const colFirstResponder = BASE.colFirstResponder * k;
  const dirGap = BASE.dirGap * k;
  const dirColumnMm = (inner - (BASE.dirColumns - 1) * dirGap) / BASE.dirColumns;
  const dirColMm = Object.fromEntries(DIRECTORY_COLUMNS.map((c) => [c, dirColumnMm * BASE.dirShares[c]])) as Record<DirectoryColumn, number>;
  return {
    paper,
    fitScale,
    pageWidthMm: PAPER_MM[paper].width,
    pageHeightMm: PAPER_MM[paper].height,
    marginMm: BASE.margin * k,
    headerMm: BASE.header * k,
    legendMm: BASE.legend * k,
    sectionGapMm: BASE.sectionGap * k,
    fontPt,
    lineMm: fontPt * PT_MM * BASE.lineFactor,
    padXmm: BASE.padX * k,
    padYmm: BASE.padY * k,
    dirPadYmm: BASE.dirPadY * k,
    borderMm: BASE.border * k,
    colMm: { crisisType: colCrisisType, firstResponder: colFirstResponder, phase: (inner - colCrisisType - colFirstResponder) / PHASES.length },
    matrixHeadMm: 0,
    dirColumns: BASE.dirColumns,
    dirColumnMm,
    dirGapMm: dirGap,
    dirColMm,
    dirHeadMm: 0,
  };
}

const BOLD = 1.08;

/** Lines of a text in a cell `mm` wide. */
function lines(g: PosterGeometry, text: string, mm: number, scale = 1): number {
  const em = ((mm - 2 * g.padXmm) / (g.fontPt * PT_MM)) * BASE.fill;
  return countTextLines(text, em, scale);
}

function rowHeight(row: PosterRow, g: PosterGeometry): number {
  let frLines = 0;
  if (row.firstResponder) {
    const fr = row.firstResponder;
    frLines = lines(g, `${fr.abbr} ${fr.person}`, g.colMm.firstResponder, BOLD) + (fr.phone ? lines(g, fr.phone, g.colMm.firstResponder) : 0);
  }
  const phaseEm = ((g.colMm.phase - 2 * g.padXmm) / (g.fontPt * PT_MM)) * BASE.fill;
  let phaseLines = 0;
  for (const cell of row.phases) {
    const items: InlineItem[] = [];
    for (const group of cell.groups) {
      group.units.forEach((u, i) => {
        const w = textWidthEm(u.abbr);
        // The badge stays with its first unit (nowrap); groups are set a little apart.
        items.push(i === 0 ? { widthEm: BASE.badgeEm + w + (items.length ? BASE.groupGapEm : 0), text: u.abbr, spaceBefore: true } : { widthEm: w, text: u.abbr, spaceBefore: true });
      });
    }
    phaseLines = Math.max(phaseLines, countItemLines(items, phaseEm));
  }
  const n = Math.max(1, lines(g, row.name, g.colMm.crisisType, BOLD), frLines, phaseLines);
  return n * g.lineMm + 2 * g.padYmm + g.borderMm;
}

function contactHeight(c: PosterContact, g: PosterGeometry): number {
  const w = g.dirColMm;
  const n = Math.max(1, lines(g, contactNameText(c), w.name), lines(g, c.phone, w.phone), lines(g, c.email, w.email), lines(g, c.backupName, w.backup));
  return n * g.lineMm + 2 * g.dirPadYmm + g.borderMm;
}

/** Least height of a block holding `contacts`: its people, but never less than the unit cell. */
function blockHeight(block: Omit<PosterUnitBlock, 'heightMm'>, g: PosterGeometry, labels: PosterLabels): number {
  const unitLines = lines(g, unitCellText(block, labels), g.dirColMm.unit, BOLD);
  const people = block.contacts.length ? block.contacts.reduce((s, c) => s + c.heightMm, 0) : g.lineMm * Math.max(1, lines(g, labels.noPeople, g.dirColMm.name)) + 2 * g.dirPadYmm + g.borderMm;
  return Math.max(people, unitLines * g.lineMm + 2 * g.dirPadYmm + g.borderMm);
}

/** Rows and directory blocks with their printed content (before measuring). */
function content(input: PosterInput): { rows: PosterRow[]; blocks: Omit<PosterUnitBlock, 'heightMm'>[] } {
  const { map } = input;
  const abbr = unitAbbreviations(map.units);
  const index = memberIndex(map);
  const ref = (u: { id: string; name: string }): PosterUnitRef => ({ id: u.id, name: u.name, abbr: abbr.get(u.id) ?? u.name });
  const units = new Map(map.units.map((u) => [u.id, u]));
  const order: RaciRole[] = ['A', ...RACI_ROLES.filter((r) => r !== 'A')];

  const rows: PosterRow[] = map.crisisTypes
    .filter((ct) => !input.crisisTypeIds || input.crisisTypeIds.has(ct.id))
    .map((ct) => {
      const frUnit = units.get(ct.firstResponderUnitId);
      const key = frUnit ? keyPeopleOf(frUnit)[0] : undefined;
      const firstResponder = frUnit ? { ...ref(frUnit), person: key?.name ?? '', phone: key ? key.phone || key.email : '' } : null;
      const phases = PHASES.map((phase) => {
        const roles = rowRoles(map, ct.id, phase);
        return { phase, groups: order.filter((r) => roles[r].length > 0).map((role) => ({ role, units: roles[role].map(ref) })) };
      });
      return { crisisTypeId: ct.id, name: ct.name, firstResponder, phases, heightMm: 0 };
    });

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

function headLines(g: PosterGeometry, labels: PosterLabels): { matrix: number; directory: number } {
  const matrix = Math.max(lines(g, labels.crisisType, g.colMm.crisisType, BOLD), lines(g, labels.firstResponder, g.colMm.firstResponder, BOLD), ...PHASES.map((p) => lines(g, labels.phases[p], g.colMm.phase, BOLD)));
  const directory = Math.max(...DIRECTORY_COLUMNS.map((c) => lines(g, labels.directory[c], g.dirColMm[c], BOLD)));
  return { matrix, directory };
}

function paginate(rows: PosterRow[], blocks: Omit<PosterUnitBlock, 'heightMm'>[], g: PosterGeometry, labels: PosterLabels): PosterPage[] {
  const heads = headLines(g, labels);
  g.matrixHeadMm = heads.matrix * g.lineMm + 2 * g.padYmm + g.borderMm;
  g.dirHeadMm = heads.directory * g.lineMm + 2 * g.dirPadYmm + g.borderMm;
  for (const r of rows) r.heightMm = rowHeight(r, g);
  for (const b of blocks) for (const c of b.contacts) c.heightMm = contactHeight(c, g);

  const available = g.pageHeightMm - 2 * g.marginMm - g.headerMm;
  const pages: PosterPage[] = [];
  let page: PosterPage = { number: 1, rows: [], directory: [] };
  let used = 0;
  const nextPage = () => {
    pages.push(page);
    page = { number: pages.length + 1, rows: [], directory: [] };
    used = 0;
  };

  const matrixTop = g.legendMm + g.matrixHeadMm;
  for (const row of rows) {
    if (page.rows.length > 0 && used + row.heightMm > available) nextPage();
    used += (page.rows.length === 0 ? matrixTop : 0) + row.heightMm;
    page.rows.push(row);
  }

  // The directory fills columns top to bottom, then the next page. A unit moves whole to the
  // next column when it fits there; a unit taller than a column is split between people.
  let column: PosterUnitBlock[] = [];
  let columnTop = 0;
  let columnUsed = 0;
  const openColumn = () => {
    if (page.directory.length >= g.dirColumns) nextPage();
    if (page.directory.length === 0) {
      const gap = used > 0 ? g.sectionGapMm : 0;
      columnTop = used + gap + g.dirHeadMm;
      used = columnTop;
    }
    column = [];
    page.directory.push(column);
    columnUsed = 0;
  };
  const room = () => available - columnTop - columnUsed;
  const fresh = () => available - g.dirHeadMm;
  const place = (b: Omit<PosterUnitBlock, 'heightMm'>) => {
    const placed = { ...b, heightMm: blockHeight(b, g, labels) };
    column.push(placed);
    columnUsed += placed.heightMm;
    used = Math.max(used, columnTop + columnUsed);
  };

  if (blocks.length > 0) {
    // Start the directory on a new page rather than squeeze a sliver of it below the matrix.
    if (used > 0 && available - used - g.sectionGapMm - g.dirHeadMm < available * 0.2) nextPage();
    openColumn();
  }
  for (const block of blocks) {
    const whole = blockHeight(block, g, labels);
    if (whole <= room()) {
      place(block);
      continue;
    }
    if (whole <= fresh() || block.contacts.length <= 1) {
      if (columnUsed > 0) openColumn();
      place(block);
      continue;
    }
    let rest = block.contacts;
    let continued = false;
    while (rest.length > 0) {
      const take: PosterContact[] = [];
      let h = 0;
      for (const c of rest) {
        if (take.length > 0 && h + c.heightMm > room()) break;
        take.push(c);
        h += c.heightMm;
      }
      if (take.length === 1 && h > room() && columnUsed > 0) {
        openColumn();
        continue;
      }
      place({ ...block, contacts: take, continued });
      rest = rest.slice(take.length);
      continued = true;
      if (rest.length > 0) openColumn();
    }
  }
  pages.push(page);
  balanceLastColumns(page);
  return pages;
}

/**
 * On the last page nothing follows, so its directory is spread evenly over the columns instead
 * of filling the first one and leaving the rest short (units move whole; split units stay put).
 */
function balanceLastColumns(page: PosterPage): void {
  const blocks = page.directory.flat();
  if (page.directory.length === 0 || blocks.some((b) => b.continued) || new Set(blocks.map((b) => b.unitId)).size !== blocks.length) return;
  if (page.directory.length > 2) return;
  const total = blocks.reduce((s, b) => s + b.heightMm, 0);
  const tallest = Math.max(...page.directory.map((col) => col.reduce((s, b) => s + b.heightMm, 0)));
  let best = { split: blocks.length, height: tallest };
  let first = 0;
  for (let k = 0; k < blocks.length; k++) {
    first += blocks[k]!.heightMm;
    const height = Math.max(first, total - first);
    if (height < best.height - 1e-9) best = { split: k + 1, height };
  }
  page.directory = [blocks.slice(0, best.split), blocks.slice(best.split)].filter((col) => col.length > 0);
}

/**
 * Lays the poster out: in the largest type size of FIT_SCALES that fits everything on one page,
 * or, when no size does, in the base size over as many pages as needed.
 */
export function layoutPoster(input: PosterInput): PosterLayout {
  const attempt = (scale: number): PosterLayout => {
    const { rows, blocks } = content(input);
    const geometry = geometryFor(input.paper, scale);
    return { geometry, pages: paginate(rows, blocks, geometry, input.labels) };
  };
  // A map that does not fit one page at the base size will not at a larger one either.
  const base = attempt(1);
  if (base.pages.length > 1) {
    for (const scale of FIT_SCALES.filter((s) => s < 1)) {
      const smaller = attempt(scale);
      if (smaller.pages.length === 1) return smaller;
    }
    return base;
  }
  for (const scale of FIT_SCALES.filter((s) => s > 1)) {
    const larger = attempt(scale);
    if (larger.pages.length === 1) return larger;
  }
  return base;
}
