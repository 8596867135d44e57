import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { z } from 'zod';
import { DEFAULT_MAX_MESSAGE_BYTES } from './frames.js';

/**
 * The messages peers exchange (after reassembly). Encoded with lib0's binary encoding, decoded
 * defensively and checked with zod before anything acts on them.
 */

/** Version of this protocol; peers with another major version do not talk to each other. */
export const PROTOCOL_VERSION = 2;

const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'expected bytes' });
const boundedBytes = (max: number) => Bytes.refine((b) => b.length <= max, `longer than ${max} bytes`);
const MAX_ACKS = 512;
/** Largest awareness (presence) update accepted from one peer. */
export const MAX_AWARENESS_BYTES = 64 * 1024;
/** Largest state vector accepted (a workspace touched by thousands of sessions still fits). */
export const MAX_STATE_VECTOR_BYTES = 256 * 1024;

/** Schema of every message; `maxMessageBytes` bounds Yjs update sizes. */
export function syncMessageSchema(maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES) {
  return z.discriminatedUnion('t', [
    /**
     * First message on a link: which workspace we hold, our Yjs client, and the member we are (a
     * stable id of this laptop's profile, the display name and colour) so the others can tell who
     * holds which of their edits, also after we left.
     */
    z.strictObject({
      t: z.literal('hello'),
      v: z.number().int().min(0),
      workspace: z.string().min(1).max(200),
      clientId: z.number().int().min(0),
      member: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      name: z.string().max(80),
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/).nullable(),
    }),
    /**
     * Our state: the state vector (which edits we hold), a hash of the delete set (which removals we
     * hold), whether Yjs is holding updates it cannot apply yet, and the update messages we applied.
     */
    z.strictObject({
      t: z.literal('state'),
      sv: boundedBytes(MAX_STATE_VECTOR_BYTES),
      ds: z.string().max(64),
      pending: z.boolean(),
      reply: z.boolean(),
      /** We have the receiver's hello (else it says hello again: a lost hello must not leave it unnamed). */
      heard: z.boolean(),
      /**
       * Another peer is feeding us a diff: hold yours until this flag is gone (one sender per
       * catching-up laptop; an older peer never sets it and ignores it).
       */
      hold: z.boolean(),
      acks: z.array(z.number().int().min(1)).max(MAX_ACKS),
    }),
    /**
     * A Yjs update. `seq` is the sender's local-change counter it carries: with `full` every local
     * change up to `seq` (a diff against our state vector), otherwise exactly change `seq`
     * (0 = none of the sender's own changes, e.g. a relayed load).
     */
    z.strictObject({
      t: z.literal('update'),
      update: boundedBytes(maxMessageBytes),
      seq: z.number().int().min(0),
      full: z.boolean(),
    }),
    /** Presence (y-protocols awareness update). */
    z.strictObject({ t: z.literal('awareness'), update: boundedBytes(MAX_AWARENESS_BYTES) }),
    /** Heartbeat; `at` is the sender's clock, echoed in the pong to measure the round trip. */
    z.strictObject({ t: z.literal('ping'), at: z.number() }),
    z.strictObject({ t: z.literal('pong'), at: z.number() }),
  ]);
}

const DefaultSchema = syncMessageSchema();
/** One sync message. */
export type SyncMessage = z.infer<typeof DefaultSchema>;
/** Names of the message kinds. */
export type SyncMessageType = SyncMessage['t'];

const TAGS: Record<SyncMessageType, number> = { hello: 1, state: 2, update: 3, awareness: 4, ping: 5, pong: 6 };

/** Encodes a message into bytes (before framing). */
export function encodeMessage(msg: SyncMessage): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, TAGS[msg.t]);
  switch (msg.t) {
    case 'hello':
      encoding.writeVarUint(enc, msg.v);
      encoding.writeVarString(enc, msg.workspace);
      encoding.writeVarUint(enc, msg.clientId);
      encoding.writeVarString(enc, msg.member);
      encoding.writeVarString(enc, msg.name);
      encoding.writeVarString(enc, msg.color ?? '');
      break;
    case 'state':
      encoding.writeVarUint8Array(enc, msg.sv);
      encoding.writeVarString(enc, msg.ds);
      encoding.writeUint8(enc, (msg.pending ? 1 : 0) | (msg.reply ? 2 : 0) | (msg.heard ? 4 : 0) | (msg.hold ? 8 : 0));
      encoding.writeVarUint(enc, msg.acks.length);
      for (const a of msg.acks) encoding.writeVarUint(enc, a);
      break;
    case 'update':
      encoding.writeVarUint(enc, msg.seq);
      encoding.writeUint8(enc, msg.full ? 1 : 0);
      encoding.writeVarUint8Array(enc, msg.update);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(enc, msg.update);
      break;
    case 'ping':
    case 'pong':
      encoding.writeFloat64(enc, msg.at);
      break;
  }
  return encoding.toUint8Array(enc);
}

function readRaw(bytes: Uint8Array): unknown {
  const dec = decoding.createDecoder(bytes);
  const tag = decoding.readVarUint(dec);
  let out: Record<string, unknown>;
  switch (tag) {
    case TAGS.hello:
      out = { t: 'hello', v: decoding.readVarUint(dec), workspace: decoding.readVarString(dec), clientId: decoding.readVarUint(dec), member: decoding.readVarString(dec), name: decoding.readVarString(dec), color: decoding.readVarString(dec) || null };
      break;
    case TAGS.state: {
      const sv = decoding.readVarUint8Array(dec);
      const ds = decoding.readVarString(dec);
      const flags = decoding.readUint8(dec);
      const n = decoding.readVarUint(dec);
      if (n > MAX_ACKS) return null;
      const acks: number[] = [];
      for (let i = 0; i < n; i++) acks.push(decoding.readVarUint(dec));
      out = { t: 'state', sv, ds, pending: (flags & 1) !== 0, reply: (flags & 2) !== 0, heard: (flags & 4) !== 0, hold: (flags & 8) !== 0, acks };
      break;
    }
    case TAGS.update: {
      const seq = decoding.readVarUint(dec);
      const full = decoding.readUint8(dec) === 1;
      out = { t: 'update', seq, full, update: decoding.readVarUint8Array(dec) };
      break;
    }
    case TAGS.awareness:
      out = { t: 'awareness', update: decoding.readVarUint8Array(dec) };
      break;
    case TAGS.ping:
    case TAGS.pong:
      out = { t: tag === TAGS.ping ? 'ping' : 'pong', at: decoding.readFloat64(dec) };
      break;
    default:
      return null;
  }
  // Trailing bytes mean the message is not what it claims to be.
  return decoding.hasContent(dec) ? null : out;
}

/**
 * Decodes and validates a message. Returns null for anything malformed, unknown or too large:
 * a peer's bad message is dropped, never acted on.
 */
export function decodeMessage(bytes: Uint8Array, schema: ReturnType<typeof syncMessageSchema> = DefaultSchema): SyncMessage | null {
  let raw: unknown;
  try {
    raw = readRaw(bytes);
  } catch {
    return null;
  }
  if (raw === null) return null;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
