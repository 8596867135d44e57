import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { WebSocket } from 'ws';
import { createLanHostService, lanAddresses, SERVICE_TYPE, type BonjourLike, type DiscoveredLike } from '../../../electron/host/lan';

/** An in-memory mDNS: records what is published and lets the test announce services. */
function fakeBonjour() {
  const published: Array<{ name: string; type: string; port: number; txt: Record<string, string> }> = [];
  const browsers: EventEmitter[] = [];
  let destroyed = false;
  const bonjour: BonjourLike = {
    publish: (config) => {
      published.push(config);
      return { stop: () => {}, on: () => undefined };
    },
    find: (config) => {
      expect(config.type).toBe(SERVICE_TYPE);
      const b = new EventEmitter();
      browsers.push(b);
      return { on: (e, l) => b.on(e, l), stop: () => b.removeAllListeners() };
    },
    unpublishAll: (cb) => {
      published.length = 0;
      cb?.();
    },
    destroy: (cb) => {
      destroyed = true;
      cb?.();
    },
  };
  return {
    bonjour,
    published,
    announce: (svc: DiscoveredLike) => browsers.forEach((b) => b.emit('up', svc)),
    goodbye: (svc: DiscoveredLike) => browsers.forEach((b) => b.emit('down', svc)),
    get destroyed() {
      return destroyed;
    },
  };
}

const IFACES = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
  eth0: [
    { address: '192.168.7.20', family: 'IPv4', internal: false },
    { address: 'fe80::1', family: 'IPv6', internal: false },
  ],
  wlan0: [{ address: '169.254.3.3', family: 'IPv4', internal: false }],
} as unknown as NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]>;

describe('LAN host', () => {
  it('lists LAN IPv4 addresses only', () => {
    expect(lanAddresses(IFACES)).toEqual(['192.168.7.20']);
  });

  it('hosts a working signaling server and advertises it under a random name (tests/unit/sync/lanAdvertise.test.ts: nothing personal)', async () => {
    const mdns = fakeBonjour();
    const lan = createLanHostService({ appVersion: '0.1.0', instanceName: 'crisis-room-0a1b2c3d', bonjour: async () => mdns.bonjour, networkInterfaces: () => IFACES });
    try {
      const st = await lan.start({ port: 0, advertise: true, name: 'Mei (PR)' });
      expect(st).toMatchObject({ running: true, advertised: true, name: 'crisis-room-0a1b2c3d' });
      expect(st.urls).toEqual([`ws://192.168.7.20:${st.port}/signal`]);
      expect(mdns.published).toEqual([{ name: 'crisis-room-0a1b2c3d', type: 'crisisroom', port: st.port, host: 'crisis-room-0a1b2c3d.local', txt: { proto: '1' }, disableIPv6: true }]);
      // The server really answers y-webrtc's protocol on /signal.
      const ws = new WebSocket(`ws://127.0.0.1:${st.port}/signal`);
      const pong = await new Promise<string>((resolve, reject) => {
        ws.on('open', () => ws.send(JSON.stringify({ type: 'ping' })));
        // (the host's first message is its challenge: rooms need a proof of their key)
        ws.on('message', (d) => (String(d).includes('"pong"') ? resolve(d.toString()) : undefined));
        ws.on('error', reject);
      });
      expect(JSON.parse(pong)).toEqual({ type: 'pong' });
      expect((await lan.status()).connections).toBe(1);
      ws.close();
      const stopped = await lan.stop();
      expect(stopped.running).toBe(false);
      expect(mdns.published).toEqual([]);
    } finally {
      await lan.dispose();
    }
    expect(mdns.destroyed).toBe(true);
  });

  it('lists hosts colleagues advertise, without our own, and forgets those that leave', async () => {
    const mdns = fakeBonjour();
    let clock = 1000;
    const lan = createLanHostService({ appVersion: '0.1.0', bonjour: async () => mdns.bonjour, networkInterfaces: () => IFACES, now: () => clock, nearbyTtlMs: 60_000 });
    try {
      expect(await lan.nearby()).toEqual([]);
      const st = await lan.start({ port: 0, advertise: true });
      const ana = { name: 'Ana', port: 4444, addresses: ['192.168.7.31', 'fe80::9'] };
      mdns.announce(ana);
      mdns.announce({ name: 'me', port: st.port!, addresses: ['192.168.7.20'] });
      mdns.announce({ name: 'bogus', port: 70000, addresses: ['192.168.7.40'] });
      expect(await lan.nearby()).toEqual([{ name: 'Ana', url: 'ws://192.168.7.31:4444/signal', seenAt: 1000 }]);
      mdns.goodbye(ana);
      expect(await lan.nearby()).toEqual([]);
      mdns.announce({ name: 'Bo', port: 5000, addresses: ['192.168.7.32'] });
      clock += 61_000;
      expect(await lan.nearby()).toEqual([]);
    } finally {
      await lan.dispose();
    }
  });

  it('reports a port that is taken instead of failing silently', async () => {
    const mdns = fakeBonjour();
    const a = createLanHostService({ appVersion: '0.1.0', bonjour: async () => mdns.bonjour, networkInterfaces: () => IFACES });
    const b = createLanHostService({ appVersion: '0.1.0', bonjour: async () => mdns.bonjour, networkInterfaces: () => IFACES });
    try {
      const st = await a.start({ port: 0, advertise: false });
      const clash = await b.start({ port: st.port!, advertise: false });
      expect(clash.running).toBe(false);
      expect(clash.error).toMatch(/EADDRINUSE/);
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });
});
