import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';

/**
 * What a laptop's page receives, recorded from before the app loads (restricted-room e2e):
 * every signaling WebSocket message (type and topic, and the topics it sent auth/subscribe
 * for) and every byte received on any WebRTC data channel. `rxFind(page, text)` says where, if
 * anywhere, `text` appears in clear in what the page received.
 */

export interface RxSummary {
  startedAt: number;
  wsIn: number;
  topicsIn: string[];
  topicsOut: string[];
  dcMessages: number;
  dcBytes: number;
}

declare global {
  interface Window {
    __rx?: {
      startedAt: number;
      wsIn: Array<{ type: string; topic: string; at: number }>;
      wsOut: Array<{ type: string; topics: string[]; at: number }>;
      wsText: string[];
      dc: Uint8Array[];
      dcBytes: number;
    };
  }
}

export async function installRecorder(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window.__rx) return;
    const rx = { startedAt: Date.now(), wsIn: [], wsOut: [], wsText: [], dc: [], dcBytes: 0 } as NonNullable<Window['__rx']>;
    window.__rx = rx;
    const Native = window.WebSocket;
    class Recorded extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', (ev: MessageEvent) => {
          const text = typeof ev.data === 'string' ? ev.data : '';
          rx.wsText.push(text);
          try {
            const m = JSON.parse(text) as { type?: unknown; topic?: unknown };
            rx.wsIn.push({ type: String(m.type ?? ''), topic: String(m.topic ?? ''), at: Date.now() });
          } catch {
            rx.wsIn.push({ type: '?', topic: '', at: Date.now() });
          }
        });
      }
      override send(data: string | ArrayBuffer | Blob | ArrayBufferView<ArrayBuffer>): void {
        if (typeof data === 'string') {
          try {
            const m = JSON.parse(data) as { type?: unknown; topic?: unknown; topics?: unknown };
            const topics = Array.isArray(m.topics) ? m.topics.map(String) : m.topic ? [String(m.topic)] : [];
            rx.wsOut.push({ type: String(m.type ?? ''), topics, at: Date.now() });
          } catch {
            /* not JSON */
          }
        }
        super.send(data);
      }
    }
    window.WebSocket = Recorded as typeof WebSocket;
    const hook = (ch: RTCDataChannel) =>
      ch.addEventListener('message', (ev: MessageEvent) => {
        const d = ev.data as unknown;
        const bytes = d instanceof ArrayBuffer ? new Uint8Array(d) : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : typeof d === 'string' ? new TextEncoder().encode(d) : null;
        if (!bytes) return;
        rx.dc.push(bytes.slice());
        rx.dcBytes += bytes.length;
      });
    const NativePc = window.RTCPeerConnection;
    class RecordedPc extends NativePc {
      constructor(config?: RTCConfiguration) {
        super(config);
        this.addEventListener('datachannel', (ev: RTCDataChannelEvent) => hook(ev.channel));
      }
      override createDataChannel(label: string, init?: RTCDataChannelInit): RTCDataChannel {
        const ch = super.createDataChannel(label, init);
        hook(ch);
        return ch;
      }
    }
    window.RTCPeerConnection = RecordedPc as typeof RTCPeerConnection;
  });
}

export function rxSummary(page: Page): Promise<RxSummary> {
  return page.evaluate(() => {
    const rx = window.__rx!;
    return {
      startedAt: rx.startedAt,
      wsIn: rx.wsIn.length,
      topicsIn: [...new Set(rx.wsIn.map((m) => m.topic).filter(Boolean))],
      topicsOut: [...new Set(rx.wsOut.flatMap((m) => m.topics))],
      dcMessages: rx.dc.length,
      dcBytes: rx.dcBytes,
    };
  });
}

