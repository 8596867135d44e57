import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket as NodeWebSocket } from 'ws';
import { startSignalingServer, type StandaloneSignaling } from '../../../electron/host/signaling';
import { SyncSession } from '../../../shared/sync/session';
import { generateRoomKey } from '../../../shared/sync/room';
import { headlineWithKey } from '../../../shared/sync/status';
import { roomCredential } from '../../../shared/sync/roomAuth';
import { encryptJson } from '../../../renderer/sync/signalingCrypto';
import { signalingJunk } from '../../../renderer/sync/signalingGuard';
import { checkHost, roomAesKey } from '../../../renderer/sync/hostCheck';
import { connect, isType } from './signalingClient';

/**
 * The room over a real signaling host, with the real transport (y-webrtc and our layers; no
 * WebRTC in Node, so no two transports here share a room): the room is named by its key, a
 * laptop with a wrong key is told members are there, junk from someone holding the key is counted
 * and never throws in the page, and a host is verified only by a member's answer.
 */

type Transport = import('../../../renderer/sync/webrtcTransport').WebrtcTransport;
let WebrtcTransport: typeof import('../../../renderer/sync/webrtcTransport').WebrtcTransport;
let server: StandaloneSignaling;
const transports: Transport[] = [];
const sockets: NodeWebSocket[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);

beforeAll(async () => {
  // lib0's WebSocket client (y-webrtc's signaling) uses the global WebSocket: Node 20 has none.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;
  ({ WebrtcTransport } = await import('../../../renderer/sync/webrtcTransport'));
  server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  sockets.forEach((s) => s.terminate());
  sockets.length = 0;
  await Promise.all(transports.splice(0).map((t) => t.destroy()));
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await server.close();
});

function start(workspaceId: string, password: string): Transport {
  const doc = new Y.Doc();
  const session = new SyncSession({ doc, workspaceId });
  const t = new WebrtcTransport({ password, workspaceId, signaling: [server.url], iceServers: [], session, probe: async () => true });
  transports.push(t);
  return t;
}

const until = async (what: string, pred: () => boolean, ms = 5000) => {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - t0;
};

/** The transport proved its key and joined its room on the host. */
const joined = async (t: Transport) => {
  await until('joined', () => !!t.provider.room?.key && t.watch.events.some(([, what]) => what === 'authed'));
  await new Promise((r) => setTimeout(r, 100));
};

const EMPTY = { online: false, peers: [], members: [], hasMembers: false, unreachedChanges: 0, unreachedSince: null, localChanges: 0 };

