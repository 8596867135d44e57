import type { CSSProperties } from 'react';
import type { MountedPages } from './mountedPages';
import { useTranslation } from 'react-i18next';
import { contactNameText, DIRECTORY_COLUMNS, unitCellText, type PosterGeometry, type PosterLabels, type PosterLayout, type PosterPage, type PosterRow, type PosterUnitBlock } from '../../../shared/roles/poster';
import { PHASES } from '../../../shared/roles/types';
import './poster.css';

/** What the poster's page header says besides the page number. */
export interface PosterHeader {
  workspace: string;
  fingerprint: string;
  printedAt: string;
  openErrors: number;
}

const mm = (n: number) => `${n.toFixed(3)}mm`;

/** The words the poster prints in measured places, in the current language. */
export function usePosterLabels(): PosterLabels {
  const { t } = useTranslation('roles');
  return {
    crisisType: t('poster.crisisType'),
    firstResponder: t('poster.firstResponder'),
    phases: Object.fromEntries(PHASES.map((p) => [p, t(`phases.${p}`)])) as PosterLabels['phases'],
    directory: Object.fromEntries(DIRECTORY_COLUMNS.map((c) => [c, t(`poster.directory.${c}`)])) as PosterLabels['directory'],
    external: t('poster.external'),
    noPeople: t('poster.noPeople'),
  };
}

/**
 * The printed map: exactly the pages `layoutPoster` planned, each a fixed-size sheet with the
 * page header, the matrix part (column headings repeated) and the directory part. Sizes are in
 * millimetres so screen preview, Chromium's PDF and Electron's printToPDF draw the same thing.
 * `mounted` says which sheets are drawn (./mountedPages.ts: those near the view in the preview,
 * all of them — a few per task — in the print view); the others are empty boxes of the same size.
 * `partial`: only the first sheets are laid out yet (./usePoster.ts): the page count is not
 * known (no `data-pages`, the headers say "… pages").
 */
export function Poster({ layout, labels, header, mounted, partial = false }: { layout: PosterLayout; labels: PosterLabels; header: PosterHeader; mounted: MountedPages; partial?: boolean }) {
  const { t } = useTranslation('roles');
  const g = layout.geometry;
  const style = {
    '--poster-font': `${g.fontPt.toFixed(3)}pt`,
    '--poster-line': mm(g.lineMm),
    '--poster-pad-x': mm(g.padXmm),
    '--poster-pad-y': mm(g.padYmm),
    '--poster-dir-pad-y': mm(g.dirPadYmm),
    '--poster-k': String(g.pageWidthMm / 297),
  } as CSSProperties;
  return (
    <div className="poster" data-testid="poster" data-paper={g.paper} data-pages={partial ? undefined : layout.pages.length} data-partial={partial} data-complete={!partial && mounted.complete} data-fit-scale={g.fitScale} style={style}>
      {layout.pages.map((page, i) => (
        <PosterSheet key={page.number} index={i} mounted={mounted} page={page} total={partial ? t('sheets.unknownTotal') : layout.pages.length} g={g} labels={labels} header={header} />
      ))}
    </div>
  );
}

function PosterSheet({ index, mounted, page, total, g, labels, header }: { index: number; mounted: MountedPages; page: PosterPage; total: number | string; g: PosterGeometry; labels: PosterLabels; header: PosterHeader }) {
  const drawn = mounted.drawn(index);
  return (
    <section ref={mounted.boxRef(index)} data-sheet={index} data-drawn={drawn} className="poster-page" data-testid="poster-page" style={{ width: mm(g.pageWidthMm), height: mm(g.pageHeightMm - 0.6), padding: mm(g.marginMm) }}>
      {drawn && <SheetContent page={page} total={total} g={g} labels={labels} header={header} />}
    </section>
  );
}

