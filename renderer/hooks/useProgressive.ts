import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Drawing a long printable page a part at a time (issue 14, P16: the runbook of a 100× playbook
 * is 1,300 crisis types, its poster a couple of hundred sheets — tens of thousands of elements).
 * Used by the runbook (renderer/features/playbook/RunbookView.tsx) and the poster's sheets
 * (renderer/features/roles/mountedPages.ts).
 *
 * `useProgressive(total, { first, chunk, grow })` says how many of `total` items to draw:
 * - `first` in the first render, so the page shows at once;
 * - while `grow`, `chunk` more after each painted frame (`afterPaint`) until all are in: the page
 *   paints its first items before any more are drawn, and never stops answering; with
 *   `pace: 'task'`, `chunk` more per task instead (a page that is only prepared to be printed,
 *   the poster's print view: painting between parts would only make it slower to be ready);
 * - everything at once (synchronously, `flushSync`) on the browser's `beforeprint` (Ctrl+P, a
 *   print button, Chromium's page.pdf, Electron's printToPDF) and on `drawAll()` (before a
 *   print started in code, a jump to an item not drawn yet), so what is printed is always whole.
 */
export interface Progressive {
  /** Items to draw (0 … total). */
  count: number;
  /** Every item is drawn. */
  complete: boolean;
  /** Drawing everything was asked for (printing): nothing may be left out any more. */
  everything: boolean;
  /** Draws everything now (synchronously; the same function for the life of the component). */
  drawAll: () => void;
}

export function useProgressive(total: number, { first, chunk, grow = true, pace = 'frame' }: { first: number; chunk: number; grow?: boolean; pace?: 'frame' | 'task' }): Progressive {
  const [count, setCount] = useState(() => Math.min(total, first));
  const [everything, setEverything] = useState(false);
  useEffect(() => {
    if (!grow || everything || count >= total) return;
    const more = () => setCount((c) => Math.min(total, c + chunk));
    if (pace === 'frame') return afterPaint(more);
    const id = window.setTimeout(more, 0);
    return () => window.clearTimeout(id);
  }, [grow, everything, count, total, chunk, pace]);
  useEffect(() => {
    const before = () => flushSync(() => setEverything(true));
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, []);
  const drawAll = useCallback(() => flushSync(() => setEverything(true)), []);
  const shown = everything ? total : Math.min(count, total);
  return { count: shown, complete: shown >= total, everything, drawAll };
}

/** A page hidden or not painting (a background window printing to PDF) still goes on after this long. */
const NO_FRAME_MS = 100;

/**
 * Runs `fn` once after the next frame is painted (an animation frame, then a task), or after
 * `NO_FRAME_MS` when no frame comes (hidden pages get no animation frames). Returns a cancel.
 */
export function afterPaint(fn: () => void): () => void {
  let done = false;
  let task = 0;
  const run = () => {
    if (done) return;
    done = true;
    window.cancelAnimationFrame(frame);
    window.clearTimeout(task);
    window.clearTimeout(fallback);
    fn();
  };
  const frame = window.requestAnimationFrame(() => {
    task = window.setTimeout(run, 0);
  });
  const fallback = window.setTimeout(run, NO_FRAME_MS);
  return () => {
    done = true;
    window.cancelAnimationFrame(frame);
    window.clearTimeout(task);
    window.clearTimeout(fallback);
  };
}
