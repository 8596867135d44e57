/**
 * The table `npm run bench` prints, with the 1-minute load average next to every timing: on the
 * shared 2-core machines absolute times drift with the load of other processes, so a number is
 * only readable together with the load it was measured under.
 */
import { loadavg } from 'node:os';
import type { BenchRow } from '../types';

/** 1-minute load average, as printed. */
export function load1(): number {
  return Math.round(loadavg()[0]! * 100) / 100;
}

/** A result row with the load average at the start and end of its benchmark. */
export type ReportedRow = BenchRow & { load1: { start: number; end: number } };

/** A benchmark that did not produce rows, and why. */
export interface NotRun {
  id: string;
  file: string;
  status: 'failed' | 'not run' | 'timed out';
  reason: string;
  load1: { start: number; end: number };
}

function fmt(n: number | null): string {
  if (n === null || Number.isNaN(n)) return '—';
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

const loadText = (l: { start: number; end: number }) => `${l.start.toFixed(2)}→${l.end.toFixed(2)}`;

/** The table: one line per row, then one per benchmark that failed or did not run. */
export function formatTable(rows: ReportedRow[], notRun: NotRun[]): string {
  const header = ['id', 'what', 'value', 'unit', 'baseline', 'ratio', 'goal', 'met', 'load (1 min)'];
  const table = rows.map((r) => [r.id, r.what, fmt(r.value), r.unit, fmt(r.baseline), r.ratio === null ? '—' : `${fmt(r.ratio)}×`, r.goal, r.pass === undefined ? '' : r.pass ? 'yes' : 'NO', loadText(r.load1)]);
  for (const n of notRun) table.push([n.id, `${n.status.toUpperCase()}: ${n.reason}`, '—', '', '—', '—', '', 'NO', loadText(n.load1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => [...t[i]!].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...table.map(line)].join('\n');
}
