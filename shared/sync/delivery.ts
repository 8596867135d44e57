import { z } from 'zod';
import type { MemberStatus, PeerStatus, SyncStatus } from './status.js';

/**
 * Which of our own edits each member of the room holds: the ledger behind "14 of your changes have
 * not reached Lin". Every local transaction (a keystroke in a statement as much as a new person on
 * the map) is one entry: the Yjs client and clock it reached, when, and whether it only deleted.
 * A member holds an entry when the state vector it last reported covers that clock, when it
 * acknowledged the message that carried it, or when its whole copy equalled ours after the entry
 * was made (the only proof for a removal, which moves no clock). The ledger is plain data: the
 * renderer persists it next to the workspace, so the count survives reloads and restarts until a
 * member confirms.
 */

/** A member as the ledger remembers it (also after they left). */
export interface MemberRecord {
  id: string;
  name: string;
  color: string | null;
  lastSeenAt: number;
  /** Their last reported state vector (client → clock). */
  sv: Record<string, number>;
  /** Last moment their copy equalled ours (0 = never). */
  syncedAt: number;
  /** Every entry numbered up to this was in their copy then (0 = none). */
  syncedN: number;
}

interface Entry {
  /** Order of the change among all of ours (kept across restarts). */
  n: number;
  client: number;
  clock: number;
  at: number;
  deleteOnly: boolean;
  /** This session's change number (acknowledgements refer to it); 0 for entries loaded from storage. */
  seq: number;
  /** Members that acknowledged the message carrying it (this session only). */
  ackedBy: Set<string> | null;
}

/**
 * Which peers met here are members of the team: only their copies count as "delivered" and only
 * they get a row. A peer outside the verified roster (e.g. this app's own print window, which syncs
 * like a peer) is not someone our changes can reach. Default: everyone counts.
 */
export type MemberFilter = (member: Pick<MemberRecord, 'id' | 'name'>) => boolean;
const EVERYONE: MemberFilter = () => true;

/** Entries kept at most; older ones are summarised in `overflow` until a full sync with anyone. */
export const MAX_ENTRIES = 20_000;
/** Members not seen for this long no longer hold entries back from being pruned. */
export const MEMBER_FORGET_MS = 30 * 24 * 3600_000;

const MemberSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().max(80),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).nullable(),
  lastSeenAt: z.number().finite().min(0),
  sv: z.record(z.string().regex(/^\d{1,10}$/), z.number().int().min(0)),
  syncedAt: z.number().finite().min(0),
  syncedN: z.number().int().min(0),
});

/** What is persisted (validated on load: storage can be old or damaged). */
export const DeliverySnapshotSchema = z.strictObject({
  v: z.literal(1),
  /** [n, client, clock, at, deleteOnly ? 1 : 0] */
  entries: z.array(z.tuple([z.number().int().min(1), z.number().int().min(0), z.number().int().min(0), z.number().finite().min(0), z.union([z.literal(0), z.literal(1)])])).max(MAX_ENTRIES),
  nextN: z.number().int().min(1),
  overflow: z.number().int().min(0),
  overflowSince: z.number().finite().min(0).nullable(),
  members: z.array(MemberSchema).max(500),
  ownClients: z.array(z.number().int().min(0)).max(10_000),
});
export type DeliverySnapshot = z.infer<typeof DeliverySnapshotSchema>;

export class DeliveryLedger {
  private entries: Entry[] = [];
  private overflow = 0;
  private overflowSince: number | null = null;
  private readonly members = new Map<string, MemberRecord>();
  /** Full diffs acknowledged, per member: every entry up to this seq (this session). */
  private readonly fullSeq = new Map<string, number>();
  private readonly ownClients = new Set<number>();
  private seq = 0;
  private nextN = 1;
  /** Number of the latest change of this session (0 when none). */
  get lastSeq(): number {
    return this.seq;
  }

  /** Local changes made in this session. */
  made = 0;
  /** Bumps on every change (persist when it moved). */
  version = 0;

