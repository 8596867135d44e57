/**
 * The reach into lib0's Observable (the base of y-webrtc's signaling connections, a lib0
 * WebsocketClient; pinned to an exact version in package.json; checked by
 * tests/unit/internals/contract.test.ts): the listeners registered for an event, kept in the
 * private `_observers` map. We need them to put the signaling guard in front of y-webrtc's own
 * 'message' listener, which y-webrtc registers when it creates the connection — lib0 offers no
 * way to list listeners or to add one first.
 */
type Listener = (...args: never[]) => void;

export function listenersOf(observable: object, event: string): Listener[] {
  const observers = (observable as { _observers?: Map<string, Set<Listener>> })._observers;
  return [...(observers?.get(event) ?? [])];
}
