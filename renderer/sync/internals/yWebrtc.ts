import type { WebrtcConn, WebrtcProvider } from 'y-webrtc';
import type { SignalingConnLike } from '../signalingWatch';
import { peerOf, type SimplePeerLike } from './simplePeer';

/**
 * The reaches into y-webrtc (pinned to an exact version in package.json; checked by
 * tests/unit/internals/contract.test.ts). y-webrtc's typings give `signalingConns` as `any[]`:
 * this is the one place that says what we use of them (lib0 WebsocketClient instances shared by
 * every provider of the page, see signalingWatch.ts for why we redial them ourselves).
 */
export function signalingConnsOf(provider: WebrtcProvider): SignalingConnLike[] {
  return (provider as unknown as { signalingConns: SignalingConnLike[] }).signalingConns;
}

/** The simple-peer instance behind a y-webrtc connection. */
export function peerOfConn(conn: WebrtcConn): SimplePeerLike {
  return peerOf(conn.peer);
}
