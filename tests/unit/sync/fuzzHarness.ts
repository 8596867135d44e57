/**
 * Seeded sync fuzz: 2–5 in-memory peers edit a playbook while an adversarial network delays,
 * reorders, duplicates and drops their frames, cuts and heals links, and lets heartbeats time out.
 * At the end the network heals and every peer must hold an identical document.
 * Used by tests/unit/sync/fuzz.test.ts (1,000 seeds) and scripts/fuzz.ts (long runs).
 */
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { Awareness } from 'y-protocols/awareness';
import { SyncSession } from '../../../shared/sync/session';
import type { PeerLink } from '../../../shared/sync/peerLink';
import { DocStateReader } from '../../../shared/sync/docState';
import { write } from '../../../shared/doc/origins';
import { collectionOf, metaOf } from '../../../shared/doc/workspaceDoc';
import { addRecord, childCollection, duplicateRecord, listRecords, moveRecord, removeRecord, setField, type YCollection, type YRecord, recordId } from '../../../shared/doc/collection';

export interface FuzzOptions {
  /** Number of random actions before the final heal (default 80–160, from the seed). */
  steps?: number;
  /** Force a peer count (default 2–5, from the seed). */
  peers?: number;
  /** Log every action (for reproducing a failure). */
  trace?: (line: string) => void;
  /** Bound of a diff's slices (default the session's): small values cut every diff into many slices. */
  sliceBytes?: number;
}

export interface FuzzResult {
  seed: number;
  peers: number;
  steps: number;
  ok: boolean;
  error?: string;
  /** Rounds of the final heal until every copy was equal. */
  healRounds: number;
  frames: number;
}

interface Pipe {
  gen: number;
  queue: Uint8Array[];
}