describe('rooms named by their key', () => {
  it('a joiner with a wrong room key is told within seconds that members are reachable but its key does not match', async () => {
    const ws = 'ws-' + generateRoomKey();
    const member = start(ws, generateRoomKey());
    await joined(member);
    const joiner = start(ws, generateRoomKey());
    const ms = await until('the joiner sees the mismatch', () => joiner.keyMismatch() !== null);
    expect(ms).toBeLessThan(4000);
    expect(joiner.keyMismatch()!.others).toBe(1);
    expect(headlineWithKey(EMPTY, joiner.signalingUp, Date.now(), true)).toBe('keyMismatch');
    // The member sees the other key too; nobody saw anything of the other's room.
    await until('the member sees it', () => member.keyMismatch() !== null);
    expect(member.credential.topic).not.toBe(joiner.credential.topic);
    expect(member.credential.topic).not.toContain(ws);
    expect(unhandled).toEqual([]);
  });

  it('laptops holding the same key see no mismatch; another workspace\u2019s lobby is not ours', async () => {
    const key = generateRoomKey();
    const a = start('ws-same', key);
    const other = start('ws-other', generateRoomKey());
    await until('joined', () => a.signalingUp && other.signalingUp && server.hub.stats().authOk >= 4);
    await new Promise((r) => setTimeout(r, 500));
    expect(a.keyMismatch()).toBeNull();
    expect(other.keyMismatch()).toBeNull();
  });

  it('junk published into the room by someone holding the key is counted and ignored, never thrown', async () => {
    const key = generateRoomKey();
    const member = start('ws-junk', key);
    await joined(member);
    const cred = roomCredential(key);
    const insider = await connect(server.url, {}, sockets);
    await insider.auth(cred);
    insider.send({ type: 'subscribe', topics: [cred.topic] });
    await insider.roundTrip();
    const roomKey = member.provider.room!.key!;
    const otherKey = await crypto.subtle.importKey('raw', crypto.getRandomValues(new Uint8Array(32)), 'AES-GCM', false, ['encrypt', 'decrypt']);
    const before = { ...signalingJunk };
    const junk = [
      'not base64 at all !!!',
      btoa('random bytes that are no message'),
      await encryptJson({ type: 'announce', from: 'x' }, otherKey),
      await encryptJson({ type: 'signal', from: 'p', to: member.provider.room!.peerId, signal: { type: 'answer', sdp: 'x' } }, roomKey),
      await encryptJson({ type: 'signal', from: 'p' }, roomKey),
      await encryptJson('just a string', roomKey),
      12345,
    ];
    for (let i = 0; i < 50; i++) for (const data of junk) insider.send({ type: 'publish', topic: cred.topic, data });
    insider.send({ type: 'publish', topic: `${cred.topic}/relay`, data: { to: 'x', c: 'garbage' } });
    await until('junk counted', () => signalingJunk.undecryptable - before.undecryptable >= 150 && signalingJunk.invalid - before.invalid >= 200, 10_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(unhandled).toEqual([]);
    expect(member.signalingUp).toBe(true);
  });

  it('verifies a host only when a member holding the room key answers through it', async () => {
    const key = generateRoomKey();
    const member = start('ws-check', key);
    await joined(member);
    const roomKey = member.provider.room!.key!;
    const WebSocketImpl = NodeWebSocket as unknown as new (url: string) => WebSocket;
    expect(await checkHost(server.url, { credential: member.credential, roomKey, WebSocketImpl })).toEqual({ ok: true, members: 1 });
    // The same from the room key alone (a laptop whose sync does not run yet), as the host panel does.
    expect(await checkHost(server.url, { credential: roomCredential(key), roomKey: await roomAesKey(key, roomCredential(key).topic), WebSocketImpl })).toEqual({ ok: true, members: 1 });
    // A host where no member is (another server) cannot be verified, nor one that is not there.
    const empty = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    try {
      expect(await checkHost(empty.url, { credential: member.credential, roomKey, WebSocketImpl, timeoutMs: 800 })).toEqual({ ok: false, reason: 'noMember' });
    } finally {
      await empty.close();
    }
    expect(await checkHost('ws://127.0.0.1:9/signal', { credential: member.credential, roomKey, WebSocketImpl, timeoutMs: 800 })).toEqual({ ok: false, reason: 'unreachable' });
    // Someone with another key (a rogue host's own client) gets no answer from our members.
    const stranger = roomCredential(generateRoomKey());
    expect(await checkHost(server.url, { credential: stranger, roomKey, WebSocketImpl, timeoutMs: 800 })).toEqual({ ok: false, reason: 'noMember' });
  });

  it('the host never sees the workspace id, and peer ids on the relay topic travel as keyed tags', async () => {
    const ws = 'ws-visible-' + generateRoomKey().slice(0, 8);
    const key = generateRoomKey();
    const member = start(ws, key);
    await joined(member);
    const cred = roomCredential(key);
    const spy = await connect(server.url, {}, sockets);
    await spy.auth(cred);
    spy.send({ type: 'subscribe', topics: [cred.topic, `${cred.topic}/relay`] });
    await spy.roundTrip();
    member.relay!.send('some-peer-id-1234', new Uint8Array([1, 2, 3]));
    const relayed = (await spy.next((m) => isType('publish')(m) && (m as { topic: string }).topic.endsWith('/relay'))) as { data: { to: string } };
    expect(relayed.data.to).not.toContain('some-peer-id');
    expect(JSON.stringify(spy.got)).not.toContain(ws);
    expect(JSON.stringify(spy.got)).not.toContain(member.provider.room!.peerId);
  });
});