  /** Restores a snapshot; an invalid one is reported and ignored (nothing else is lost). */
  static restore(raw: unknown): { ledger: DeliveryLedger; error: string | null } {
    const ledger = new DeliveryLedger();
    if (raw === null || raw === undefined) return { ledger, error: null };
    const parsed = DeliverySnapshotSchema.safeParse(raw);
    if (!parsed.success) return { ledger, error: parsed.error.issues[0]?.message ?? 'invalid' };
    const s = parsed.data;
    ledger.entries = s.entries.map(([n, client, clock, at, d]) => ({ n, client, clock, at, deleteOnly: d === 1, seq: 0, ackedBy: null }));
    ledger.nextN = Math.max(s.nextN, ...s.entries.map((e) => e[0] + 1));
    ledger.overflow = s.overflow;
    ledger.overflowSince = s.overflowSince;
    for (const m of s.members) ledger.members.set(m.id, { ...m, sv: { ...m.sv } });
    for (const c of s.ownClients) ledger.ownClients.add(c);
    return { ledger, error: null };
  }

  toJSON(): DeliverySnapshot {
    return {
      v: 1,
      entries: this.entries.map((e) => [e.n, e.client, e.clock, e.at, e.deleteOnly ? 1 : 0]),
      nextN: this.nextN,
      overflow: this.overflow,
      overflowSince: this.overflowSince,
      members: [...this.members.values()],
      ownClients: [...this.ownClients].slice(-10_000),
    };
  }

  /**
   * Edits of ours that are in the document but in no entry (the app closed before the ledger was
   * saved): counted as one change per client until a member holds them.
   */
  reconcile(sv: Map<number, number>, now: number): void {
    for (const client of this.ownClients) {
      const clock = sv.get(client) ?? 0;
      if (clock === 0) continue;
      const known = this.entries.some((e) => e.client === client && e.clock >= clock);
      const held = [...this.members.values()].some((m) => (m.sv[client] ?? 0) >= clock);
      if (!known && !held) this.push({ n: this.nextN++, client, clock, at: now, deleteOnly: false, seq: 0, ackedBy: null });
    }
  }

  /** Records one local transaction; returns its change number for this session. */
  record(client: number, clock: number, deleteOnly: boolean, now: number): number {
    this.ownClients.add(client);
    this.made++;
    const seq = ++this.seq;
    this.push({ n: this.nextN++, client, clock, at: now, deleteOnly, seq, ackedBy: null });
    return seq;
  }

  /**
   * Records one local Yjs transaction of `client` (its clock after it; a transaction that moved
   * no clock only deleted). Returns its change number for this session.
   */
  recordTransaction(client: number, tr: { beforeState: Map<number, number>; afterState: Map<number, number> } | undefined, now: number): number {
    const before = tr?.beforeState.get(client) ?? 0;
    const after = tr?.afterState.get(client) ?? before;
    return this.record(client, after, after === before, now);
  }

  /** A member is here (or said hello again): remember its name. */
  seen(id: string, name: string, color: string | null, now: number): void {
    const m = this.members.get(id);
    if (m) {
      m.name = name || m.name;
      m.color = color ?? m.color;
      m.lastSeenAt = now;
    } else this.members.set(id, { id, name, color, lastSeenAt: now, sv: {}, syncedAt: 0, syncedN: 0 });
    this.version++;
  }

  /** A member reported its state (`inSync`: its copy equals ours right now). */
  confirm(id: string, sv: Map<number, number>, inSync: boolean, now: number): void {
    const m = this.members.get(id);
    if (!m) return;
    m.lastSeenAt = now;
    // Only what concerns our own edits is kept (the rest of the vector can be long).
    const mine: Record<string, number> = {};
    for (const c of this.ownClients) {
      const clock = sv.get(c);
      if (clock !== undefined) mine[String(c)] = clock;
    }
    m.sv = mine;
    if (inSync) {
      m.syncedAt = now;
      m.syncedN = this.nextN - 1;
      this.overflow = 0;
      this.overflowSince = null;
    }
    this.prune(now);
    this.version++;
  }

  /** A member acknowledged a message carrying change `seq` (all changes up to it when `full`). */
  confirmSeq(id: string, seq: number, full: boolean): void {
    if (!this.members.has(id) || seq === 0) return;
    if (full) this.fullSeq.set(id, Math.max(this.fullSeq.get(id) ?? 0, seq));
    else {
      const e = this.entries.find((x) => x.seq === seq);
      if (e) (e.ackedBy ??= new Set()).add(id);
    }
    this.version++;
  }

  /** Changes no member (passing `isMember`) is known to hold. */
  unreached(isMember: MemberFilter = EVERYONE): number {
    let n = this.overflow;
    for (const e of this.entries) if (!this.heldByAnyone(e, isMember)) n++;
    return n;
  }

