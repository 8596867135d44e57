/**
 * Sync lab: a bare page that runs the product's sync stack (renderer/sync + shared/sync) or raw
 * y-webrtc on a workspace document, driven by the namespace e2e test and the P3–P5 benchmarks
 * through `window.lab`. Built with tests/e2e/netns/lab.vite.config.ts (never part of the app).
 */
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import { startSync, type SyncHandle } from '../../../../renderer/sync/syncService';
import { write } from '../../../../shared/doc/origins';
import { collectionOf } from '../../../../shared/doc/workspaceDoc';
import { addRecord, listRecords, removeRecord, setField, type YCollection, recordId } from '../../../../shared/doc/collection';
import { roomNameFor } from '../../../../shared/sync/room';
import { hashBytes } from '../../../../shared/sync/docState';
import { parseFrame } from '../../../../shared/sync/frames';

interface StartOptions {
  workspaceId: string;
  roomKey: string;
  signaling: string[];
  mode: 'crisis' | 'raw';
  name: string;
}

let doc = new Y.Doc();
let handle: SyncHandle | null = null;
let raw: WebrtcProvider | null = null;
const seen = new Map<string, number>();
const errors: string[] = [];
window.addEventListener('error', (e) => errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(`rejection: ${String((e.reason as Error)?.name ?? e.reason)}`));

const now = () => performance.timeOrigin + performance.now();

/** Transitions of signaling / peer count / online, for diagnosing reconnect timing. */
const trace: Array<{ at: number; what: string }> = [];
const relaySizes: Array<{ to: string; len: number; at: number; id: number; count: number }> = [];
let lastTrace = '';
let tracing = false;
setInterval(() => {
  if (!tracing) return;
  const routes = handle ? Object.values(handle.transport.routes()).join(',') : '';
  const cur = `sig=${lab.signalingUp()} peers=${lab.peers()} routes=${routes} records=${types().size} relay=${JSON.stringify(handle?.transport.relay?.counts)} diffs=${handle?.session.stats.diffsSent} applied=${handle?.session.stats.updatesApplied}`;
  if (cur !== lastTrace) {
    trace.push({ at: Math.round(now()), what: cur });
    lastTrace = cur;
  }
}, 20);
window.addEventListener('online', () => trace.push({ at: Math.round(now()), what: 'online event' }));
window.addEventListener('offline', () => trace.push({ at: Math.round(now()), what: 'offline event' }));
const types = () => collectionOf(doc, 'crisisTypes');

