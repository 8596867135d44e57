import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * How many of `total` items to render (issue 14, P16: the runbook of a 100× playbook is 1,300
 * crisis types, tens of thousands of elements): `first` at once, then `chunk` more per task until
 * all are in, so the page shows at once and never stops answering. `all()` renders everything
 * now (synchronously) — before printing, and on the browser's `beforeprint` (Ctrl+P), so what
 * is printed is always the whole runbook.
 */
export function useProgressiveCount(total: number, first: number, chunk: number): { count: number; complete: boolean; all: () => void } {
  const [count, setCount] = useState(() => Math.min(total, first));
  const [everything, setEverything] = useState(false);
  useEffect(() => {
    if (everything || count >= total) return;
    const id = window.setTimeout(() => setCount((c) => Math.min(total, c + chunk)), 0);
    return () => window.clearTimeout(id);
  }, [everything, count, total, chunk]);
  useEffect(() => {
    const before = () => flushSync(() => setEverything(true));
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, []);
  const shown = everything ? total : Math.min(count, total);
  return { count: shown, complete: shown >= total, all: () => flushSync(() => setEverything(true)) };
}
