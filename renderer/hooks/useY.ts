import { useMemo, useRef, useSyncExternalStore } from 'react';
import * as Y from 'yjs';

/**
 * The one way React components follow Yjs data. `yStore` is a small external store over a Y type:
 * it listens deeply (`observeDeep`: the type and everything nested in it) or shallowly (`observe`:
 * the type's own keys or items), counts changes, and reads `read(type)` at most once per change —
 * between changes `getSnapshot` returns the same value, so React renders a component again only
 * after a change it listens to (one render per Yjs transaction, however many items it touched).
 *
 * - `useY(type, read, mode)`: the value `read` derives (a fresh plain value, never the live type).
 * - `useYSnapshot(type, read)`: `useY` with deep listening (what most panels want).
 * - `useYVersion(type, mode)`: a number that changes with each change (to key memos).
 * - `useYRoots(doc, roots, read)`: `read(doc)` after a change of any of several roots (e.g. the
 *   responsibility map: units, people, crisis types, RACI).
 * tests/unit/renderer/useY.test.ts counts notifications and snapshot identities.
 *
 * The store is made once per type: `read` may use other values (an id from the address), but a
 * new one is read only after the next change. A component whose `read` uses a prop that can change
 * is rendered with that prop as its React `key` (IncidentRoom, ProjectorView, the drill badge).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Yjs type (their event types differ)
export type AnyYType = Y.AbstractType<any>;
export type YListen = 'deep' | 'shallow';

export interface YStore<T> {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): T;
  /** How many changes were seen so far. */
  version(): number;
}

/** Which of a transaction's events concern a store (checked per event: never a walk over the type's content). */
export type YRelevant = (events: ReadonlyArray<Y.YEvent<AnyYType>>) => boolean;

/**
 * A peer's changes (origin 'remote') reach React in a task of their own, at most one every
 * REMOTE_NOTIFY_MS while they keep coming: React reads a store's snapshot inside its change
 * callback, so notifying from the observer made every batch a joining laptop applies also re-read
 * and re-render every list it touched, in the same task (issue 14, bench P15: 140–320 ms tasks
 * at 100×). A lone change still shows in the next task. Local edits notify at once: a controlled
 * input must see its own write before the browser paints, or the caret jumps.
 */
export const REMOTE_NOTIFY_MS = 100;
const deferred = new Set<() => void>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;
let lastFlush = -Infinity;

function flushDeferred(): void {
  flushTimer = null;
  lastFlush = performance.now();
  const due = [...deferred];
  deferred.clear();
  for (const notify of due) notify();
}

function notifyLater(notify: () => void): void {
  deferred.add(notify);
  flushTimer ??= setTimeout(flushDeferred, Math.max(0, lastFlush + REMOTE_NOTIFY_MS - performance.now()));
}

const fromPeer = (events: ReadonlyArray<Y.YEvent<AnyYType>>) => events[0]?.transaction.origin === 'remote';

export function yStore<T, Y0 extends AnyYType>(type: Y0 | null | undefined, read: (type: Y0) => T, listen: YListen = 'deep', also: readonly AnyYType[] = [], relevant?: YRelevant): YStore<T | undefined> {
  let version = 0;
  let cached: { version: number; value: T | undefined } | null = null;
  return {
    subscribe(onChange) {
      if (!type) return () => {};
      const handler = (events: Y.YEvent<AnyYType> | Array<Y.YEvent<AnyYType>>) => {
        const list = Array.isArray(events) ? events : [events];
        if (relevant && !relevant(list)) return;
        version++;
        if (fromPeer(list)) notifyLater(onChange);
        else onChange();
      };
      // `also`: more roots read by `read`, always listened to deeply.
      for (const t of also) t.observeDeep(handler);
      const stopAlso = () => (also.forEach((t) => t.unobserveDeep(handler)), deferred.delete(onChange));
      if (listen === 'deep') {
        type.observeDeep(handler);
        return () => (type.unobserveDeep(handler), stopAlso());
      }
      type.observe(handler);
      return () => (type.unobserve(handler), stopAlso());
    },
    getSnapshot() {
      if (!cached || cached.version !== version) cached = { version, value: type ? read(type) : undefined };
      return cached.value;
    },
    version: () => version,
  };
}

/** `read(type)`, read again only after a change of `type` (deep: anything nested; shallow: its own keys). */
export function useY<T, Y0 extends AnyYType>(type: Y0 | null | undefined, read: (type: Y0) => T, listen: YListen = 'deep'): T | undefined {
  const readRef = useRef(read);
  readRef.current = read;
  const store = useMemo(() => yStore(type, (t: Y0) => readRef.current(t), listen), [type, listen]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/**
 * Relevant when the collection's own keys changed (a record added or removed) or one of `fields`
 * of a record directly in it — not when anything else nested in a record did (typing in a
 * statement's body), so a list over a big collection does not re-read it on every keystroke.
 */
export function recordFieldsChanged(coll: AnyYType, fields: readonly string[]): YRelevant {
  return (events) =>
    events.some((e) => e.target === coll || (e.target.parent === coll && e.target instanceof Y.Map && fields.some((f) => (e as Y.YMapEvent<unknown>).keysChanged.has(f))));
}

/** `read(coll)`, read again only after records were added or removed or one of their `fields` changed (see recordFieldsChanged). */
export function useYRecordFields<T>(coll: Y.Map<Y.Map<unknown>> | null | undefined, fields: readonly string[], read: (coll: Y.Map<Y.Map<unknown>>) => T): T | undefined {
  const readRef = useRef(read);
  readRef.current = read;
  const key = fields.join('\u0000');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the field names
  const store = useMemo(() => yStore(coll, (c: Y.Map<Y.Map<unknown>>) => readRef.current(c), 'deep', [], coll ? recordFieldsChanged(coll, fields) : undefined), [coll, key]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/** `useY` listening deeply. */
export function useYSnapshot<T, Y0 extends AnyYType>(type: Y0 | null | undefined, read: (type: Y0) => T): T | undefined {
  return useY(type, read, 'deep');
}

/** A number that changes whenever `type` changes (deeply by default). */
export function useYVersion(type: AnyYType | null | undefined, listen: YListen = 'deep'): number {
  const store = useMemo(() => yStore(type, () => 0, listen), [type, listen]);
  return useSyncExternalStore(store.subscribe, store.version, store.version);
}

/** `read(doc)`, read again after a change of any of `roots(doc)` (deeply); undefined without a doc. */
export function useYRoots<T>(doc: Y.Doc | null, roots: (doc: Y.Doc) => readonly AnyYType[], read: (doc: Y.Doc) => T): T | undefined {
  const readRef = useRef(read);
  readRef.current = read;
  const rootsRef = useRef(roots);
  rootsRef.current = roots;
  const store = useMemo(() => {
    const [first, ...rest] = doc ? rootsRef.current(doc) : [];
    return yStore(first, () => readRef.current(doc!), 'deep', rest);
  }, [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
