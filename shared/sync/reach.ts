/**
 * Which of our own local changes some peer has confirmed holding. Changes are numbered 1, 2, 3…
 * as they are made; a peer confirms either one change (it applied that edit's message and has
 * nothing waiting) or every change up to a number (it applied a full diff, or reported a copy
 * equal to ours).
 */
export class ChangeReach {
  private made = 0;
  private upTo = 0;
  private singles = new Set<number>();
  private times = new Map<number, number>();

  /** Records a new local change made at `now`; returns its number. */
  recordChange(now: number): number {
    this.made++;
    this.times.set(this.made, now);
    return this.made;
  }

  /** Number of the latest local change (0 when none). */
  get latest(): number {
    return this.made;
  }

  /** A peer holds change `seq`. */
  confirmOne(seq: number): void {
    if (seq <= this.upTo || seq > this.made) return;
    this.singles.add(seq);
    this.advance();
  }

  /** A peer holds every change up to `seq`. */
  confirmUpTo(seq: number): void {
    const s = Math.min(seq, this.made);
    if (s <= this.upTo) return;
    for (let i = this.upTo + 1; i <= s; i++) this.times.delete(i);
    this.upTo = s;
    this.advance();
  }

  /** Changes nobody has confirmed yet. */
  get unreached(): number {
    return this.made - this.upTo - [...this.singles].filter((s) => s > this.upTo).length;
  }

  /** When the oldest unconfirmed change was made, or null. */
  get unreachedSince(): number | null {
    for (let i = this.upTo + 1; i <= this.made; i++) {
      if (!this.singles.has(i)) return this.times.get(i) ?? null;
    }
    return null;
  }

  private advance(): void {
    while (this.singles.has(this.upTo + 1)) {
      this.singles.delete(this.upTo + 1);
      this.times.delete(this.upTo + 1);
      this.upTo++;
    }
  }
}
