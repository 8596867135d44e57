import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AllowHostsRequest, CrisisRoomApi } from '../../../shared/ipc';

// The renderer side of the Electron CSP: every configured host, from any screen, goes to main over
// the validated allowHosts route; a page whose CSP lacks an allowed host reloads after a join.

const calls: AllowHostsRequest[] = [];
let reloadNeeded = false;
const api = {
  allowHosts: async (request: AllowHostsRequest) => {
    calls.push(request);
    return { origins: [], declined: request.hosts.filter((h) => h.includes('10.66')).map((h) => new URL(h).origin.replace('http', 'ws')), invalid: [], reloadNeeded };
  },
} as unknown as CrisisRoomApi;

beforeAll(() => {
  vi.stubGlobal('window', { crisisRoom: api });
});
afterAll(() => vi.unstubAllGlobals());

describe('allowed hosts from the renderer (Electron)', () => {
  it('sends every workspace’s hosts and the extra signaling servers whenever they change, once per change', async () => {
    const { installHostAccess, syncAllowedHosts, useHostAccess, configuredHosts } = await import('../../../renderer/sync/hostAccess');
    const { useSyncSettings } = await import('../../../renderer/sync/syncSettings');
    const stop = installHostAccess();
    await syncAllowedHosts();
    expect(calls.map((c) => c.hosts)).toEqual([[]]);
    useSyncSettings.getState().setHosts('ws-1', ['ws://192.168.1.20:4444/signal']);
    useSyncSettings.getState().setExtraSignaling(['wss://signal.example.org/signal', 'ws://10.66.6.6:4444/signal']);
    useSyncSettings.getState().setHosts('ws-2', ['ws://192.168.1.20:4444/signal']);
    await syncAllowedHosts();
    expect(calls.at(-1)).toEqual({ hosts: ['ws://10.66.6.6:4444/signal', 'ws://192.168.1.20:4444/signal', 'wss://signal.example.org/signal'], language: expect.any(String) });
    expect(configuredHosts()).toEqual(calls.at(-1)!.hosts);
    // The same list is not sent again.
    const count = calls.length;
    useSyncSettings.getState().setHosts('ws-2', ['ws://192.168.1.20:4444/signal']);
    await syncAllowedHosts();
    expect(calls).toHaveLength(count);
    expect(useHostAccess.getState().declined).toEqual(['ws://10.66.6.6:4444']);
    stop();
  });

  it('reloads after a join only when main says the page’s CSP lacks a newly allowed host', async () => {
    const { reloadIfHostsNeedIt } = await import('../../../renderer/sync/hostAccess');
    const { useSyncSettings } = await import('../../../renderer/sync/syncSettings');
    const reload = vi.fn();
    useSyncSettings.getState().setHosts('ws-3', ['ws://192.168.1.77:4444/signal']);
    expect(await reloadIfHostsNeedIt(reload)).toBe(false);
    reloadNeeded = true;
    useSyncSettings.getState().setHosts('ws-4', ['ws://192.168.1.78:4444/signal']);
    expect(await reloadIfHostsNeedIt(reload)).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
