import { exportRoleMapCsv } from '../../../shared/roles/csv';
import type { Paper } from '../../../shared/roles/poster';
import type { RoleMap } from '../../../shared/roles/types';
import { exportVCards } from '../../../shared/roles/vcard';
import { getPlatform, type PdfOutcome, type SaveOutcome } from '../../platform';
import type { OpenFileResult, PrintResult } from '../../../shared/ipc';

/**
 * The responsibility map's files and printing: what the roles pages ask of the platform (save and
 * open dialogs, print, PDF), kept out of the components (renderer/CONTEXT.md: side effects live
 * in services). Each returns the platform's outcome for the page to report.
 */

/** Labels vCard export writes next to the numbers, in the UI language. */
export interface VCardLabels {
  backup: string;
  handle: string;
  keyRole: string;
  category: string;
}

/** Saves every contact as one vCard file. */
export function saveContactCards(map: RoleMap, baseName: string, labels: VCardLabels): Promise<SaveOutcome> {
  return getPlatform().saveFile({ suggestedName: `${baseName}-contacts.vcf`, mime: 'text/vcard', text: exportVCards(map, labels), filters: [{ name: 'vCard', extensions: ['vcf'] }] });
}

/** Saves people and matrix as one CSV file (safe against spreadsheet formulas). */
export function saveRoleMapCsv(map: RoleMap, baseName: string): Promise<SaveOutcome> {
  return getPlatform().saveFile({ suggestedName: `${baseName}-roles.csv`, mime: 'text/csv', text: exportRoleMapCsv(map), filters: [{ name: 'CSV', extensions: ['csv'] }] });
}

/** Lets the person pick a CSV file to import (its bytes; the encoding is decided afterwards). */
export function pickRoleMapCsv(maxBytes: number): Promise<OpenFileResult> {
  return getPlatform().openFile({ as: 'bytes', filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }], maxBytes });
}

/** Prints the poster page (the platform's print dialog). */
export function printPoster(): Promise<PrintResult> {
  return getPlatform().print();
}

/** The poster as PDF: saved by Electron, the print dialog in a browser. */
export function savePosterPdf(paper: Paper, saveAs: string): Promise<PdfOutcome> {
  return getPlatform().printToPdf({ pageSize: paper, landscape: true, saveAs });
}
