/**
 * The reaches into simple-peer (y-webrtc's WebRTC wrapper; pinned through y-webrtc's exact
 * version; checked by tests/unit/internals/contract.test.ts with simple-peer's own `wrtc` option
 * and a fake RTCPeerConnection):
 * - taking its 'data' listeners (y-webrtc's) to put ours in front: our sync frames share the data
 *   channel and must not reach y-webrtc's decoder (public EventEmitter API: `listeners`,
 *   `removeListener`);
 * - wrapping `signal` to learn when an initiator got its answer (no event for that);
 * - its data channel `_channel` (private) for 'bufferedamountlow': simple-peer emits no event when
 *   its send buffer drains, which our flow control waits for.
 */
export interface SimplePeerLike {
  connected: boolean;
  initiator: boolean;
  bufferSize?: number;
  _channel?: RTCDataChannel | null;
  send(data: Uint8Array): void;
  signal(data: unknown): void;
  on(event: string, listener: (...args: never[]) => void): void;
  once(event: string, listener: (...args: never[]) => void): void;
  listeners(event: string): Array<(...args: unknown[]) => void>;
  removeListener(event: string, listener: (...args: never[]) => void): void;
}

export function peerOf(peer: unknown): SimplePeerLike {
  return peer as SimplePeerLike;
}

/**
 * Puts `mine` in front of the peer's current 'data' listeners: `mine` gets every message and
 * decides; `theirs(data)` passes one on to the listeners that were there (a throwing one is
 * contained: a malformed y-webrtc message must not break the channel).
 */
export function interceptData(peer: SimplePeerLike, mine: (data: Uint8Array | ArrayBuffer, theirs: (data: unknown) => void) => void): void {
  const listeners = peer.listeners('data').slice();
  const theirs = (data: unknown) => {
    for (const l of listeners) {
      try {
        l.call(peer, data);
      } catch {
        /* contained */
      }
    }
  };
  peer.on('data', ((data: Uint8Array | ArrayBuffer) => mine(data, theirs)) as never);
  for (const l of listeners) peer.removeListener('data', l as never);
}

/** Calls `seen` whenever the peer is handed a signal (offer, answer, candidate) from the other side. */
export function onSignalIn(peer: SimplePeerLike, seen: () => void): void {
  const signal = peer.signal.bind(peer);
  peer.signal = (data: unknown) => {
    seen();
    signal(data);
  };
}

/** Bytes waiting in the peer's send buffer. */
export function bufferedBytes(peer: SimplePeerLike): number {
  return peer.bufferSize ?? 0;
}

/** Calls `drained` each time the data channel's send buffer falls below its low-water mark. */
export function onBufferDrained(peer: SimplePeerLike, drained: () => void): void {
  peer._channel?.addEventListener('bufferedamountlow', drained);
}
