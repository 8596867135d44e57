import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { z } from 'zod';

/**
 * Framing of sync messages on a peer link.
 *
 * WebRTC data channels lose or refuse single large messages (y-webrtc issue #42), so every
 * message is cut into frames of at most {@link MAX_FRAME_BYTES} and put back together on the
 * other side. A frame is: marker byte, message id, chunk index, chunk count, chunk bytes.
 * The marker lets the frames share a data channel with y-webrtc's own messages (which start
 * with a small varuint message type and never with the marker).
 */

/** First byte of every Crisis Room sync frame. */
export const FRAME_MARKER = 0xc7;
/** Largest frame put on a data channel (16 KB, the size every WebRTC stack delivers). */
export const MAX_FRAME_BYTES = 16 * 1024;
/** Smallest frame size accepted in options (tests use small frames to force chunking). */
export const MIN_FRAME_BYTES = 64;
/** Room left for the frame header (marker + three varuints of ≤ 5 bytes). */
const HEADER_RESERVE = 16;
/** Largest message (after reassembly) a peer accepts by default. */
export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** One frame as read off the wire, validated. */
export const FrameSchema = z.strictObject({
  msgId: z.number().int().min(1).max(2 ** 32),
  index: z.number().int().min(0),
  count: z.number().int().min(1).max(1 << 20),
  chunk: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
}).refine((f) => f.index < f.count, 'chunk index beyond the chunk count');
/** One frame as read off the wire. */
export type Frame = z.infer<typeof FrameSchema>;

/** True when `bytes` looks like one of our frames (and not a y-webrtc message). */
export function isSyncFrame(bytes: Uint8Array): boolean {
  return bytes.length > 0 && bytes[0] === FRAME_MARKER;
}

/** Cuts `payload` into frames of at most `maxFrameBytes` each. */
export function toFrames(msgId: number, payload: Uint8Array, maxFrameBytes = MAX_FRAME_BYTES): Uint8Array[] {
  const chunkSize = Math.max(MIN_FRAME_BYTES, maxFrameBytes) - HEADER_RESERVE;
  const count = Math.max(1, Math.ceil(payload.length / chunkSize));
  const frames: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    const head = encoding.createEncoder();
    encoding.writeUint8(head, FRAME_MARKER);
    encoding.writeVarUint(head, msgId);
    encoding.writeVarUint(head, index);
    encoding.writeVarUint(head, count);
    const header = encoding.toUint8Array(head);
    const chunk = payload.subarray(index * chunkSize, (index + 1) * chunkSize);
    // The chunk copied once, into the frame (through the encoder: into its buffers, then out of them).
    const frame = new Uint8Array(header.length + chunk.length);
    frame.set(header);
    frame.set(chunk, header.length);
    frames.push(frame);
  }
  return frames;
}

