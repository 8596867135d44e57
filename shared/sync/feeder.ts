/**
 * One sender per catching-up laptop (issue 14, bench P15). A fresh laptop that meets two laptops
 * already in sync used to get the whole workspace from each of them: twice the bytes, and every
 * slice decoded twice. It now takes its diff from the first peer whose slices it applies (its
 * feeder) and tells every other peer to hold theirs (`hold` in its state messages) while that feeder
 * keeps sending. A feeder silent for `quietMs` (gone, or done) is no longer one: the next state
 * message lets the others send what is still missing, from what the laptop holds by then.
 */
export class FeedTracker {
  private feeder: string | null = null;
  private lastAt = 0;

  constructor(
    private readonly now: () => number,
    private readonly quietMs = 2000,
  ) {}

  /** A slice of a diff from `peerId` was applied. */
  noteSlice(peerId: string): void {
    const t = this.now();
    if (this.feeder === null || this.feeder === peerId || t - this.lastAt > this.quietMs) {
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
    if (this.feeder === peerId) this.feeder = null;
  }
}
