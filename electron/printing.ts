import type { IpcParsedRequest, PdfResult, PrintResult } from '../shared/ipc.js';
import { askSavePath, type FilesElectron, writeFileSafely } from './files.js';
import type { IpcCaller } from './ipc.js';

const PDF_FILTERS = [{ name: 'PDF', extensions: ['pdf'] }];

/**
 * Renders the caller's page to PDF with the chosen paper. With `saveAs`, asks where to save
 * first (so cancelling costs nothing) and writes the file; otherwise returns the bytes.
 */
export async function printToPdf(
  electron: FilesElectron,
  caller: IpcCaller,
  request: IpcParsedRequest<'printToPdf'>,
): Promise<PdfResult> {
  let path: string | null = null;
  if (request.saveAs !== undefined) {
    const name = request.saveAs.toLowerCase().endsWith('.pdf') ? request.saveAs : `${request.saveAs}.pdf`;
    path = await askSavePath(electron, caller, name, PDF_FILTERS);
    if (path === null) return { kind: 'cancelled' };
  }
  const bytes = await caller.contents.printToPDF({
    pageSize: request.pageSize,
    landscape: request.landscape,
    printBackground: true,
    // Print views set their own @page size and margins (the roles poster fills the sheet edge
    // to edge); honouring them gives the same layout as Chromium's page.pdf in web mode.
    // The app always sets @page size to the paper chosen in the app, so the two agree.
    preferCSSPageSize: true,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
  if (path === null) return { kind: 'pdf', bytes };
  await writeFileSafely(path, bytes);
  return { kind: 'saved', path };
}

/** Opens the system print dialog for the caller's page. */
export function print(caller: IpcCaller): Promise<PrintResult> {
  return new Promise((resolve) => {
    caller.contents.print({ silent: false, printBackground: true }, (printed, failureReason) => {
      if (printed) resolve({ outcome: 'printed' });
      else if (failureReason === 'cancelled') resolve({ outcome: 'cancelled' });
      else resolve({ outcome: 'failed', reason: failureReason || 'unknown error' });
    });
  });
}