let lastChangeAt = 0;
function watch(): void {
  doc.on('update', () => {
    lastChangeAt = now();
  });
  types().observe(() => {
    const t = now();
    for (const key of types().keys()) if (!seen.has(key)) seen.set(key, t);
  });
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const lab = {
  async start(o: StartOptions): Promise<void> {
    await lab.stop();
    doc = new Y.Doc();
    seen.clear();
    watch();
    if (o.mode === 'crisis') {
      handle = startSync({ workspaceId: o.workspaceId, doc, signaling: o.signaling, iceServers: [], user: { name: o.name, color: '#0369a1' }, publish: false, password: o.roomKey });
      const provider = handle.transport.provider;
      const hookedConns = new WeakSet<object>();
      provider.on('peers', (e: { added: string[]; removed: string[] }) => {
        trace.push({ at: Math.round(now()), what: `y-peers +${e.added.map((x) => x.slice(0, 4))} -${e.removed.map((x) => x.slice(0, 4))}` });
        for (const [id, conn] of provider.room?.webrtcConns ?? []) {
          if (hookedConns.has(conn)) continue;
          hookedConns.add(conn);
          for (const ev of ['connect', 'close', 'error', 'iceStateChange', 'signal']) {
            conn.peer.on(ev, (a: unknown) => trace.push({ at: Math.round(now()), what: `${id.slice(0, 4)} ${ev} ${ev === 'signal' ? (a as { type?: string }).type ?? 'cand' : String(a ?? '')}` }));
          }
        }
      });
      const relay = handle.transport.relay;
      if (relay) {
        const send = relay.send.bind(relay);
        relay.send = (to: string, frame: Uint8Array) => {
          if (relaySizes.length > 5000) relaySizes.shift();
          const f = parseFrame(frame);
          relaySizes.push({ to: to.slice(0, 4), len: frame.length, at: Math.round(now()), id: f?.msgId ?? -1, count: f?.count ?? -1 });
          send(to, frame);
        };
      }
      handle.session.onPeerLeft((id, reason) => trace.push({ at: Math.round(now()), what: `session drop ${id.slice(0, 4)} ${reason}` }));
    } else {
      raw = new WebrtcProvider(roomNameFor(o.workspaceId) + '/raw', doc, { signaling: o.signaling, password: o.roomKey, filterBcConns: false, peerOpts: { config: { iceServers: [] } } });
    }
  },
  async stop(): Promise<void> {
    await handle?.stop();
    handle = null;
    if (raw) {
      const key = raw.key;
      raw.destroy();
      await key;
      await new Promise((r) => setTimeout(r, 0));
      raw = null;
    }
  },
  /** Peers with an open data channel. */
  peers(): number {
    if (handle) return handle.session.status().peers.filter((p) => p.connected).length;
    if (raw?.room) return [...raw.room.webrtcConns.values()].filter((c) => c.connected).length;
    return 0;
  },
  /** Our y-webrtc peer id (how the others know us). */
  selfId(): string | null {
    return handle?.transport.provider.room?.peerId ?? raw?.room?.peerId ?? null;
  },
  /** Ids of connected peers and how each is reached. */
  links(): Record<string, 'rtc' | 'relay'> {
    return handle ? handle.transport.routes() : {};
  },
  signalingUp(): boolean {
    return handle ? handle.transport.signalingUp : false;
  },
  /** Adds `n` crisis types with ids `${prefix}-${i}` (one transaction each); returns the send time of the last. */
  add(prefix: string, n = 1, bytes = 0): number {
    let t = 0;
    const filler = bytes > 0 ? 'x'.repeat(bytes) : '';
    for (let i = 0; i < n; i++) {
      t = now();
      addRecord(types(), { id: `${prefix}-${i}`, name: `${prefix} ${i}`, description: filler, steps: [] }, 'user');
    }
    return t;
  },
  /** Mixed edits on existing records (rename, remove) to exercise more than inserts. */
  churn(prefix: string, n: number): void {
    const recs = listRecords(types() as YCollection);
    for (let i = 0; i < n && recs.length > 0; i++) {
      const r = recs[(i * 7) % recs.length]!;
      if (i % 5 === 4) removeRecord(types(), recordId(r), 'user');
      else setField(r, 'name', `${prefix}-${i}`, 'user');
    }
  },
  /** Inserts text of `chars` characters in one transaction (a large paste). */
  paste(chars: number): void {
    const unit = '危機處理小組 crisis team ';
    write(doc, 'user', () => doc.getText('lab.paste').insert(0, unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars)));
  },
  /** When record `id` first appeared here (epoch ms, high resolution), or null. */
  seenAt(id: string): number | null {
    return seen.get(id) ?? null;
  },
  has(ids: string[]): boolean {
    return ids.every((id) => types().has(id));
  },
  /** Fingerprint of the whole document (content + state vector). */
  digest(): { content: string; sv: string; records: number; bytes: number } {
    const content = canonical([types().toJSON(), doc.getText('lab.paste').toString()]);
    return { content: hashBytes(new TextEncoder().encode(content)), sv: hashBytes(Y.encodeStateVector(doc)), records: types().size, bytes: Y.encodeStateAsUpdate(doc).length };
  },
  /** Cheap fingerprint (state vector + record count), for polling large documents. */
  quick(): { sv: string; records: number } {
    return { sv: hashBytes(Y.encodeStateVector(doc)), records: types().size };
  },
  status() {
    return handle?.session.status() ?? null;
  },
  stats() {
    return { ...(handle?.session.stats ?? {}), redials: handle?.transport.redials ?? 0, relay: handle?.transport.relay?.counts, relayStarts: handle?.transport.relayStarts, routes: handle?.transport.routes(), errors: errors.slice(-20) };
  },
  now,
  /** When the document last changed (epoch ms). */
  lastChangeAt: () => lastChangeAt,
  trace: () => trace.slice(-60),
  relaySizes: () => relaySizes.slice(),
  /** Records signaling/peer transitions every 20 ms (diagnostics; costs CPU, so off by default). */
  enableTrace: () => {
    tracing = true;
  },
  peerId: () => handle?.transport.provider.room?.peerId.slice(0, 4),
};

declare global {
  interface Window {
    lab: typeof lab;
  }
}
window.lab = lab;
document.getElementById('state')!.textContent = 'ready';
