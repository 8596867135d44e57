import type * as Y from 'yjs';
import { collectAlerts, type Alert } from '../../../shared/incidents/alerts';
import type { WatchPass } from './watchedCache';

/** The longest a newly opened workspace's priming lasts, in ticks (see AlertWatch). */
export const PRIME_MAX_TICKS = 10;

/**
 * The notification watch of the open workspace, one tick at a time (notifyService.ts runs it
 * every second). What is already overdue or due when a workspace opens is not announced: the
 * watch is "priming" — it marks those alerts as seen — until a tick has read every active
 * incident. A tick reads only so many changed incidents (watchedCache.ts `watchIncidents`, its
 * budget), so priming may take several ticks; it ends after PRIME_MAX_TICKS all the same, so
 * that a workspace whose incidents keep changing faster than a tick reads them still gets its
 * notifications (those it had not read by then may announce what was already due at open).
 */
export class AlertWatch {
  private workspaceId: string | null = null;
  private seen = new Set<string>();
  /** Ticks of priming left (0: not priming). */
  private primingTicks = 0;

  /** One tick: the alerts to raise now for `current` (null: no workspace open). */
  tick(current: { id: string; doc: Y.Doc } | null, watch: (doc: Y.Doc) => WatchPass): Alert[] {
    if (!current) {
      this.workspaceId = null;
      return [];
    }
    if (this.workspaceId !== current.id) {
      this.workspaceId = current.id;
      this.seen = new Set();
      this.primingTicks = PRIME_MAX_TICKS;
    }
    const pass = watch(current.doc);
    const priming = this.primingTicks > 0;
    const alerts = collectAlerts(pass.watched, this.seen, priming);
    if (priming) this.primingTicks = pass.skipped === 0 ? 0 : this.primingTicks - 1;
    return alerts;
  }

  /** True while what is due is marked seen rather than announced. */
  get priming(): boolean {
    return this.primingTicks > 0;
  }
}
