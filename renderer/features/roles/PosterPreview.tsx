import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { navigate, workspacePath } from '../../app/router';
import { PAPERS, PAPER_MM } from '../../../shared/roles/poster';
import type { RoleMap } from '../../../shared/roles/types';
import type { RoleIssue } from '../../../shared/roles/validate';
import { useMountedPages } from './mountedPages';
import { Poster } from './Poster';
import { posterOptions, posterQuery, usePoster } from './usePoster';

/** The print preview inside the app: paper, which crisis types, and the pages at reduced size. */
export function PosterPreview({ doc, map, now, issues, workspaceId, params }: { doc: Y.Doc; map: RoleMap; now: number; issues: RoleIssue[]; workspaceId: string; params: URLSearchParams }) {
  const { t } = useTranslation('roles');
  const { paper, types } = posterOptions(params);
  // The first sheets at once, the whole layout after they are painted (./usePoster.ts).
  const { layout, labels, header, partial } = usePoster(doc, paper, types, { map, now, issues }, true);
  // Only the sheets near the view are drawn (a 100× map is hundreds of pages).
  const mounted = useMountedPages(layout.pages.length, 'view');
  const [typesOpen, setTypesOpen] = useState(false);
  const here = (p: typeof paper, ts: string[] | null) => `${workspacePath(workspaceId, 'roles', 'poster')}?${posterQuery(p, ts)}`;
  const printView = `${workspacePath(workspaceId, 'roles', 'print')}?${posterQuery(paper, types)}`;
  const chosen = new Set(types ?? map.crisisTypes.map((c) => c.id));
  const toggle = (id: string) => {
    const next = map.crisisTypes.map((c) => c.id).filter((x) => (x === id ? !chosen.has(x) : chosen.has(x)));
    navigate(here(paper, next.length === map.crisisTypes.length ? null : next));
  };

  // Fit the sheets to the width of the page.
  const box = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(0.5);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const sheetPx = (PAPER_MM[paper].width / 25.4) * 96;
    const fit = () => setZoom(Math.min(1, Math.max(0.2, (el.clientWidth - 8) / sheetPx)));
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    return () => ro.disconnect();
  }, [paper]);

  return (
    <div className="roles-poster-preview">
      <div className="row roles-toolbar">
        <label className="field">
          <span>{t('poster.paper')}</span>
          <select aria-label={t('poster.paper')} data-testid="poster-paper" value={paper} onChange={(e) => navigate(here(e.target.value === 'A3' ? 'A3' : 'A4', types))}>
            {PAPERS.map((p) => (
              <option key={p} value={p}>
                {t(`poster.papers.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="badge" data-testid="poster-page-count">
          {partial ? t('sheets.counting') : t('poster.pages', { count: layout.pages.length })}
        </span>
        {layout.geometry.fitScale !== 1 && <span className="badge">{t('poster.scale', { percent: Math.round(layout.geometry.fitScale * 100) })}</span>}
        <span className="muted small">{t('poster.version', { fingerprint: header.fingerprint })}</span>
        <span className="spacer" />
        <a className="button primary" href={printView} data-testid="open-print-view">
          {t('poster.openPrintView')}
        </a>
      </div>
      <details className="roles-poster-types" onToggle={(e) => setTypesOpen(e.currentTarget.open)}>
        <summary>
          {t('poster.types')}: {types ? `${chosen.size} / ${map.crisisTypes.length}` : t('poster.allTypes')}
        </summary>
        <div className="row">
          {/* Filled in when opened: at 100× these are 1,300 checkboxes. */}
          {typesOpen && map.crisisTypes.map((c) => (
            <label key={c.id} className="roles-check">
              <input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} />
              {c.name || t('untitled')}
            </label>
          ))}
        </div>
      </details>
      <div className="roles-poster-sheets" ref={box}>
        <div style={{ zoom }}>
          <Poster layout={layout} labels={labels} header={header} mounted={mounted} partial={partial} />
        </div>
      </div>
    </div>
  );
}
