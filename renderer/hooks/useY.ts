import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * Subscribes a component to a Yjs type (deeply) and returns `read(type)`, recomputed only when
 * the type changes. `read` must return a fresh plain value (e.g. via toPlain) — never the live
 * Y type — so React sees a new snapshot after each change.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Yjs type (their event types differ)
export function useYSnapshot<T, Y0 extends Y.AbstractType<any>>(type: Y0 | null | undefined, read: (type: Y0) => T): T | undefined {
  const version = useRef(0);
  const cache = useRef<{ version: number; type: unknown; value: T | undefined }>({ version: -1, type: null, value: undefined });
  const readRef = useRef(read);
  readRef.current = read;

  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!type) return () => {};
      const handler = () => {
        version.current += 1;
        onChange();
      };
      type.observeDeep(handler);
      return () => type.unobserveDeep(handler);
    },
    [type],
  );

  const getSnapshot = useCallback(() => {
    const c = cache.current;
    if (c.version !== version.current || c.type !== type) {
      cache.current = { version: version.current, type, value: type ? readRef.current(type) : undefined };
    }
    return cache.current.value;
  }, [type]);

  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
