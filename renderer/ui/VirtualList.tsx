import { Fragment, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type FocusEvent, type ReactNode } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';

/**
 * A list that stays fast with a year of work (issue 14, P16): up to `threshold` items it renders
 * every row as a plain `<ul>`/`<ol>` (what small workspaces and most tests see); above it only
 * the rows in view (plus a margin) inside its own scroll box, with @tanstack/react-virtual.
 *
 * Kept for people using a keyboard or a screen reader: the list stays a list (`<ul>`/`<ol>` of
 * `<li>`s) and each rendered row says where it is (`aria-posinset`/`aria-setsize`, `value` in an
 * `<ol>`); the row holding the focus and the `activeIndex` row stay rendered when scrolled away
 * (focus is never dropped to the page, a half-typed field is never unmounted), Tab into a row
 * next to the window scrolls it in (the browser scrolls the focused element into view, which
 * renders the rows around it), and a change of `activeIndex` (e.g. a Ctrl+K search jump to a
 * unit) scrolls that row into view.
 */

export const VIRTUAL_THRESHOLD = 200;

/** Where a row sits in a virtualized list (undefined while the list renders every row). */
export interface VirtualRow {
  index: number;
  count: number;
  ordered: boolean;
  start: number;
  measure: (el: Element | null) => void;
}

/** The attributes a row's `<li>` carries in a virtualized list (none in a plain one). */
export function virtualRowProps(v: VirtualRow | undefined): Record<string, unknown> {
  if (!v) return {};
  return {
    ref: v.measure,
    'data-index': v.index,
    'aria-posinset': v.index + 1,
    'aria-setsize': v.count,
    ...(v.ordered ? { value: v.index + 1 } : {}),
    style: { position: 'absolute', top: 0, left: 'var(--vl-left, 0)', right: 'var(--vl-right, 0)', transform: `translateY(${v.start}px)` } satisfies CSSProperties,
  };
}

interface Props<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  /** The row (an `<li>` spreading `virtualRowProps(row)`). */
  renderRow: (item: T, row: VirtualRow | undefined) => ReactNode;
  /** A row's height before it is measured (px). */
  estimateSize: number;
  as?: 'ul' | 'ol';
  className?: string;
  testId?: string;
  /** Above this many items, only the rows in view are rendered. */
  threshold?: number;
  /** The selected row: kept rendered and scrolled into view when it changes (-1: none). */
  activeIndex?: number;
  /** Height of the scroll box while virtualized. */
  maxHeight?: string;
  label?: string;
}

export function VirtualList<T>(props: Props<T>) {
  const { items, itemKey, renderRow, as: List = 'ul', className, testId, threshold = VIRTUAL_THRESHOLD, label } = props;
  if (items.length <= threshold) {
    return (
      <List className={className} data-testid={testId} aria-label={label}>
        {items.map((it) => (
          <Fragment key={itemKey(it)}>{renderRow(it, undefined)}</Fragment>
        ))}
      </List>
    );
  }
  return <Virtualized {...props} />;
}

function Virtualized<T>({ items, itemKey, renderRow, estimateSize, as: List = 'ul', className, testId, activeIndex = -1, maxHeight = '70vh', label }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement & HTMLOListElement>(null);
  const [box, setBox] = useState({ gap: 0, left: 0, right: 0 });
  const [focused, setFocused] = useState<number | null>(null);
  const keep = [activeIndex, focused ?? -1].filter((i) => i >= 0 && i < items.length);
  const virtualizer = useVirtualizer<HTMLDivElement, Element>({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    getItemKey: (i) => itemKey(items[i]!),
    overscan: 6,
    gap: box.gap,
    rangeExtractor: (range: Range) => [...new Set([...defaultRangeExtractor(range), ...keep])].sort((a, b) => a - b),
  });
  // The list's own gap and side padding (CSS of the plain list) apply to the positioned rows too.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const cs = getComputedStyle(el);
    const next = { gap: parseFloat(cs.rowGap) || 0, left: parseFloat(cs.paddingLeft) || 0, right: parseFloat(cs.paddingRight) || 0 };
    setBox((b) => (b.gap === next.gap && b.left === next.left && b.right === next.right ? b : next));
  }, []);
  useEffect(() => {
    if (activeIndex < 0 || activeIndex >= items.length) return;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    // Then the row into the window's view too (the scroll box may sit partly below the fold).
    const id = requestAnimationFrame(() => listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView?.({ block: 'nearest' }));
    return () => cancelAnimationFrame(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the selection moves
  }, [activeIndex]);
  const onFocus = (e: FocusEvent) => {
    const row = (e.target as Element).closest('[data-index]');
    if (row) setFocused(Number(row.getAttribute('data-index')));
  };
  const onBlur = (e: FocusEvent) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(null);
  };
  const count = items.length;
  const ordered = List === 'ol';
  const style = { position: 'relative', height: virtualizer.getTotalSize(), '--vl-left': `${box.left}px`, '--vl-right': `${box.right}px` } as CSSProperties;
  return (
    <div ref={scrollRef} className="virtual-scroll" data-virtual="true" style={{ maxHeight, overflowY: 'auto' }} onFocus={onFocus} onBlur={onBlur}>
      <List ref={listRef} className={className} data-testid={testId} aria-label={label} style={style}>
        {virtualizer.getVirtualItems().map((v) => (
          <Fragment key={v.key as string}>{renderRow(items[v.index]!, { index: v.index, count, ordered, start: v.start, measure: virtualizer.measureElement })}</Fragment>
        ))}
      </List>
    </div>
  );
}
