import { countItemLines, textWidthEm, type InlineItem } from './textMetrics.js';
import { PHASES } from './types.js';
import { BASE, BOLD, DIRECTORY_COLUMNS, lines, PT_MM, type PosterGeometry, type PosterLabels } from './posterGeometry.js';
import { contactNameText, unitCellText, type PosterContact, type PosterPage, type PosterRow, type PosterUnitBlock } from './posterModel.js';

/**
 * Measuring and cutting pages: every matrix row and directory entry gets a height from the text
 * estimate, then the matrix fills pages top to bottom and the directory fills columns after it
 * (a unit moves whole to the next column, or is split between its people when taller than one).
 */

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


function headLines(g: PosterGeometry, labels: PosterLabels): { matrix: number; directory: number } {
  const matrix = Math.max(lines(g, labels.crisisType, g.colMm.crisisType, BOLD), lines(g, labels.firstResponder, g.colMm.firstResponder, BOLD), ...PHASES.map((p) => lines(g, labels.phases[p], g.colMm.phase, BOLD)));
  const directory = Math.max(...DIRECTORY_COLUMNS.map((c) => lines(g, labels.directory[c], g.dirColMm[c], BOLD)));
  return { matrix, directory };
}

/** Thrown inside `paginate` when a layout needs more pages than the caller accepts. */
const TOO_MANY = Symbol('too many pages');

/**
 * Measures `rows` and `blocks` in `g` (filling in heights) and cuts them into pages; null as
 * soon as more than `maxPages` would be needed (a type size tried for a one-page fit).
 */
export function paginate(rows: PosterRow[], blocks: Omit<PosterUnitBlock, 'heightMm'>[], g: PosterGeometry, labels: PosterLabels, maxPages = Infinity): PosterPage[] | null {
  try {
    return cutPages(rows, blocks, g, labels, maxPages);
  } catch (err) {
    if (err === TOO_MANY) return null;
    throw err;
  }
}

function cutPages(rows: PosterRow[], blocks: Omit<PosterUnitBlock, 'heightMm'>[], g: PosterGeometry, labels: PosterLabels, maxPages: number): PosterPage[] {
  const heads = headLines(g, labels);
  g.matrixHeadMm = heads.matrix * g.lineMm + 2 * g.padYmm + g.borderMm;
  g.dirHeadMm = heads.directory * g.lineMm + 2 * g.dirPadYmm + g.borderMm;
  // Heights are measured as rows and blocks are placed, so a try that stops early (more pages
  // than it accepts) measures no more than it placed.

  const available = g.pageHeightMm - 2 * g.marginMm - g.headerMm;
  const pages: PosterPage[] = [];
  let page: PosterPage = { number: 1, rows: [], directory: [] };
  let used = 0;
  const nextPage = () => {
    if (pages.length + 1 >= maxPages) throw TOO_MANY;
    pages.push(page);
    page = { number: pages.length + 1, rows: [], directory: [] };
    used = 0;
  };

  const matrixTop = g.legendMm + g.matrixHeadMm;
  for (const row of rows) {
    row.heightMm = rowHeight(row, g);
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
    for (const c of block.contacts) c.heightMm = contactHeight(c, g);
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
