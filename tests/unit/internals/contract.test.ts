/**
 * Contract of the third-party internals the app reaches into (one adapter per library:
 * shared/doc/yjsInternals.ts, renderer/sync/internals/*). Loads the real, installed packages and
 * fails with a message naming the internal when an upgrade changed it. Why each reach exists and
 * what would let it go: renderer/sync/CONTEXT.md ("Third-party internals").
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ObservableV2 } from 'lib0/observable';
import { WebSocket as NodeWebSocket } from 'ws';
import Peer from 'simple-peer/simplepeer.min.js';
import * as encoding from 'lib0/encoding';
import { currentItemId, hasPendingUpdates, holdsClient, holdsNothing, livesUnder, needsFormattingCleanup, ownItemId, parentKeyOf, stateVectorIs, structsOf } from '../../../shared/doc/yjsInternals';
import { listenersOf } from '../../../renderer/sync/internals/lib0';
import { bufferedBytes, interceptData, onBufferDrained, onSignalIn, peerOf } from '../../../renderer/sync/internals/simplePeer';
import { signalingConnsOf } from '../../../renderer/sync/internals/yWebrtc';

const changed = (what: string) => `${what} changed in the installed version: update the adapter (see renderer/sync/CONTEXT.md, "Third-party internals") before upgrading`;

describe('yjs internals (shared/doc/yjsInternals.ts)', () => {
  it('StructStore.pendingStructs / pendingDs tell a document waiting for earlier updates', () => {
    const a = new Y.Doc();
    const updates: Uint8Array[] = [];
    a.on('update', (u: Uint8Array) => updates.push(u));
    a.transact(() => a.getArray('x').insert(0, [1]), 'user');
    a.transact(() => a.getArray('x').insert(1, [2]), 'user');
    const b = new Y.Doc();
    expect('pendingStructs' in b.store && 'pendingDs' in b.store, changed('yjs StructStore.pendingStructs/pendingDs')).toBe(true);
    expect(hasPendingUpdates(b), changed('yjs StructStore.pendingStructs (empty doc)')).toBe(false);
    Y.applyUpdate(b, updates[1]!, 'remote');
    expect(hasPendingUpdates(b), changed('yjs StructStore.pendingStructs (update with a gap)')).toBe(true);
    Y.applyUpdate(b, updates[0]!, 'remote');
    expect(hasPendingUpdates(b), changed('yjs StructStore.pendingStructs (gap filled)')).toBe(false);
  });

  it("Y.Map._map holds each key's current item; AbstractType._item the item a nested type lives in", () => {
    const doc = new Y.Doc();
    const root = doc.getMap<Y.Map<unknown>>('records');
    const rec = new Y.Map<unknown>();
    doc.transact(() => root.set('r1', rec), 'user');
    doc.transact(() => rec.set('title', 'a'), 'user');
    const first = currentItemId(rec, 'title');
    expect(first?.client, changed('yjs Y.Map._map')).toBe(doc.clientID);
    doc.transact(() => rec.set('title', 'b'), 'user');
    const second = currentItemId(rec, 'title');
    expect(second && first && second.clock > first.clock, changed('yjs Y.Map._map (current value)')).toBe(true);
    expect(currentItemId(rec, 'missing')).toBeNull();
    expect(ownItemId(rec)?.client, changed('yjs AbstractType._item')).toBe(doc.clientID);
    expect(ownItemId(root), changed('yjs AbstractType._item (root type)')).toBeNull();
    expect(parentKeyOf(rec), changed('yjs Item.parentSub (a record\'s id is its key)')).toBe('r1');
    expect(parentKeyOf(root)).toBeNull();
    expect(parentKeyOf(new Y.Map())).toBeNull();
  });

  it('Transaction._needFormattingCleanup announces Yjs’s own clean-up after a peer’s change to formatted text', () => {
    const a = new Y.Doc();
    a.transact(() => a.getText('t').insert(0, 'x', { bold: true }), 'user');
    const b = new Y.Doc();
    b.getText('t'); // a Y.Text (not an untyped root) when the update arrives
    const seen: boolean[] = [];
    b.on('afterTransaction', (tr: Y.Transaction) => seen.push(needsFormattingCleanup(tr)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
    expect(seen[0], changed('yjs Transaction._needFormattingCleanup')).toBe(true);
    expect(seen.slice(1), changed('yjs Transaction._needFormattingCleanup (the clean-up itself)')).toEqual([false]);
  });

  it('StructStore.clients tells which clients a document holds structs of; _item/Item.deleted tell a type that still lives under a root', () => {
    const doc = new Y.Doc();
    expect(holdsNothing(doc), changed('yjs StructStore.clients (empty doc)')).toBe(true);
    const root = doc.getMap('r');
    const child = new Y.Map<unknown>();
    const grandchild = new Y.Text();
    doc.transact(() => {
      root.set('c', child);
      child.set('t', grandchild);
    }, 'user');
    expect(holdsNothing(doc), changed('yjs StructStore.clients (after a write)')).toBe(false);
    expect(holdsClient(doc, doc.clientID), changed('yjs StructStore.clients (own client)')).toBe(true);
    expect(holdsClient(doc, doc.clientID + 1), changed('yjs StructStore.clients (other client)')).toBe(false);
    expect(livesUnder(grandchild, root), changed('yjs AbstractType._item / Item.parent')).toBe(true);
    expect(livesUnder(root, root)).toBe(true);
    doc.transact(() => root.delete('c'), 'user');
    expect(livesUnder(grandchild, root), changed('yjs Item.deleted (deleted ancestor)')).toBe(false);
  });

  it('StructStore.clients with Y.getState give the state vector without encoding it', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    expect(stateVectorIs(a, new Map()), changed('yjs StructStore.clients (empty doc)')).toBe(true);
    a.transact(() => a.getText('t').insert(0, 'abc'), 'user');
    b.transact(() => b.getMap('m').set('k', 1), 'user');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'remote');
    const sv = Y.decodeStateVector(Y.encodeStateVector(a));
    expect(sv.size).toBe(2);
    expect(stateVectorIs(a, sv), changed('yjs StructStore.clients / getState')).toBe(true);
    expect(stateVectorIs(a, new Map([...sv].slice(0, 1)))).toBe(false);
    expect(stateVectorIs(a, new Map([...sv].map(([c, k]) => [c, c === a.clientID ? k + 1 : k])))).toBe(false);
    expect(stateVectorIs(a, new Map([...sv, [a.clientID + b.clientID + 1, 1]]))).toBe(false);
  });

  it('StructStore.clients lists a client’s structs in clock order; each writes itself from an offset as Yjs’s own encoding does', () => {
    const doc = new Y.Doc();
    doc.transact(() => doc.getText('t').insert(0, '危機處理'), 'user');
    doc.transact(() => doc.getMap('m').set('k', 'v'), 'user');
    const structs = structsOf(doc, doc.clientID);
    expect(structs.length, changed('yjs StructStore.clients')).toBeGreaterThan(0);
    expect(structs.every((s, i) => i === 0 || s.id.clock === structs[i - 1]!.id.clock + structs[i - 1]!.length), changed('yjs StructStore.clients (clock order)')).toBe(true);
    expect(structs.every((s) => typeof s.deleted === 'boolean'), changed('yjs AbstractStruct.deleted')).toBe(true);
    // Written as Yjs's writeClientsStructs lays them out (one client, from clock `from`), followed
    // by an empty delete set: byte for byte what Yjs encodes for a peer that holds up to `from`.
    for (const from of [0, 2]) {
      const i = Y.findIndexSS(structs as never, from);
      const enc = new Y.UpdateEncoderV1();
      encoding.writeVarUint(enc.restEncoder, 1);
      encoding.writeVarUint(enc.restEncoder, structs.length - i);
      encoding.writeVarUint(enc.restEncoder, doc.clientID);
      encoding.writeVarUint(enc.restEncoder, from);
      structs.forEach((s, j) => j >= i && s.write(enc, j === i ? from - s.id.clock : 0));
      encoding.writeVarUint(enc.restEncoder, 0);
      const sv = from === 0 ? undefined : Y.encodeStateVector(new Map([[doc.clientID, from]]));
      expect(enc.toUint8Array(), changed(`yjs Item.write(encoder, offset) (from clock ${from})`)).toEqual(Y.encodeStateAsUpdate(doc, sv));
    }
  });
});

describe('yjs event order (shared/doc/updateHub.ts)', () => {
  it("Yjs looks for 'updateV2' listeners right after 'afterTransactionCleanup', per transaction", () => {
    const doc = new Y.Doc();
    const told: unknown[] = [];
    const listener = (_u: Uint8Array, origin: unknown) => told.push(origin);
    doc.on('updateV2', listener);
    // Taken off for one transaction in its 'afterTransactionCleanup', put back for the next one in its own.
    doc.on('afterTransactionCleanup', (tr: Y.Transaction) => {
      if (tr.origin === 'carried') doc.off('updateV2', listener);
      else doc.on('updateV2', listener);
    });
    doc.transact(() => doc.getMap('m').set('a', 1), 'carried');
    doc.transact(() => doc.getMap('m').set('b', 2), 'user');
    expect(told, changed("yjs's order of 'afterTransactionCleanup' and the 'updateV2' check in cleanupTransactions")).toEqual(['user']);
  });
});

describe('lib0 internals (renderer/sync/internals/lib0.ts)', () => {
  it("Observable keeps listeners in _observers, so the guard can go in front of y-webrtc's", () => {
    const o = new ObservableV2<{ message: (m: unknown) => void }>();
    const f = () => {};
    o.on('message', f);
    expect(listenersOf(o, 'message'), changed('lib0 Observable._observers')).toEqual([f]);
    o.off('message', f);
    expect(listenersOf(o, 'message')).toEqual([]);
  });
});

describe('y-webrtc internals (renderer/sync/internals/yWebrtc.ts)', () => {
  const g = globalThis as { WebSocket?: unknown };
  const hadWebSocket = 'WebSocket' in g;
  const before = g.WebSocket;
  afterEach(() => {
    if (hadWebSocket) g.WebSocket = before;
    else delete g.WebSocket;
  });

  it('signalingConns are lib0 WebsocketClients with the fields and the message listener the guard and the watch use', async () => {
    g.WebSocket = NodeWebSocket; // lib0 dials with the global WebSocket; nobody listens on this loopback port
    const { WebrtcProvider } = await import('y-webrtc');
    const doc = new Y.Doc();
    const provider = new WebrtcProvider(`contract-${Date.now()}`, doc, { signaling: ['ws://127.0.0.1:9/contract'], password: 'contract-test-password-0123', filterBcConns: false });
    try {
      const conns = signalingConnsOf(provider);
      expect(Array.isArray(conns), changed('y-webrtc WebrtcProvider.signalingConns')).toBe(true);
      expect(conns.length).toBe(1);
      const c = conns[0]!;
      for (const field of ['url', 'ws', 'connected', 'connecting', 'lastMessageReceived', 'unsuccessfulReconnects', 'shouldConnect', 'providers'] as const) {
        expect(field in c, changed(`lib0 WebsocketClient / y-webrtc SignalingConn.${field}`)).toBe(true);
      }
      for (const method of ['send', 'connect', 'on', 'off'] as const) expect(typeof c[method], changed(`lib0 WebsocketClient.${method}`)).toBe('function');
      expect(c.url).toBe('ws://127.0.0.1:9/contract');
      // y-webrtc registers its own 'message' listener when it creates the connection.
      expect(listenersOf(c, 'message').length, changed("y-webrtc SignalingConn's own 'message' listener")).toBeGreaterThanOrEqual(1);
      await provider.key;
      expect(provider.room?.webrtcConns instanceof Map, changed('y-webrtc Room.webrtcConns')).toBe(true);
      expect(typeof provider.room?.peerId, changed('y-webrtc Room.peerId')).toBe('string');
    } finally {
      provider.destroy();
      doc.destroy();
    }
  });
});

/** A stand-in for the browser's WebRTC, given to simple-peer through its public `wrtc` option. */
function fakeWrtc() {
  const channel = Object.assign(new EventTarget(), { bufferedAmount: 0, binaryType: 'blob', readyState: 'connecting', label: 'x', bufferedAmountLowThreshold: 0, close: () => {}, send: () => {} });
  class RTCPeerConnection {
    createDataChannel = () => channel;
    createOffer = () => new Promise(() => {});
    close = () => {};
    getStats = () => Promise.resolve(new Map());
  }
  return { channel, wrtc: { RTCPeerConnection, RTCSessionDescription: class {}, RTCIceCandidate: class {} } };
}