/** Reads one frame; null for anything that is not a well-formed frame within `maxFrameBytes`. */
export function parseFrame(bytes: Uint8Array, maxFrameBytes = MAX_FRAME_BYTES): Frame | null {
  if (!isSyncFrame(bytes) || bytes.length > Math.max(MIN_FRAME_BYTES, maxFrameBytes)) return null;
  try {
    const dec = decoding.createDecoder(bytes);
    decoding.readUint8(dec);
    const msgId = decoding.readVarUint(dec);
    const index = decoding.readVarUint(dec);
    const count = decoding.readVarUint(dec);
    const chunk = bytes.subarray(dec.pos);
    const parsed = FrameSchema.safeParse({ msgId, index, count, chunk });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Progress of one message being received in several frames. */
export interface TransferProgress {
  msgId: number;
  /** Frames received so far. */
  received: number;
  /** Frames in the whole message. */
  count: number;
  /** Bytes received so far. */
  bytes: number;
}

interface Partial {
  count: number;
  parts: Array<Uint8Array | undefined>;
  received: number;
  bytes: number;
  startedAt: number;
  touchedAt: number;
}

/** Limits that keep a peer from making us hold unbounded memory. */
export interface ReassemblyLimits {
  maxMessageBytes: number;
  /** Messages that may be incomplete at the same time. */
  maxPartials: number;
  /** An incomplete message that got no frame for this long is dropped. */
  staleAfterMs: number;
}

/**
 * Puts frames back together into messages. Tolerates frames that arrive twice, out of order or
 * interleaved with other messages; drops what exceeds the limits (a well-behaved peer never does).
 */
export class Reassembler {
  private partials = new Map<number, Partial>();
  private done = new Set<number>();
  private doneOrder: number[] = [];
  private heldBytes = 0;

  constructor(
    private readonly limits: ReassemblyLimits,
    private readonly maxFrameBytes = MAX_FRAME_BYTES,
  ) {}

  /**
   * Adds a frame. Returns the whole message when this frame completed it, otherwise null.
   * `onProgress` hears about multi-frame messages.
   */
  push(frame: Frame, now: number, onProgress?: (p: TransferProgress) => void): Uint8Array | null {
    if (this.done.has(frame.msgId)) return null;
    if (frame.count === 1) {
      this.markDone(frame.msgId);
      return frame.chunk;
    }
    const maxChunk = Math.max(MIN_FRAME_BYTES, this.maxFrameBytes);
    if (frame.count * maxChunk > this.limits.maxMessageBytes + maxChunk) return null;
    let p = this.partials.get(frame.msgId);
    if (!p) {
      if (this.partials.size >= this.limits.maxPartials) this.evictOldest();
      p = { count: frame.count, parts: new Array(frame.count), received: 0, bytes: 0, startedAt: now, touchedAt: now };
      this.partials.set(frame.msgId, p);
    }
    if (p.count !== frame.count) return null;
    p.touchedAt = now;
    if (p.parts[frame.index]) return null;
    if (this.heldBytes + frame.chunk.length > this.limits.maxMessageBytes * 2) {
      this.drop(frame.msgId);
      return null;
    }
    // Kept as a view, as a single-frame message is returned above: every transport hands a frame
    // over in a buffer of its own (a data channel's message, a relay message decrypted), never reused.
    p.parts[frame.index] = frame.chunk;
    p.received++;
    p.bytes += frame.chunk.length;
    this.heldBytes += frame.chunk.length;
    onProgress?.({ msgId: frame.msgId, received: p.received, count: p.count, bytes: p.bytes });
    if (p.received < p.count) return null;
    const out = new Uint8Array(p.bytes);
    let offset = 0;
    for (const part of p.parts) {
      out.set(part!, offset);
      offset += part!.length;
    }
    this.drop(frame.msgId);
    this.markDone(frame.msgId);
    return out;
  }

  /** Drops incomplete messages that went quiet. Returns the ids dropped. */
  sweep(now: number): number[] {
    const dropped: number[] = [];
    for (const [id, p] of this.partials) {
      if (now - p.touchedAt > this.limits.staleAfterMs) {
        this.drop(id);
        dropped.push(id);
      }
    }
    return dropped;
  }

  /** Messages currently incomplete, for progress display. */
  inProgress(): TransferProgress[] {
    return [...this.partials].map(([msgId, p]) => ({ msgId, received: p.received, count: p.count, bytes: p.bytes }));
  }

  /** Bytes held for incomplete messages. */
  get bytesHeld(): number {
    return this.heldBytes;
  }

  private drop(id: number): void {
    const p = this.partials.get(id);
    if (!p) return;
    this.heldBytes -= p.bytes;
    this.partials.delete(id);
  }

  private evictOldest(): void {
    let oldest: number | undefined;
    let at = Infinity;
    for (const [id, p] of this.partials) {
      if (p.touchedAt < at) {
        at = p.touchedAt;
        oldest = id;
      }
    }
    if (oldest !== undefined) this.drop(oldest);
  }

  private markDone(id: number): void {
    this.done.add(id);
    this.doneOrder.push(id);
    if (this.doneOrder.length > 1024) this.done.delete(this.doneOrder.shift()!);
  }
}