  /** When the oldest change no member (passing `isMember`) holds was made, or null. */
  unreachedSince(isMember: MemberFilter = EVERYONE): number | null {
    if (this.overflow > 0) return this.overflowSince;
    for (const e of this.entries) if (!this.heldByAnyone(e, isMember)) return e.at;
    return null;
  }

  /** Changes member `id` is not known to hold. */
  undeliveredTo(id: string): number {
    const m = this.members.get(id);
    if (!m) return 0;
    let n = m.syncedAt > 0 || this.overflow === 0 ? 0 : this.overflow;
    for (const e of this.entries) if (!this.holds(m, e)) n++;
    return n;
  }

  /** Every member ever seen in this workspace from here (newest first). */
  memberList(): MemberRecord[] {
    return [...this.members.values()].sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  }

  /** Someone else has ever been here (otherwise unsent changes have no one to go to). */
  get hasMembers(): boolean {
    return this.members.size > 0;
  }

  /** Some member passing `isMember` has ever been here. */
  hasMembersWhere(isMember: MemberFilter): boolean {
    for (const m of this.members.values()) if (isMember(m)) return true;
    return false;
  }

  private holds(m: MemberRecord, e: Entry): boolean {
    if (m.syncedN >= e.n) return true;
    if (e.ackedBy?.has(m.id)) return true;
    if (e.seq > 0 && (this.fullSeq.get(m.id) ?? 0) >= e.seq) return true;
    return !e.deleteOnly && (m.sv[String(e.client)] ?? 0) >= e.clock;
  }

  private heldByAnyone(e: Entry, isMember: MemberFilter = EVERYONE): boolean {
    for (const m of this.members.values()) if (isMember(m) && this.holds(m, e)) return true;
    return false;
  }

  private push(e: Entry): void {
    this.entries.push(e);
    if (this.entries.length > MAX_ENTRIES) {
      const dropped = this.entries.shift()!;
      if (!this.heldByAnyone(dropped)) {
        this.overflow++;
        this.overflowSince ??= dropped.at;
      }
    }
    this.version++;
  }

  /**
   * Which peers are team members: a copy held only by a non-member (our own print window) must
   * not let an entry be dropped as delivered. Set by the session's owner (default: everyone).
   */
  memberFilter: MemberFilter = EVERYONE;

  /** Drops entries every recently seen member holds. */
  private prune(now: number): void {
    const recent = [...this.members.values()].filter((m) => now - m.lastSeenAt < MEMBER_FORGET_MS && this.memberFilter(m));
    if (recent.length === 0) return;
    this.entries = this.entries.filter((e) => !recent.every((m) => this.holds(m, e)));
  }
}

/**
 * One status row per member met here (ourselves left out): departed members from their last
 * record, connected links merged by member (the best link of several windows speaks for it).
 */
export function memberRows(ledger: DeliveryLedger, selfId: string, peers: PeerStatus[], isMember: MemberFilter = EVERYONE): MemberStatus[] {
  const rows = new Map<string, MemberStatus>();
  for (const m of ledger.memberList()) {
    if (m.id === selfId || !isMember(m)) continue;
    rows.set(m.id, { memberId: m.id, name: m.name, color: m.color, connected: false, peer: null, lastSeenAt: m.lastSeenAt, lastInSyncAt: m.syncedAt || null, undelivered: ledger.undeliveredTo(m.id) });
  }
  for (const ps of peers) {
    const row = ps.connected && ps.memberId ? rows.get(ps.memberId) : undefined;
    if (!row) continue;
    if (!row.peer || (ps.inSync && !row.peer.inSync)) row.peer = ps;
    row.connected = true;
  }
  return [...rows.values()];
}

/** The delivery part of the sync status: member rows and what has not reached anyone. */
export function deliveryStatus(ledger: DeliveryLedger, selfId: string, peers: PeerStatus[], isMember: MemberFilter = EVERYONE): Omit<SyncStatus, 'online' | 'peers'> {
  return {
    members: memberRows(ledger, selfId, peers, isMember),
    hasMembers: ledger.hasMembersWhere(isMember),
    unreachedChanges: ledger.unreached(isMember),
    unreachedSince: ledger.unreachedSince(isMember),
    localChanges: ledger.made,
  };
}
