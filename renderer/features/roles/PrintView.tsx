import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { navigate, workspacePath } from '../../app/router';
import { PAPERS } from '../../../shared/roles/poster';
import { useMountedPages } from './mountedPages';
import { Poster } from './Poster';
import { printPoster, savePosterPdf } from './rolesFiles';
import { posterOptions, posterQuery, usePoster } from './usePoster';

/**
 * The print route (`#/w/<id>/roles/print?size=A4|A3&types=…`): only the poster's sheets, with a
 * toolbar that is not printed. Printing, PDF export (Electron's printToPDF) and Chromium's
 * page.pdf all print this page, so they all get the same layout.
 */
export function PrintView({ doc, workspaceId, params }: { doc: Y.Doc; workspaceId: string; params: URLSearchParams }) {
  const { t } = useTranslation('roles');
  const { paper, types } = posterOptions(params);
  const { layout, labels, header } = usePoster(doc, paper, types);
  // Every sheet, a few per task (a 100× map is hundreds of pages); printing waits for all of them.
  const mounted = useMountedPages(layout.pages.length, 'all');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  // Full-screen pages have no toast area: outcomes show in the toolbar.
  const toast = setStatus;

  useEffect(() => {
    const style = document.createElement('style');
    style.dataset.poster = paper;
    style.textContent = `@page { size: ${paper} landscape; margin: 0; } @media print { html, body { background: #fff; } }`;
    document.head.append(style);
    return () => style.remove();
  }, [paper]);

  const exportPdf = async () => {
    setBusy(true);
    try {
      const result = await savePosterPdf(paper, `${header.workspace || 'crisis-room'}-${t('poster.heading')}-${paper}`);
      if (result.kind === 'saved') toast(t('poster.pdfSaved', { path: result.path }));
      else if (result.kind === 'print-dialog') toast(t('poster.printDialog'));
    } catch (err) {
      toast(t('poster.pdfFailed', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="roles-print-view">
      <div className="roles-print-toolbar no-print row">
        <a href={`${workspacePath(workspaceId, 'roles', 'poster')}?${posterQuery(paper, types)}`} data-testid="print-back">
          ← {t('poster.back')}
        </a>
        <select aria-label={t('poster.paper')} value={paper} onChange={(e) => navigate(`${workspacePath(workspaceId, 'roles', 'print')}?${posterQuery(e.target.value === 'A3' ? 'A3' : 'A4', types)}`)}>
          {PAPERS.map((p) => (
            <option key={p} value={p}>
              {t(`poster.papers.${p}`)}
            </option>
          ))}
        </select>
        <span className="badge">{t('poster.pages', { count: layout.pages.length })}</span>
        {layout.pages.length > 1 && (
          <span className="muted small" data-testid="print-sheets" data-complete={mounted.complete}>
            {mounted.complete ? t('sheets.ready', { total: layout.pages.length }) : t('sheets.preparing', { n: mounted.count, total: layout.pages.length })}
          </span>
        )}
        <span className="muted small" role="status" data-testid="print-status">
          {status}
        </span>
        <span className="spacer" />
        <button type="button" disabled={busy || !mounted.complete} onClick={() => void printPoster()}>
          {t('poster.print')}
        </button>
        <button type="button" className="primary" disabled={busy || !mounted.complete} data-testid="export-pdf" onClick={() => void exportPdf()}>
          {t('poster.pdf')}
        </button>
      </div>
      <Poster layout={layout} labels={labels} header={header} mounted={mounted} />
    </div>
  );
}
