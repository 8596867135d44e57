import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { ownItemId, structsOf, type StoredStruct } from '../doc/yjsInternals.js';
import { writeDeleteRanges, type DeleteRanges } from './docState.js';

/**
 * A diff cut into bounded slices (issue 14: a fresh laptop joining a multi-megabyte workspace).
 *
 * `Y.encodeStateAsUpdate(doc, sv)` makes one update of everything a peer lacks; applying 25 MB
 * in one go held the joining laptop's main thread for seconds (and the heartbeat with it). A
 * {@link DiffSlicer} instead yields Yjs V1 updates of about `maxBytes` each, made only when the
 * link can take the next one: whole structs, client by client (little first) but each struct
 * after the structs it refers to, then the delete set in pieces. Each slice is a valid update on
 * its own; applied in order, none waits for a later one (Yjs would hold such a slice in its
 * pending store and merge every later one into it); out of order they still converge. A receiver of the current build
 * applies them as it applies any update: the message format does not change.
 *
 * Reaches into Yjs beyond its documented API through shared/doc/yjsInternals.ts (`structsOf`:
 * the structs of each client, each writing itself from an offset as Yjs's own `writeStructs`
 * does; checked against the installed yjs by tests/unit/internals/contract.test.ts), with the
 * exported `UpdateEncoderV1`.
 */

/** Default bound of one slice, in bytes of V1 update (a few milliseconds to apply). */
export const DEFAULT_SLICE_BYTES = 32 * 1024;
/**
 * A diff starts small: its first slices hold maxBytes / 16, / 8, / 4 and / 2 (2, 4, 8 and 16 KB by
 * default), RAMP_EACH slices of each. A receiver runs its first slices with cold code (Yjs's
 * decoder and integration not yet optimised by V8), several times slower than later ones: full
 * 32 KB slices made the joining laptop's longest tasks in the first second of a join at 100×
 * (bench P15: 102–152 ms); one slice of each size still left some (103 and 192 ms in the first
 * 1.1 s of 2 of 12 joins).
 */
const RAMP_STEPS = 4;
const RAMP_EACH = 4;
/** Delete-set ranges per slice (each ≤ ~10 bytes). */
const DS_RANGES_PER_SLICE = 4096;

type Writable = StoredStruct;

interface Segment {
  client: number;
  clock: number;
  count: number;
  enc: Y.UpdateEncoderV1;
}

/** Produces the slices of what `doc` holds beyond `remoteSv`, one at a time. */
export class DiffSlicer {
  /** Clients to send, little first; `cursor` is what the peer holds or was sent, `end` where we stop. */
  private readonly order: number[];
  private readonly cursor = new Map<number, number>();
  private readonly end = new Map<number, number>();
  private ds: Array<[number, Array<{ clock: number; len: number }>]> | null = null;
  private dsClient = 0;
  private dsRange = 0;
  private finished = false;
  /** Slices made so far. */
  produced = 0;
  /** Clock ticks (≈ characters and items) to send: a rough size, known before any slice is made. */
  readonly amount: number;

  constructor(
    private readonly doc: Y.Doc,
    remoteSv: Map<number, number>,
    private readonly maxBytes = DEFAULT_SLICE_BYTES,
    /** The document's delete set if kept elsewhere (docState.ts); else it is read from the document. */
    private readonly deleteSet: () => DeleteRanges = () => Y.createDeleteSetFromStructStore(doc.store),
  ) {
    const todo: Array<{ client: number; amount: number }> = [];
    for (const [client, state] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
      const clock = remoteSv.get(client) ?? 0;
      if (state <= clock) continue;
      todo.push({ client, amount: state - clock });
      this.cursor.set(client, clock);
      this.end.set(client, state);
    }
    todo.sort((a, b) => a.amount - b.amount || b.client - a.client);
    this.amount = todo.reduce((n, t) => n + t.amount, 0);
    this.order = todo.map((t) => t.client);
  }

  /**
   * The peer now holds `remoteSv` (its acknowledgements say so): structs it got meanwhile from
   * another peer are not sent again. A client is skipped only up to what the peer holds
   * contiguously, so every later slice still applies at once.
   */
  skipHeld(remoteSv: Map<number, number>): void {
    for (const [client, held] of remoteSv) {
      const at = this.cursor.get(client);
      if (at !== undefined && held > at) this.cursor.set(client, Math.min(held, this.end.get(client)!));
    }
  }

  /** True once the last slice was handed out. */
  get done(): boolean {
    return this.finished;
  }

  /** The next slice (a V1 update), or null when every slice was handed out. */
  next(): Uint8Array | null {
    if (this.finished) return null;
    return this.structSlice() ?? this.deleteSlice();
  }

