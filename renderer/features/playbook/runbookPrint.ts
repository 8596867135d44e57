import { getPlatform } from '../../platform';

/** Prints the runbook (Electron: saves a PDF; browser: the print dialog). Returns whether a file was saved. */
export async function printRunbook(fileName: string): Promise<boolean> {
  const outcome = await getPlatform().printToPdf({ pageSize: 'A4', landscape: false, saveAs: `${fileName.replace(/[\\/:*?"<>|]/g, ' ').trim() || 'runbook'}.pdf` });
  return outcome.kind === 'saved';
}
