import { getPlatform } from '../../platform';
import type { PdfOutcome } from '../../platform/platform';
import type { PdfRequest } from '../../../shared/ipc';

/**
 * The statements feature's side effects on files: printing a statement or the audit trail to PDF
 * (Electron saves a file; a browser opens its print dialog) and saving the audit CSV.
 */
export function printStatementPdf(request: PdfRequest): Promise<PdfOutcome> {
  return getPlatform().printToPdf(request);
}

export async function saveAuditCsv(suggestedName: string, text: string): Promise<void> {
  await getPlatform().saveFile({ suggestedName, mime: 'text/csv', text });
}
