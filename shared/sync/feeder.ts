/**
 * One sender per catching-up laptop (issue 14, bench P15). A fresh laptop that meets two laptops
 * already in sync used to get the whole workspace from each of them: twice the bytes, and every
 * slice decoded twice. It now takes its diff from the first peer that has sent it `minSlices`
 * slices within `quietMs` of each other (its feeder: a big transfer, not a reconnect's few edits)
 * and tells every other peer to hold theirs (`hold` in its state messages) while that feeder keeps
 * sending. A feeder silent for `quietMs` (gone, or done) is no longer one: the next state message
 * lets the others send what is still missing, from what the laptop holds by then.
 *
 * A small diff never makes a feeder: after a network loss every laptop has a few edits the others
 * lack (and removals, sent last); holding one of them back would leave the team apart until the
 * hold ran out (seen in the three-laptop soak: identical after 4.2 s instead of 0.6 s).
 */
export class FeedTracker {
  private feeder: string | null = null;
  private lastAt = 0;
  /** Slices each peer sent lately (a run ends after `quietMs` without one). */
  private readonly runs = new Map<string, { n: number; at: number }>();

  constructor(
    private readonly now: () => number,
    private readonly quietMs = 2000,
    private readonly minSlices = 8,
  ) {}

  /** A slice of a diff from `peerId` was applied. */
  noteSlice(peerId: string): void {
    const t = this.now();
    const run = this.runs.get(peerId);
    const n = run && t - run.at <= this.quietMs ? run.n + 1 : 1;
    this.runs.set(peerId, { n, at: t });
    if (this.feeder === peerId) {
      this.lastAt = t;
      return;
    }
    const feeding = this.feeder !== null && t - this.lastAt <= this.quietMs;
    if (!feeding && n >= this.minSlices) {
      this.feeder = peerId;
      this.lastAt = t;
    }
  }

  /** Whether `peerId` should hold its diff: another peer is feeding us now. */
  holdFor(peerId: string): boolean {
    return this.feeder !== null && this.feeder !== peerId && this.now() - this.lastAt <= this.quietMs;
  }

  /** `peerId` left: it feeds nobody. */
  forget(peerId: string): void {
    this.runs.delete(peerId);
    if (this.feeder === peerId) this.feeder = null;
  }
}
