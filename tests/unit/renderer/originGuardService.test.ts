import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { isGuarded } from '../../../shared/doc/originGuard';
import { installOriginGuard } from '../../../renderer/app/originGuardService';
import { useCurrentWorkspace } from '../../../renderer/workspace/useWorkspace';
import type { OpenWorkspace } from '../../../renderer/workspace/workspaceService';

const opened = (doc: Y.Doc) => ({ id: 'w', doc, close: () => {} }) as unknown as OpenWorkspace;

describe('development origin guard on the open workspace', () => {
  afterEach(() => useCurrentWorkspace.setState({ current: null }));

  it('guards each workspace document while it is open, and only in development', () => {
    const first = new Y.Doc();
    const second = new Y.Doc();
    const stop = installOriginGuard(true);
    useCurrentWorkspace.setState({ current: opened(first) });
    expect(isGuarded(first)).toBe(true);
    useCurrentWorkspace.setState({ current: opened(second) });
    expect(isGuarded(first)).toBe(false);
    expect(isGuarded(second)).toBe(true);
    stop();
    expect(isGuarded(second)).toBe(false);

    const off = installOriginGuard(false);
    const third = new Y.Doc();
    useCurrentWorkspace.setState({ current: opened(third) });
    expect(isGuarded(third)).toBe(false);
    off();
  });
});
