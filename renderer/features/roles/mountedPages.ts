import { useCallback, useEffect, useRef, useState } from 'react';
import { useProgressive } from '../../hooks/useProgressive';

/**
 * Which of the poster's sheets are drawn (issue 14, P16: a 100× map is a couple of hundred
 * pages, hundreds of thousands of elements). Every sheet has a fixed size, so a sheet that is
 * not drawn is an empty box of the same size and the page keeps its length and scroll position.
 *
 * - `view` (the preview in the roles page): the sheets within about a screen of what is in view
 *   (an IntersectionObserver on the boxes, the window's view and a screen above and below), the first ones at
 *   once; sheets scrolled far away are dropped again.
 * - `all` (the print view, what every print and PDF prints): every sheet — the first ones at
 *   once, the rest a few per task so the page never stops answering; `complete` once all are in.
 *
 * In both, the browser's `beforeprint` draws every sheet at once (synchronously, before the
 * browser lays out the pages to print), so printing from either page prints the whole map
 * (renderer/hooks/useProgressive.ts, shared with the runbook).
 */

/** Sheets drawn in the first render. */
export const FIRST_SHEETS = 3;
/** Sheets added per task in the print view. */
const CHUNK = 3;

export interface MountedPages {
  /** Whether sheet `i` (0-based) is drawn. */
  drawn: (i: number) => boolean;
  /** Ref callback for sheet `i`'s box (drawn or not; the box carries `data-sheet={i}`). */
  boxRef: (i: number) => (el: Element | null) => void;
  /** Every sheet is drawn. */
  complete: boolean;
  /** Sheets drawn so far in the print view (all of them in the preview once printing). */
  count: number;
}

export function useMountedPages(total: number, mode: 'view' | 'all'): MountedPages {
  const progress = useProgressive(total, { first: FIRST_SHEETS, chunk: CHUNK, grow: mode === 'all', pace: 'task' });
  const all = progress.everything;
  const count = progress.count;
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set());
  const boxes = useRef(new Map<number, Element>());
  const observer = useRef<IntersectionObserver | null>(null);

  const refs = useRef(new Map<number, (el: Element | null) => void>());
  const makeRef = useCallback(
    (i: number) => (el: Element | null) => {
      const prev = boxes.current.get(i);
      if (prev === el) return;
      if (prev) observer.current?.unobserve(prev);
      if (!el) {
        boxes.current.delete(i);
        return;
      }
      boxes.current.set(i, el);
      if (mode !== 'view') return;
      if (!observer.current) {
        observer.current = new IntersectionObserver(
          (entries) =>
            setNear((cur) => {
              const next = new Set(cur);
              for (const e of entries) {
                const n = Number((e.target as HTMLElement).dataset.sheet);
                if (e.isIntersecting) next.add(n);
                else next.delete(n);
              }
              return next.size === cur.size && [...next].every((n) => cur.has(n)) ? cur : next;
            }),
          { rootMargin: '100% 0px' },
        );
      }
      observer.current.observe(el);
    },
    [mode],
  );
  // One ref callback per sheet for the life of the page (a new one each render would observe again).
  const boxRef = (i: number) => {
    let ref = refs.current.get(i);
    if (!ref) refs.current.set(i, (ref = makeRef(i)));
    return ref;
  };
  useEffect(
    () => () => {
      observer.current?.disconnect();
      observer.current = null;
    },
    [],
  );

  const complete = all || (mode === 'all' && progress.complete);
  const drawn = (i: number) => i < count || (mode === 'view' && near.has(i));
  return { drawn, boxRef, complete, count };
}
