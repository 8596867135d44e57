/**
 * Start-up order (renderer/app/startup.ts, issue 14 bench P13): the workspace in the address is
 * opened the moment the vault unlocks, without waiting for React, and the sections' code is
 * loaded only once that first screen is done (or after a bounded wait).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { preloadWhenSettled, PRELOAD_WAIT_MS, startEarly } from '../../../renderer/app/startup';
import { useCurrentWorkspace } from '../../../renderer/workspace/useWorkspace';
import type { OpenWorkspace } from '../../../renderer/workspace/workspaceService';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('startEarly', () => {
  it('starts the vault at once and opens the addressed workspace when it unlocks, not before', async () => {
    const unlocked = deferred();
    const vault = { start: vi.fn(() => Promise.resolve()), whenUnlocked: () => unlocked.promise };
    const open = vi.fn(() => Promise.resolve());
    const done = startEarly(vault, open, () => 'ws-1');
    expect(vault.start).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(open).not.toHaveBeenCalled();
    unlocked.resolve();
    await done;
    expect(open).toHaveBeenCalledWith('ws-1');
  });

  it('opens nothing when the address names no workspace', async () => {
    const open = vi.fn(() => Promise.resolve());
    await startEarly({ start: () => Promise.resolve(), whenUnlocked: () => Promise.resolve() }, open, () => null);
    expect(open).not.toHaveBeenCalled();
  });
});

describe('preloadWhenSettled', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useCurrentWorkspace.setState({ current: null, loadingId: null, error: null });
  });
  afterEach(() => {
    vi.useRealTimers();
    useCurrentWorkspace.setState({ current: null, loadingId: null, error: null });
  });

  it('waits while the addressed workspace loads, then preloads once it is open', () => {
    const preload = vi.fn();
    useCurrentWorkspace.setState({ loadingId: 'ws-1' });
    preloadWhenSettled(preload, () => 'ws-1');
    vi.advanceTimersByTime(1000);
    expect(preload).not.toHaveBeenCalled();
    useCurrentWorkspace.setState({ loadingId: null, current: { id: 'ws-1' } as OpenWorkspace });
    vi.advanceTimersByTime(1);
    expect(preload).toHaveBeenCalledTimes(1);
    // Later changes to the open workspace do not load it again.
    useCurrentWorkspace.setState({ current: null });
    useCurrentWorkspace.setState({ current: { id: 'ws-2' } as OpenWorkspace });
    vi.advanceTimersByTime(PRELOAD_WAIT_MS * 2);
    expect(preload).toHaveBeenCalledTimes(1);
  });

  it('waits for the vault too: nothing is loading yet but a workspace is addressed', () => {
    const preload = vi.fn();
    preloadWhenSettled(preload, () => 'ws-1');
    vi.advanceTimersByTime(PRELOAD_WAIT_MS - 1);
    expect(preload).not.toHaveBeenCalled();
    // A vault waiting for its passphrase: the code loads after the bounded wait all the same.
    vi.advanceTimersByTime(2);
    expect(preload).toHaveBeenCalledTimes(1);
  });

  it('preloads at once (next idle moment) when no workspace is addressed, or when opening failed', () => {
    const a = vi.fn();
    preloadWhenSettled(a, () => null);
    vi.advanceTimersByTime(1);
    expect(a).toHaveBeenCalledTimes(1);
    const b = vi.fn();
    useCurrentWorkspace.setState({ loadingId: 'ws-1' });
    preloadWhenSettled(b, () => 'ws-1');
    useCurrentWorkspace.setState({ loadingId: null, error: 'errors.workspaceNotFound' });
    vi.advanceTimersByTime(1);
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('does nothing once cancelled (React unmounting the app)', () => {
    const preload = vi.fn();
    const cancel = preloadWhenSettled(preload, () => 'ws-1');
    cancel();
    useCurrentWorkspace.setState({ current: { id: 'ws-1' } as OpenWorkspace });
    vi.advanceTimersByTime(PRELOAD_WAIT_MS * 2);
    expect(preload).not.toHaveBeenCalled();
  });
});
