import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { Service } from 'bonjour-service/dist/lib/service.js';
import { advertisementFor, createLanHostService, SERVICE_TYPE, type Advertisement, type BonjourLike } from '../../../electron/host/lan';

// What the LAN host announces over mDNS: captured from an injected responder, then turned into
// the DNS records bonjour-service itself would send (its Service class, no network), so the test
// sees every name, host name and TXT value that would leave this machine.

function capturingBonjour() {
  const published: Advertisement[] = [];
  const bonjour: BonjourLike = {
    publish: (config) => {
      published.push(config);
      return { stop: () => {}, on: () => undefined };
    },
    find: () => ({ on: () => undefined, stop: () => {} }),
    unpublishAll: (cb) => cb?.(),
    destroy: (cb) => cb?.(),
  };
  return { bonjour, published };
}

const fakeSignaling = async () => ({ port: 4444, close: async () => {}, connections: () => 0 });
const IFACES = { eth0: [{ address: '192.168.7.20', family: 'IPv4', internal: false }] } as unknown as NodeJS.Dict<os.NetworkInterfaceInfo[]>;

describe('what the LAN host advertises', () => {
  it('a random per-run instance name, the port and the protocol version: no member name, no computer name, no app version', async () => {
    const mdns = capturingBonjour();
    const lan = createLanHostService({ appVersion: '7.7.7-secret', bonjour: async () => mdns.bonjour, startSignaling: fakeSignaling, networkInterfaces: () => IFACES });
    try {
      // The renderer of an older build still sends the member's name: it must not be advertised.
      const status = await lan.start({ advertise: true, name: 'Mei Lin (PR agency)' });
      expect(mdns.published).toHaveLength(1);
      const ad = mdns.published[0]!;
      expect(ad.name).toMatch(/^crisis-room-[0-9a-f]{8}$/);
      expect(ad).toEqual(advertisementFor(ad.name, 4444));
      expect(ad).toEqual({ name: ad.name, type: SERVICE_TYPE, port: 4444, host: `${ad.name}.local`, txt: { proto: '1' }, disableIPv6: true });
      expect(status.name).toBe(ad.name);

      // The records bonjour-service would put on the wire for exactly this config.
      const records = new Service(ad, () => {}, () => {}).records();
      const wire = JSON.stringify(records);
      for (const personal of ['Mei', 'PR agency', os.hostname(), '7.7.7-secret']) expect(wire, personal).not.toContain(personal);
      expect(records.filter((r) => r.type === 'AAAA')).toEqual([]);
      for (const r of records.filter((r) => r.type === 'A')) expect(r.name).toBe(`${ad.name}.local`);
      expect(records.find((r) => r.type === 'SRV')?.data).toEqual({ port: 4444, target: `${ad.name}.local` });
    } finally {
      await lan.dispose();
    }
  });

  it('a new name each run, the same one while the app runs', async () => {
    const names: string[] = [];
    for (let run = 0; run < 2; run++) {
      const mdns = capturingBonjour();
      const lan = createLanHostService({ appVersion: '1', bonjour: async () => mdns.bonjour, startSignaling: fakeSignaling, networkInterfaces: () => IFACES });
      await lan.start({ advertise: true });
      await lan.stop();
      await lan.start({ advertise: true });
      expect(mdns.published[0]!.name).toBe(mdns.published[1]!.name);
      names.push(mdns.published[0]!.name);
      await lan.dispose();
    }
    expect(names[0]).not.toBe(names[1]);
  });
});