const pairKey = (a: number, b: number) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Runs one seed; never throws (a failure is reported in the result). */
export function runFuzzSeed(seed: number, opts: FuzzOptions = {}): FuzzResult {
  const gen = prng.create(seed);
  const realRandom = Math.random;
  Math.random = () => prng.real53(gen);
  const n = opts.peers ?? prng.int32(gen, 2, 5);
  const steps = opts.steps ?? prng.int32(gen, 80, 160);
  const frameSize = prng.oneOf(gen, [64, 128, 512, 2048, 16 * 1024]);
  const trace = opts.trace ?? (() => {});
  let clock = 1_000_000;
  let frames = 0;
  let nextId = 0;
  const rid = () => `r${seed}-${nextId++}`;

  const docs: Y.Doc[] = [];
  const awarenesses: Awareness[] = [];
  const sessions: SyncSession[] = [];
  const pipes = new Map<string, Pipe>(); // `${from}>${to}`
  const linked = new Set<string>();
  const partitioned = new Set<string>();
  let generation = 0;

  const result: FuzzResult = { seed, peers: n, steps, ok: false, healRounds: 0, frames: 0 };
  try {
    for (let i = 0; i < n; i++) {
      const doc = new Y.Doc();
      doc.clientID = 1000 + seed * 8 + i;
      docs.push(doc);
      const aw = new Awareness(doc);
      aw.setLocalState({ user: { name: `peer ${i}`, color: '#0369a1' }, editing: null });
      awarenesses.push(aw);
      sessions.push(new SyncSession({ doc, workspaceId: 'ws-fuzz', awareness: aw, now: () => clock, maxFrameBytes: frameSize, ...(opts.sliceBytes ? { sliceBytes: opts.sliceBytes } : {}) }));
    }
    sessions.forEach((s, i) =>
      s.onPeerLeft((peerId) => {
        // The link closed on one side: the other side sees its connection close too.
        unlink(i, Number(peerId));
      }),
    );

    /** Links a pair; `replace` swaps the links of a linked pair (WebRTC taking over from the relay). */
    const link = (a: number, b: number, replace = false) => {
      const key = pairKey(a, b);
      if (partitioned.has(key) || linked.has(key) !== replace) return;
      linked.add(key);
      const g = ++generation;
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        const pipe: Pipe = { gen: g, queue: [] };
        pipes.set(`${from}>${to}`, pipe);
        const l: PeerLink = {
          send: (frame) => {
            if (pipes.get(`${from}>${to}`) === pipe) pipe.queue.push(frame.slice());
          },
          close: () => unlink(from, to),
        };
        sessions[from]!.addPeer(String(to), l);
      }
      trace(`${replace ? 'relink' : 'link'} ${a}-${b}`);
    };
    /** Only `a` replaces its link to `b` (a relay restart): `b` keeps its side as it was. */
    function halfRelink(a: number, b: number): void {
      const pipe = pipes.get(`${a}>${b}`);
      if (!linked.has(pairKey(a, b)) || !pipe) return;
      sessions[a]!.addPeer(String(b), {
        send: (frame) => {
          if (pipes.get(`${a}>${b}`) === pipe) pipe.queue.push(frame.slice());
        },
        close: () => unlink(a, b),
      });
      trace(`half-relink ${a}>${b}`);
    }
    function unlink(a: number, b: number): void {
      const key = pairKey(a, b);
      if (!linked.has(key)) return;
      linked.delete(key);
      pipes.delete(`${a}>${b}`);
      pipes.delete(`${b}>${a}`);
      sessions[a]!.removePeer(String(b));
      sessions[b]!.removePeer(String(a));
      trace(`unlink ${a}-${b}`);
    }
    const deliver = (key: string, index: number, duplicate: boolean) => {
      const pipe = pipes.get(key);
      if (!pipe || pipe.queue.length === 0) return;
      const [from, to] = key.split('>').map(Number) as [number, number];
      const frame = duplicate ? pipe.queue[index]! : pipe.queue.splice(index, 1)[0]!;
      frames++;
      sessions[to]!.receive(String(from), frame);
    };
    const tickAll = (ms: number) => {
      clock += ms;
      for (const s of sessions) s.tick();
    };

    seedPlaybook(docs[0]!, rid);
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) link(a, b);

    for (let step = 0; step < steps; step++) {
      const r = prng.real53(gen);
      if (r < 0.34) {
        const i = prng.int32(gen, 0, n - 1);
        const what = randomEdit(docs[i]!, gen, rid);
        trace(`edit ${i} ${what}`);
      } else if (r < 0.66) {
        const keys = [...pipes.keys()].filter((k) => pipes.get(k)!.queue.length > 0);
        if (keys.length === 0) continue;
        const key = prng.oneOf(gen, keys);
        const q = pipes.get(key)!.queue;
        const burst = prng.bool(gen) ? q.length : 1;
        for (let k = 0; k < burst && q.length > 0; k++) {
          const reorder = prng.real53(gen) < 0.25;
          const index = reorder ? prng.int32(gen, 0, q.length - 1) : 0;
          deliver(key, index, prng.real53(gen) < 0.08);
        }
      } else if (r < 0.84) {
        tickAll(prng.int32(gen, 50, 1500));
        // Peers that lost each other find each other again (as signaling does), sometimes later.
        for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (prng.real53(gen) < 0.3) link(a, b);
      } else if (r < 0.86) {
        const a = prng.int32(gen, 0, n - 1);
        const b = (a + prng.int32(gen, 1, n - 1)) % n;
        if (prng.bool(gen)) link(a, b, true);
        else halfRelink(a, b);
      } else if (r < 0.9) {
        const a = prng.int32(gen, 0, n - 1);
        const b = (a + prng.int32(gen, 1, n - 1)) % n;
        const key = pairKey(a, b);
        partitioned.add(key);
        // Frames on the wire are lost; the peers only notice through their heartbeats.
        pipes.get(`${a}>${b}`)?.queue.splice(0);
        pipes.get(`${b}>${a}`)?.queue.splice(0);
        for (const k of [`${a}>${b}`, `${b}>${a}`]) {
          const p = pipes.get(k);
          if (p) pipes.set(k, { gen: -1, queue: [] });
        }
        trace(`cut ${a}-${b}`);
      } else if (r < 0.96) {
        if (partitioned.size === 0) continue;
        const key = prng.oneOf(gen, [...partitioned]);
        partitioned.delete(key);
        trace(`heal ${key}`);
      } else {
        // A pasted block of text: a message that needs many frames.
        const i = prng.int32(gen, 0, n - 1);
        const text = docs[i]!.getText('fuzz.notes');
        write(docs[i]!, 'user', () => text.insert(prng.int32(gen, 0, text.length), prng.word(gen, 500, 3000)));
        trace(`paste ${i}`);
      }
    }

    // Heal everything and let the protocol converge.
    partitioned.clear();
    const readers = docs.map((d) => new DocStateReader(d));
    for (let round = 1; round <= 40; round++) {
      for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) link(a, b);
      for (let guard = 0; guard < 10_000; guard++) {
        const key = [...pipes.keys()].find((k) => pipes.get(k)!.queue.length > 0);
        if (!key) break;
        deliver(key, 0, false);
      }
      tickAll(900);
      const equal = docs.every((d, i) => {
        const a = readers[0]!.read();
        const b = readers[i]!.read();
        return Buffer.from(a.sv).equals(Buffer.from(b.sv)) && a.ds === b.ds && !b.pending && dump(d) === dump(docs[0]!);
      });
      if (equal) {
        result.healRounds = round;
        break;
      }
    }
    if (!result.healRounds) {
      const why = docs.map((d, i) => {
        const a = readers[0]!.read();
        const b = readers[i]!.read();
        return `${i}:sv=${Buffer.from(a.sv).equals(Buffer.from(b.sv))},ds=${a.ds === b.ds},pending=${b.pending},content=${dump(d) === dump(docs[0]!)},peers=${sessions[i]!.peerIds().length}`;
      });
      throw new Error(`copies still differ after 40 heal rounds: ${why.join(' ')}`);
    }
    readers.forEach((r) => r.destroy());
    // One more exchange so every peer has seen the others' final state.
    for (let k = 0; k < 8; k++) {
      for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) link(a, b);
      for (let guard = 0; guard < 10_000; guard++) {
        const key = [...pipes.keys()].find((kk) => pipes.get(kk)!.queue.length > 0);
        if (!key) break;
        deliver(key, 0, false);
      }
      tickAll(900);
    }
    for (const [i, s] of sessions.entries()) {
      const st = s.status();
      const connected = st.peers.filter((p) => p.connected);
      if (connected.length !== n - 1) throw new Error(`peer ${i} sees ${connected.length} of ${n - 1} peers`);
      if (!connected.every((p) => p.inSync)) throw new Error(`peer ${i} does not report every peer in sync`);
      if (st.unreachedChanges !== 0) throw new Error(`peer ${i} reports ${st.unreachedChanges} changes that reached nobody`);
      const seen = [...awarenesses[i]!.getStates().keys()].filter((c) => c !== docs[i]!.clientID).length;
      if (seen !== n - 1) {
        const detail = awarenesses.map((a, j) => `${j}: clock ${a.meta.get(docs[j]!.clientID)?.clock} states ${[...a.getStates().keys()].join(',')} meta ${[...a.meta].map(([c, m]) => `${c}@${m.clock}`).join(',')}`).join(' | ');
        throw new Error(`peer ${i} sees the presence of ${seen} of ${n - 1} peers (${detail})`);
      }
    }
    result.ok = true;
  } catch (err) {
    result.error = (err as Error).message;
  } finally {
    Math.random = realRandom;
    sessions.forEach((s) => s.destroy());
    awarenesses.forEach((a) => a.destroy());
    docs.forEach((d) => d.destroy());
    result.frames = frames;
  }
  return result;
}