function SheetContent({ page, total, g, labels, header }: { page: PosterPage; total: number | string; g: PosterGeometry; labels: PosterLabels; header: PosterHeader }) {
  const { t } = useTranslation('roles');
  return (
    <>
      <header className="poster-header" style={{ height: mm(g.headerMm) }}>
        <div className="poster-title">
          <strong>{header.workspace}</strong>
          <span>{t('poster.heading')}</span>
        </div>
        <div className="poster-meta">
          <span>{t('poster.version', { fingerprint: header.fingerprint })}</span>
          <span>{t('poster.printed', { date: header.printedAt })}</span>
          {header.openErrors > 0 && <span className="poster-open-issues">{t('poster.openIssues', { count: header.openErrors })}</span>}
        </div>
        <div className="poster-right">
          <span className="poster-confidential">{t('poster.confidential')}</span>
          <span>{t('poster.page', { n: page.number, total })}</span>
        </div>
      </header>
      {page.rows.length > 0 && (
        <>
          <div className="poster-legend" style={{ height: mm(g.legendMm) }}>
            {(['A', 'R', 'C', 'I'] as const).map((r) => (
              <span key={r}>
                <span className={`poster-role poster-role-${r}`}>{r}</span>
                {t(`poster.legendRoles.${r}`)}
              </span>
            ))}
            <span>{t('poster.legendKey')}</span>
            <span>{t('poster.legendReview')}</span>
          </div>
          <table className="poster-matrix">
            <colgroup>
              <col style={{ width: mm(g.colMm.crisisType) }} />
              <col style={{ width: mm(g.colMm.firstResponder) }} />
              {PHASES.map((p) => (
                <col key={p} style={{ width: mm(g.colMm.phase) }} />
              ))}
            </colgroup>
            <thead>
              <tr style={{ height: mm(g.matrixHeadMm) }}>
                <th>{labels.crisisType}</th>
                <th>{labels.firstResponder}</th>
                {PHASES.map((p) => (
                  <th key={p}>{labels.phases[p]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <MatrixRow key={row.crisisTypeId} row={row} />
              ))}
            </tbody>
          </table>
        </>
      )}
      {page.directory.length > 0 && (
        <div className="poster-directory" aria-label={t('poster.directoryTitle')} style={{ marginTop: page.rows.length > 0 ? mm(g.sectionGapMm) : 0, gap: mm(g.dirGapMm) }}>
          {page.directory.map((column, i) => (
            <DirectoryColumn key={i} blocks={column} g={g} labels={labels} />
          ))}
        </div>
      )}
    </>
  );
}

function MatrixRow({ row }: { row: PosterRow }) {
  return (
    <tr style={{ height: mm(row.heightMm) }} data-testid="poster-row">
      <th scope="row">{row.name}</th>
      <td className="poster-fr">
        {row.firstResponder && (
          <>
            <strong>
              {row.firstResponder.abbr} {row.firstResponder.person}
            </strong>
            {row.firstResponder.phone && <div>{row.firstResponder.phone}</div>}
          </>
        )}
      </td>
      {row.phases.map((cell) => (
        <td key={cell.phase} className="poster-cell">
          {cell.groups.map((group) => (
            <span key={group.role} className="poster-group">
              {group.units.map((u, i) =>
                i === 0 ? (
                  <span key={u.id} className="poster-nowrap">
                    <span className={`poster-role poster-role-${group.role}`}>{group.role}</span>
                    {u.abbr}
                  </span>
                ) : (
                  <span key={u.id}> {u.abbr}</span>
                ),
              )}{' '}
            </span>
          ))}
        </td>
      ))}
    </tr>
  );
}

function DirectoryColumn({ blocks, g, labels }: { blocks: PosterUnitBlock[]; g: PosterGeometry; labels: PosterLabels }) {
  return (
    <table className="poster-dir" style={{ width: mm(g.dirColumnMm) }}>
      <colgroup>
        {DIRECTORY_COLUMNS.map((c) => (
          <col key={c} style={{ width: mm(g.dirColMm[c]) }} />
        ))}
      </colgroup>
      <thead>
        <tr style={{ height: mm(g.dirHeadMm) }}>
          {DIRECTORY_COLUMNS.map((c) => (
            <th key={c}>{labels.directory[c]}</th>
          ))}
        </tr>
      </thead>
      {blocks.map((b) => (
        <UnitBlock key={`${b.unitId}-${b.contacts[0]?.id ?? ''}`} block={b} labels={labels} />
      ))}
    </table>
  );
}

function UnitBlock({ block, labels }: { block: PosterUnitBlock; labels: PosterLabels }) {
  const unitCell = (rows: number) => (
    <th scope="rowgroup" rowSpan={rows} className={block.continued ? 'poster-continued' : ''}>
      {unitCellText(block, labels)}
    </th>
  );
  if (block.contacts.length === 0) {
    return (
      <tbody className="poster-unit">
        <tr style={{ height: mm(block.heightMm) }}>
          {unitCell(1)}
          <td colSpan={4} className="poster-none">
            {labels.noPeople}
          </td>
        </tr>
      </tbody>
    );
  }
  const peopleHeight = block.contacts.reduce((s, c) => s + c.heightMm, 0);
  return (
    <tbody className="poster-unit">
      {block.contacts.map((c, i) => {
        const last = i === block.contacts.length - 1;
        return (
          <tr key={c.id} style={{ height: mm(c.heightMm + (last ? block.heightMm - peopleHeight : 0)) }}>
            {i === 0 && unitCell(block.contacts.length)}
            <td className={c.reviewDue ? 'poster-review-due' : ''}>{contactNameText(c)}</td>
            <td>{c.phone}</td>
            <td className="poster-email">{c.email}</td>
            <td>{c.backupName}</td>
          </tr>
        );
      })}
    </tbody>
  );
}