  /**
   * Whole structs up to about `maxBytes`, each after what it refers to (its left and right
   * origins, or its parent): a receiver never has to hold a slice back for a later one.
   */
  private structSlice(): Uint8Array | null {
    const segments = new Map<number, Segment>();
    const step = Math.floor(this.produced / RAMP_EACH);
    const limit = step < RAMP_STEPS ? Math.max(1, this.maxBytes >> (RAMP_STEPS - step)) : this.maxBytes;
    let total = 0;
    while (total < limit) {
      const next = this.nextStruct();
      if (!next) break;
      const { client, struct, offset } = next;
      let seg = segments.get(client);
      if (!seg) {
        seg = { client, clock: struct.id.clock + offset, count: 0, enc: new Y.UpdateEncoderV1() };
        segments.set(client, seg);
      }
      const before = encoding.length(seg.enc.restEncoder);
      struct.write(seg.enc, offset);
      total += encoding.length(seg.enc.restEncoder) - before;
      seg.count++;
      this.cursor.set(client, struct.id.clock + struct.length);
    }
    if (segments.size === 0) return null;
    const out = encoding.createEncoder();
    encoding.writeVarUint(out, segments.size);
    // Clients in decreasing order, as Yjs writes them: Y.mergeUpdates relies on it and, given a
    // lower client before a higher one, silently drops the higher one's structs (storage merges
    // received slices, remoteBatch.ts; the session forwards them merged).
    for (const s of [...segments.values()].sort((a, b) => b.client - a.client)) {
      encoding.writeVarUint(out, s.count);
      encoding.writeVarUint(out, s.client);
      encoding.writeVarUint(out, s.clock);
      encoding.writeUint8Array(out, s.enc.toUint8Array());
    }
    encoding.writeVarUint(out, 0); // no deletions in this slice
    this.produced++;
    return encoding.toUint8Array(out);
  }

  /** The next struct to send: the first client's next one, or first what it refers to (and so on). */
  private nextStruct(): { client: number; struct: Writable; offset: number } | null {
    while (this.order.length > 0 && this.cursor.get(this.order[0]!)! >= this.end.get(this.order[0]!)!) this.order.shift();
    if (this.order.length === 0) return null;
    let client = this.order[0]!;
    const seen = new Set<number>();
    for (;;) {
      seen.add(client);
      const structs = structsOf(this.doc, client);
      const clock = this.cursor.get(client)!;
      const struct = structs[Y.findIndexSS(structs as never, clock)]!;
      const offset = clock - struct.id.clock;
      const needs = this.missing(struct, client, offset);
      // A cycle cannot happen between integrated structs; should one appear, Yjs's pending store copes.
      if (needs === null || seen.has(needs)) return { client, struct, offset };
      client = needs;
    }
  }

  /**
   * A client whose structs `struct` (written from `offset`) refers to and the peer was not sent
   * yet, or null — what Yjs's `Item.getMissing` checks on the other side.
   */
  private missing(struct: Writable, client: number, offset: number): number | null {
    if (!(struct instanceof Y.Item)) return null;
    // From an offset on, the left origin is the struct's own previous clock.
    const refs: Array<Y.ID | null> = [offset > 0 ? null : struct.origin, struct.rightOrigin];
    if (!struct.origin && !struct.rightOrigin) refs.push(ownItemId(struct.parent as object));
    for (const id of refs) {
      if (!id || id.client === client) continue;
      const sent = this.cursor.get(id.client);
      if (sent !== undefined && sent <= id.clock && sent < this.end.get(id.client)!) return id.client;
    }
    return null;
  }

  /** A piece of the delete set (read once the structs are out); the last one ends the diff. */
  private deleteSlice(): Uint8Array {
    if (!this.ds) {
      // A copy of the ranges as they are now (the live set may be replaced while we send).
      this.ds = [...this.deleteSet().clients.entries()].filter(([, r]) => r.length > 0).map(([c, r]): [number, Array<{ clock: number; len: number }>] => [c, r.map(({ clock, len }) => ({ clock, len }))]).sort((a, b) => b[0] - a[0]);
    }
    const out = encoding.createEncoder();
    encoding.writeVarUint(out, 0); // no structs
    const parts: Array<[number, Array<{ clock: number; len: number }>]> = [];
    let budget = DS_RANGES_PER_SLICE;
    while (budget > 0 && this.dsClient < this.ds.length) {
      const [client, ranges] = this.ds[this.dsClient]!;
      const take = ranges.slice(this.dsRange, this.dsRange + budget);
      parts.push([client, take]);
      budget -= take.length;
      this.dsRange += take.length;
      if (this.dsRange >= ranges.length) {
        this.dsClient++;
        this.dsRange = 0;
      }
    }
    encoding.writeVarUint(out, parts.length);
    writeDeleteRanges(out, parts);
    if (this.dsClient >= this.ds.length) this.finished = true;
    this.produced++;
    return encoding.toUint8Array(out);
  }
}