/** Canonical content of the roots the fuzz edits. */
function dump(doc: Y.Doc): string {
  return canonical([metaOf(doc).toJSON(), collectionOf(doc, 'crisisTypes').toJSON(), doc.getText('fuzz.notes').toString()]);
}

/** JSON with object keys sorted (Y.Map iterates in local arrival order, which differs by peer). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** A small playbook: crisis types with response steps and checklists (the structures the team edits). */
function seedPlaybook(doc: Y.Doc, rid: () => string): void {
  const types = collectionOf(doc, 'crisisTypes');
  write(doc, 'system', () => {
    metaOf(doc).set('name', 'Fuzz workspace');
    for (const name of ['Product defect', 'Data leak', 'Rumour']) {
      addRecord(types, { id: rid(), name, description: '', steps: [1, 2, 3].map((s) => ({ id: rid(), title: `${name} step ${s}`, targetMinutes: s * 30, checklist: [{ id: rid(), text: 'check' }] })) }, 'system');
    }
  });
}

interface Located {
  coll: YCollection;
  rec: YRecord;
  level: number;
}

function allRecords(doc: Y.Doc): Located[] {
  const out: Located[] = [];
  const walk = (coll: YCollection, level: number) => {
    for (const rec of listRecords(coll)) {
      out.push({ coll, rec, level });
      for (const key of ['steps', 'checklist']) {
        const child = rec.get(key);
        if (child instanceof Y.Map) walk(child as YCollection, level + 1);
      }
    }
  };
  walk(collectionOf(doc, 'crisisTypes'), 0);
  return out;
}

