import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { FRAME_MARKER, MAX_FRAME_BYTES, Reassembler, parseFrame, toFrames } from '../../../shared/sync/frames';
import { decodeMessage, encodeMessage, type SyncMessage } from '../../../shared/sync/messages';

const limits = { maxMessageBytes: 8 * 1024 * 1024, maxPartials: 4, staleAfterMs: 1000 };

function bytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

describe('frames', () => {
  it('cuts a 1 MB message into frames of at most 16 KB and puts it back together', () => {
    const payload = bytes(1024 * 1024);
    const frames = toFrames(7, payload);
    expect(frames.length).toBe(Math.ceil(payload.length / (MAX_FRAME_BYTES - 16)));
    expect(Math.max(...frames.map((f) => f.length))).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    const r = new Reassembler(limits);
    const progress: number[] = [];
    let whole: Uint8Array | null = null;
    for (const f of frames) whole = r.push(parseFrame(f)!, 0, (p) => progress.push(p.received)) ?? whole;
    expect(whole && Buffer.from(whole).equals(Buffer.from(payload))).toBe(true);
    expect(progress.at(-1)).toBe(frames.length);
    expect(r.bytesHeld).toBe(0);
  });

  it("writes the build before's wire format byte for byte: marker, message id, index and count as varuints, then the chunk", () => {
    const payload = bytes(40_000, 3);
    const frames = toFrames(300, payload);
    const chunk = MAX_FRAME_BYTES - 16;
    expect(frames).toHaveLength(3);
    frames.forEach((f, index) => {
      const enc = encoding.createEncoder();
      encoding.writeUint8(enc, FRAME_MARKER);
      encoding.writeVarUint(enc, 300);
      encoding.writeVarUint(enc, index);
      encoding.writeVarUint(enc, frames.length);
      encoding.writeUint8Array(enc, payload.subarray(index * chunk, (index + 1) * chunk));
      expect(Buffer.from(f).equals(Buffer.from(encoding.toUint8Array(enc)))).toBe(true);
    });
  });

  it('tolerates duplicated and reordered frames, interleaved with another message', () => {
    const a = bytes(5000, 1);
    const b = bytes(3000, 2);
    const fa = toFrames(1, a, 1024);
    const fb = toFrames(2, b, 1024);
    const mixed = [fa[3]!, fb[1]!, fa[0]!, fa[0]!, fb[2]!, fa[4]!, fb[0]!, fa[1]!, fb[1]!, fa[2]!, fb[2]!];
    const r = new Reassembler(limits, 1024);
    const out: Uint8Array[] = [];
    for (const f of mixed) {
      const whole = r.push(parseFrame(f, 1024)!, 0);
      if (whole) out.push(whole);
    }
    expect(out).toHaveLength(2);
    const hex = out.map((o) => Buffer.from(o).toString('hex'));
    expect(hex).toContain(Buffer.from(a).toString('hex'));
    expect(hex).toContain(Buffer.from(b).toString('hex'));
    // A frame of a message already delivered is ignored (no second delivery).
    expect(r.push(parseFrame(fa[1]!, 1024)!, 0)).toBeNull();
  });

  it('rejects what is not a well-formed frame', () => {
    expect(parseFrame(new Uint8Array([0, 1, 2]))).toBeNull();
    expect(parseFrame(new Uint8Array([FRAME_MARKER]))).toBeNull();
    expect(parseFrame(new Uint8Array([FRAME_MARKER, 1, 5, 3]))).toBeNull(); // index ≥ count
    expect(parseFrame(new Uint8Array(MAX_FRAME_BYTES + 1).fill(FRAME_MARKER))).toBeNull();
    expect(parseFrame(new Uint8Array([FRAME_MARKER, 0, 0, 1]))).toBeNull(); // message id 0
  });

  it('bounds memory: refuses oversized messages, evicts old partials, sweeps stale ones', () => {
    const r = new Reassembler({ maxMessageBytes: 10_000, maxPartials: 2, staleAfterMs: 1000 }, 1024);
    // A message announcing far more chunks than the limit allows is refused outright.
    const huge = { msgId: 1, index: 0, count: 100_000, chunk: new Uint8Array(1000) };
    expect(r.push(huge, 0)).toBeNull();
    expect(r.bytesHeld).toBe(0);
    for (const id of [2, 3, 4]) r.push({ msgId: id, index: 0, count: 3, chunk: new Uint8Array(500) }, id);
    expect(r.inProgress().map((p) => p.msgId).sort()).toEqual([3, 4]);
    expect(r.sweep(3 + 1001)).toEqual([3]);
    expect(r.inProgress().map((p) => p.msgId)).toEqual([4]);
  });
});

describe('messages', () => {
  const samples: SyncMessage[] = [
    { t: 'hello', v: 2, workspace: 'ws-1', clientId: 123456, member: 'm-Lin_01', name: '林律師', color: '#0369a1' },
    { t: 'hello', v: 2, workspace: 'ws-1', clientId: 1, member: 'x', name: '', color: null },
    { t: 'state', sv: new Uint8Array([1, 2, 3]), ds: 'abc', pending: true, reply: false, heard: true, hold: true, acks: [1, 5, 9] },
    { t: 'state', sv: new Uint8Array([0]), ds: '', pending: false, reply: true, heard: false, hold: false, acks: [] },
    { t: 'update', update: bytes(300), seq: 4, full: true },
    { t: 'awareness', update: bytes(20) },
    { t: 'ping', at: 1234.5 },
    { t: 'pong', at: 99 },
  ];

  it('round-trips every kind', () => {
    for (const m of samples) expect(decodeMessage(encodeMessage(m))).toEqual(m);
  });

  it('drops garbage, unknown kinds, trailing bytes and oversized parts', () => {
    expect(decodeMessage(new Uint8Array([]))).toBeNull();
    expect(decodeMessage(new Uint8Array([99, 1, 2]))).toBeNull();
    const ping = encodeMessage({ t: 'ping', at: 1 });
    expect(decodeMessage(new Uint8Array([...ping, 0]))).toBeNull();
    expect(decodeMessage(ping.subarray(0, 4))).toBeNull();
    const bigAwareness = encodeMessage({ t: 'awareness', update: new Uint8Array(100 * 1024) });
    expect(decodeMessage(bigAwareness)).toBeNull();
    const badHello = encodeMessage({ t: 'hello', v: 2, workspace: 'x'.repeat(300), clientId: 1, member: 'm', name: 'n', color: null });
    expect(decodeMessage(badHello)).toBeNull();
  });
});
