import { describe, expect, it } from 'vitest';
import { longTasksOfTrace } from '../../../bench/lib/joinRecordings';

/** A trace as Chromium writes it: thread names as metadata, tasks and GC as complete events (µs). */
function traceOf(events: object[]): string {
  return JSON.stringify({
    traceEvents: [
      { ph: 'M', name: 'thread_name', pid: 1, tid: 1, args: { name: 'CrRendererMain' } },
      { ph: 'M', name: 'thread_name', pid: 1, tid: 2, args: { name: 'Compositor' } },
      { ph: 'M', name: 'thread_name', pid: 2, tid: 1, args: { name: 'CrRendererMain' } },
      ...events,
    ],
  });
}

const task = (pid: number, tid: number, ts: number, dur: number, tdur: number) => ({ ph: 'X', name: 'ThreadControllerImpl::RunTask', pid, tid, ts, dur, tdur });

describe('longTasksOfTrace', () => {
  it("names the busiest main thread's longest tasks with its CPU time and the GC inside each", () => {
    const tasks = longTasksOfTrace(
      traceOf([
        task(1, 1, 1_000_000, 20_000, 19_000),
        task(1, 1, 2_000_000, 150_000, 30_000),
        { ph: 'X', name: 'MajorGC', pid: 1, tid: 1, ts: 2_010_000, dur: 99_000 },
        task(1, 1, 3_000_000, 80_000, 75_000),
        { ph: 'X', name: 'MinorGC', pid: 1, tid: 1, ts: 3_001_000, dur: 5_000 },
        // Outside every task above: counted for none.
        { ph: 'X', name: 'MajorGC', pid: 1, tid: 1, ts: 4_000_000, dur: 50_000 },
        // Another thread of the page, and the main thread of a page with fewer tasks: ignored.
        task(1, 2, 2_500_000, 500_000, 500_000),
        task(2, 1, 2_500_000, 900_000, 900_000),
      ]),
      2,
    );
    expect(tasks).toEqual([
      { at: 1000, wall: 150, cpu: 30, gc: 99 },
      { at: 2000, wall: 80, cpu: 75, gc: 5 },
    ]);
  });

  it('reads a trace without tasks as none', () => {
    expect(longTasksOfTrace(traceOf([]))).toEqual([]);
  });
});
