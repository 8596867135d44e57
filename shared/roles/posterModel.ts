import type { PosterGeometry, PosterLabels } from './posterGeometry.js';
import type { Phase, RaciRole, UnitKind } from './types.js';

/**
 * What the printed map shows, page by page: matrix rows (crisis type, first responder, units by
 * role per phase) and directory blocks (a unit's people in one directory column), each with its
 * measured height; and the two cell texts that are both measured and printed.
 */

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

/** Unit cell text of the directory (measured and printed). */
export function unitCellText(unit: Pick<PosterUnitBlock, 'name' | 'abbr' | 'kind'>, labels: Pick<PosterLabels, 'external'>): string {
  const abbr = unit.abbr && unit.abbr !== unit.name ? ` (${unit.abbr})` : '';
  return `${unit.name}${abbr}${unit.kind === 'external' ? ` · ${labels.external}` : ''}`;
}

/** Name cell text of the directory: a `!` marks details due for review, `★` a key person. */
export function contactNameText(c: Pick<PosterContact, 'name' | 'isKey' | 'keyRoleName' | 'reviewDue'>): string {
  return `${c.reviewDue ? '! ' : ''}${c.name}${c.isKey ? ` ★${c.keyRoleName}` : ''}`;
}
