import { countTextLines } from './textMetrics.js';
import { PHASES, type Phase } from './types.js';

/**
 * The printed map's paper and type: page sizes, the base lengths of the A4 layout (A3 scales them
 * by √2) and the geometry derived for one paper and type size; `lines` estimates how many lines a
 * text takes in a cell. Used by ./posterPages.ts (measuring, page cuts) and the renderer (drawing).
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

/** Millimetres per typographic point. */
export const PT_MM = 25.4 / 72;
/** The A4 layout's lengths (mm) and type; exported for ./posterPages.ts. */
export const BASE = {
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

/** The geometry of `paper` with type at `fitScale` × the base size. */
export function geometryFor(paper: Paper, fitScale: number): PosterGeometry {
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

/** Width factor of bold text (headings, unit and crisis-type names). */
export const BOLD = 1.08;

/** Lines of a text in a cell `mm` wide. */
export function lines(g: PosterGeometry, text: string, mm: number, scale = 1): number {
  const em = ((mm - 2 * g.padXmm) / (g.fontPt * PT_MM)) * BASE.fill;
  return countTextLines(text, em, scale);
}