describe('simple-peer internals (renderer/sync/internals/simplePeer.ts), the bundle y-webrtc loads', () => {
  it('_channel is the data channel; bufferSize reads it; data listeners can be put behind ours; signal can be wrapped', () => {
    const { channel, wrtc } = fakeWrtc();
    const peer = peerOf(new Peer({ initiator: true, wrtc, trickle: true }));
    try {
      expect(peer._channel, changed('simple-peer Peer._channel')).toBe(channel);
      channel.bufferedAmount = 1234;
      expect(bufferedBytes(peer), changed('simple-peer Peer.bufferSize')).toBe(1234);
      let drained = 0;
      onBufferDrained(peer, () => drained++);
      channel.dispatchEvent(new Event('bufferedamountlow'));
      expect(drained, changed("simple-peer Peer._channel ('bufferedamountlow')")).toBe(1);

      const seenByTheirs: unknown[] = [];
      peer.on('data', ((d: unknown) => seenByTheirs.push(d)) as never);
      const seenByMine: unknown[] = [];
      interceptData(peer, (data, theirs) => {
        seenByMine.push(data);
        if ((data as Uint8Array)[0] === 1) theirs(data);
      });
      expect(peer.listeners('data').length, changed('simple-peer EventEmitter listeners/removeListener')).toBe(1);
      (peer as unknown as { emit: (e: string, d: unknown) => void }).emit('data', new Uint8Array([1]));
      (peer as unknown as { emit: (e: string, d: unknown) => void }).emit('data', new Uint8Array([2]));
      expect(seenByMine).toHaveLength(2);
      expect(seenByTheirs).toEqual([new Uint8Array([1])]);

      let signals = 0;
      onSignalIn(peer, () => signals++);
      try {
        peer.signal({ candidate: { candidate: '', sdpMid: '0', sdpMLineIndex: 0 } });
      } catch {
        /* the stand-in cannot apply it; we only check our wrapper saw it */
      }
      expect(signals).toBe(1);
    } finally {
      (peer as unknown as { destroy: () => void }).destroy();
    }
  });
});
