import { useMemo, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { setCell } from '../../../shared/roles/raci';
import { cellKey, isRaciRole, PHASES, RACI_ROLES, type RoleCrisisType, type RoleMap, type RoleUnit } from '../../../shared/roles/types';
import type { IssueIndex } from '../../../shared/roles/validate';
import { InlineIssues } from './IssueList';

/**
 * One crisis type's RACI table: units down, phases across, one role picker per cell, each
 * phase's problems in the footer. Up to `VIRTUAL_UNITS` units every row is rendered; above it
 * (a 100× map has 1,000 units, i.e. 5,000 pickers) only the rows in view, inside the table's own
 * scroll box (@tanstack/react-virtual, empty rows above and below keep the scroll length), with
 * the headings and the footer held in view; the row holding the focus stays rendered.
 */
export const VIRTUAL_UNITS = 100;
const ROW_PX = 38;

interface Props {
  doc: Y.Doc;
  map: RoleMap;
  index: IssueIndex;
  crisisType: RoleCrisisType;
}

/** The words every row repeats, looked up once per table (5,000 lookups a render at 100×). */
interface RowWords {
  untitled: string;
  external: string;
  none: string;
  phases: Record<string, string>;
  roles: { role: string; label: string; help: string }[];
}

function useRowWords(): RowWords {
  const { t } = useTranslation('roles');
  return useMemo(
    () => ({
      untitled: t('untitled'),
      external: t('unit.external'),
      none: t('roles.none'),
      phases: Object.fromEntries(PHASES.map((p) => [p, t(`phases.${p}`)])),
      roles: RACI_ROLES.map((r) => ({ role: r, label: `${r} ${t(`roles.${r}`)}`, help: t(`roleHelp.${r}`) })),
    }),
    [t],
  );
}

export function MatrixTable(props: Props) {
  const { t } = useTranslation('roles');
  const words = useRowWords();
  const { map, index, crisisType: ct } = props;
  const mapped = map.units.some((u) => PHASES.some((p) => map.cells.has(cellKey(ct.id, p, u.id))));
  const head = (
    <thead>
      <tr>
        <th scope="col">{t('matrix.unit')}</th>
        {PHASES.map((p) => {
          const errors = (index.rows.get(`${ct.id}|${p}`) ?? []).length;
          return (
            <th key={p} scope="col" className={errors ? 'has-error' : ''} data-testid="phase-head" data-phase={p} data-errors={errors}>
              {t(`phases.${p}`)} {errors ? '✖' : ''}
            </th>
          );
        })}
      </tr>
    </thead>
  );
  const foot = (
    <tfoot>
      <tr>
        <th scope="row" />
        {PHASES.map((p) => {
          const issues = index.rows.get(`${ct.id}|${p}`);
          return (
            <td key={p} className="roles-phase-status" data-testid="phase-status" data-phase={p}>
              {issues?.length ? <InlineIssues issues={issues} testId="cell-issue" /> : mapped ? <span className="roles-ok">{t('matrix.rowOk')}</span> : null}
            </td>
          );
        })}
      </tr>
    </tfoot>
  );
  if (map.units.length <= VIRTUAL_UNITS) {
    return (
      <table className="roles-matrix">
        {head}
        <tbody>
          {map.units.map((u) => (
            <UnitRow key={u.id} {...props} words={words} unit={u} />
          ))}
        </tbody>
        {foot}
      </table>
    );
  }
  return <VirtualRows {...props} words={words} head={head} foot={foot} />;
}

function VirtualRows({ head, foot, ...props }: Props & { words: RowWords; head: ReactNode; foot: ReactNode }) {
  const units = props.map.units;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count: units.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    getItemKey: (i) => units[i]!.id,
    overscan: 8,
    rangeExtractor: (range: Range) => [...new Set([...defaultRangeExtractor(range), ...(focused !== null && focused < units.length ? [focused] : [])])].sort((a, b) => a - b),
  });
  const rows = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  const onFocus = (e: FocusEvent) => {
    const row = (e.target as Element).closest('[data-index]');
    if (row) setFocused(Number(row.getAttribute('data-index')));
  };
  const onBlur = (e: FocusEvent) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(null);
  };
  // Empty rows stand in for the rows not rendered (between rendered ones too: a kept focused row).
  const body: ReactNode[] = [];
  let at = 0;
  const gap = (to: number, key: string) => {
    if (to > at + 0.5)
      body.push(
        <tr key={key} aria-hidden="true" className="roles-matrix-gap">
          <td colSpan={PHASES.length + 1} style={{ height: to - at, padding: 0, border: 0 }} />
        </tr>,
      );
  };
  for (const v of rows) {
    gap(v.start, `gap-${v.index}`);
    body.push(<UnitRow key={v.key as string} {...props} unit={units[v.index]!} rowIndex={v.index} measure={virtualizer.measureElement} />);
    at = v.end;
  }
  gap(total, 'gap-end');
  return (
    <div ref={scrollRef} className="virtual-scroll roles-matrix-scroll" data-virtual="true" style={{ maxHeight: '70vh', overflowY: 'auto' }} onFocus={onFocus} onBlur={onBlur}>
      <table className="roles-matrix" aria-rowcount={units.length + 2}>
        {head}
        <tbody>{body}</tbody>
        {foot}
      </table>
    </div>
  );
}

function UnitRow({ doc, map, index, crisisType: ct, words, unit: u, rowIndex, measure }: Props & { words: RowWords; unit: RoleUnit; rowIndex?: number; measure?: (el: HTMLTableRowElement | null) => void }) {
  const { t } = useTranslation('roles');
  const name = ct.name || words.untitled;
  const unitName = u.name || words.untitled;
  const virtual = rowIndex !== undefined ? { ref: measure, 'data-index': rowIndex, 'aria-rowindex': rowIndex + 2 } : {};
  return (
    <tr className={u.kind === 'external' ? 'external' : ''} {...virtual}>
      <th scope="row">
        {unitName}
        {u.kind === 'external' && <span className="muted small"> · {words.external}</span>}
      </th>
      {PHASES.map((p) => {
        const role = map.cells.get(cellKey(ct.id, p, u.id)) ?? '';
        const rowErrors = (index.rows.get(`${ct.id}|${p}`) ?? []).length > 0;
        return (
          <td key={p} className={`raci-cell${role ? ` role-${role}` : ''}${rowErrors ? ' has-error' : ''}`}>
            <select
              aria-label={t('matrix.cellLabel', { crisisType: name, phase: words.phases[p], unit: unitName })}
              data-testid="raci-cell"
              data-phase={p}
              data-unit={u.name}
              aria-invalid={rowErrors}
              value={role}
              onChange={(e) => setCell(doc, ct.id, p, u.id, isRaciRole(e.target.value) ? e.target.value : null, 'user')}
            >
              <option value="">{words.none}</option>
              {words.roles.map((r) => (
                <option key={r.role} value={r.role} title={r.help}>
                  {r.label}
                </option>
              ))}
            </select>
          </td>
        );
      })}
    </tr>
  );
}