/** One random edit through the collection helpers (origin 'user'); returns its name. */
function randomEdit(doc: Y.Doc, gen: prng.PRNG, rid: () => string): string {
  const types = collectionOf(doc, 'crisisTypes');
  const recs = allRecords(doc);
  const pick = () => (recs.length ? prng.oneOf(gen, recs) : null);
  const op = prng.int32(gen, 0, 8);
  switch (op) {
    case 0:
      addRecord(types, { id: rid(), name: prng.word(gen, 3, 12), description: '', steps: [] }, 'user', prng.int32(gen, 0, types.size));
      return 'add-type';
    case 1: {
      const t = recs.filter((r) => r.level === 0);
      if (!t.length) return 'noop';
      const steps = childCollection(prng.oneOf(gen, t).rec, 'steps', 'user');
      addRecord(steps, { id: rid(), title: prng.word(gen, 3, 12), targetMinutes: prng.int32(gen, 5, 600), checklist: [] }, 'user', prng.int32(gen, 0, steps.size));
      return 'add-step';
    }
    case 2: {
      const s = recs.filter((r) => r.level === 1);
      if (!s.length) return 'noop';
      addRecord(childCollection(prng.oneOf(gen, s).rec, 'checklist', 'user'), { id: rid(), text: prng.word(gen, 2, 20) }, 'user');
      return 'add-item';
    }
    case 3: {
      const r = pick();
      if (r) removeRecord(r.coll, recordId(r.rec), 'user');
      return 'remove';
    }
    case 4: {
      const r = pick();
      if (r) moveRecord(r.coll, recordId(r.rec), prng.int32(gen, 0, r.coll.size), 'user');
      return 'move';
    }
    case 5: {
      const r = pick();
      if (r && r.level > 0) duplicateRecord(r.coll, recordId(r.rec), 'user');
      return 'duplicate';
    }
    case 6:
    case 7: {
      const r = pick();
      if (!r) return 'noop';
      const field = r.level === 0 ? prng.oneOf(gen, ['name', 'description']) : r.level === 1 ? prng.oneOf(gen, ['title', 'targetMinutes']) : 'text';
      setField(r.rec, field, field === 'targetMinutes' ? prng.int32(gen, 1, 900) : prng.word(gen, 0, 30), 'user');
      return `set-${field}`;
    }
    default: {
      const text = doc.getText('fuzz.notes');
      write(doc, 'user', () => {
        if (text.length > 10 && prng.bool(gen)) text.delete(prng.int32(gen, 0, text.length - 5), prng.int32(gen, 1, 5));
        else text.insert(prng.int32(gen, 0, text.length), prng.word(gen, 1, 10));
      });
      return 'text';
    }
  }
}