/** Where `text` appears in clear in what the page received: 'dc' (a data-channel message), 'ws', or null. */
export function rxFind(page: Page, text: string): Promise<'dc' | 'ws' | null> {
  return page.evaluate((needle) => {
    const rx = window.__rx!;
    const n = new TextEncoder().encode(needle);
    const has = (hay: Uint8Array) => {
      outer: for (let i = 0; i + n.length <= hay.length; i++) {
        for (let j = 0; j < n.length; j++) if (hay[i + j] !== n[j]) continue outer;
        return true;
      }
      return false;
    };
    if (rx.dc.some(has)) return 'dc';
    if (rx.wsText.some((t) => t.includes(needle))) return 'ws';
    return null;
  }, text);
}

/**
 * Scans every IndexedDB database of the page, raw (as stored: encrypted where the vault
 * encrypts): records whose key, `id` or `k` is `id`, and values holding `marker` in clear.
 */
export function idbScan(page: Page, id: string, marker: string): Promise<{ rowsNamingId: string[]; markerIn: string[]; stores: number }> {
  return page.evaluate(
    async ([wanted, needle]) => {
      const n = new TextEncoder().encode(needle!);
      const hasBytes = (hay: Uint8Array) => {
        outer: for (let i = 0; i + n.length <= hay.length; i++) {
          for (let j = 0; j < n.length; j++) if (hay[i + j] !== n[j]) continue outer;
          return true;
        }
        return false;
      };
      const holds = (v: unknown, depth = 0): boolean => {
        if (depth > 8 || v === null || v === undefined) return false;
        if (typeof v === 'string') return v.includes(needle!);
        if (v instanceof ArrayBuffer) return hasBytes(new Uint8Array(v));
        if (ArrayBuffer.isView(v)) return hasBytes(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
        if (typeof v === 'object') return Object.values(v as Record<string, unknown>).some((x) => holds(x, depth + 1));
        return false;
      };
      const rowsNamingId: string[] = [];
      const markerIn: string[] = [];
      let stores = 0;
      for (const info of await indexedDB.databases()) {
        if (!info.name) continue;
        const db = await new Promise<IDBDatabase>((res, rej) => {
          const r = indexedDB.open(info.name!);
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        for (const store of [...db.objectStoreNames]) {
          stores++;
          const [keys, values] = await new Promise<[IDBValidKey[], unknown[]]>((res, rej) => {
            const tx = db.transaction(store, 'readonly');
            const s = tx.objectStore(store);
            const k = s.getAllKeys();
            const v = s.getAll();
            tx.oncomplete = () => res([k.result, v.result]);
            tx.onerror = () => rej(tx.error);
          });
          keys.forEach((key, i) => {
            const v = values[i] as Record<string, unknown> | null;
            if (key === wanted || v?.id === wanted || v?.k === wanted) rowsNamingId.push(`${info.name}/${store}`);
            if (holds(v)) markerIn.push(`${info.name}/${store}`);
          });
        }
        db.close();
      }
      return { rowsNamingId, markerIn, stores };
    },
    [id, marker] as const,
  );
}

/** What a laptop shows of the roster, the join requests and its links (for a failure message). */
export async function seen(page: Page): Promise<string> {
  const texts = async (id: string) => (await page.getByTestId(id).allTextContents().catch(() => [])).map((t) => t.trim().slice(0, 60));
  const state = await page.getByTestId('sync-indicator').getAttribute('data-state', { timeout: 1000 }).catch(() => '?');
  const pass = await page.evaluate(() => window.__crisisRoomGovernanceTest?.admissionPass() ?? null).catch(() => null);
  const requests = (await page.getByTestId('join-request').allTextContents().catch(() => [])).map((t) => t.trim());
  return `url ${page.url().replace(/^.*#/, '#')}, sync ${state}, members ${JSON.stringify(await texts('member-name'))}, join requests ${JSON.stringify(requests)}, last admission pass ${JSON.stringify(pass && { ...pass, ago: Date.now() - pass.at })}, load ${loadavg()[0]!.toFixed(1)}`;
}
