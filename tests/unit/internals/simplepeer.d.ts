/** The bundle y-webrtc imports (simple-peer ships no typings); the contract test checks its shape. */
declare module 'simple-peer/simplepeer.min.js' {
  const Peer: new (opts: { initiator?: boolean; trickle?: boolean; wrtc?: unknown }) => unknown;
  export default Peer;
}
