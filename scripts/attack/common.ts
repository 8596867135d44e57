/**
 * Shared by the attack suite's processes: a WebSocket client of the signaling host that can
 * prove a room key, and the room's AES key as y-webrtc derives it.
 */
import { WebSocket } from 'ws';
import { authFor, type RoomCredential } from '../../shared/sync/roomAuth';

export const PORT = 4444;

export interface Client {
  ws: WebSocket;
  got: unknown[];
  closed: Promise<number>;
  next(pred: (m: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  send(m: unknown): void;
  auth(cred: RoomCredential, timeoutMs?: number): Promise<void>;
}

export const isType = (t: string) => (m: unknown) => (m as { type?: string } | null)?.type === t;

/** Opens a client; rejects on a refused upgrade or after `timeoutMs`. */
export function open(url: string, opts: { localAddress?: string; timeoutMs?: number; record?: boolean } = {}): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { localAddress: opts.localAddress, handshakeTimeout: opts.timeoutMs ?? 5000 });
    const got: unknown[] = [];
    const waiters: Array<{ pred: (m: unknown) => boolean; res: (m: unknown) => void }> = [];
    const closed = new Promise<number>((res) => ws.on('close', (code) => res(code)));
    ws.on('message', (data) => {
      let m: unknown;
      try {
        m = JSON.parse(data.toString());
      } catch {
        return;
      }
      // (without `record`, only the host's control messages are kept: a challenge may come before anyone waits)
      if (opts.record !== false || isType('challenge')(m) || isType('auth-ok')(m)) got.push(m);
      for (const w of [...waiters])
        if (w.pred(m)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.res(m);
        }
    });
    ws.on('error', reject);
    const send = (m: unknown) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(typeof m === 'string' ? m : JSON.stringify(m));
    };
    const next = (pred: (m: unknown) => boolean, timeoutMs = 5000) => {
      const found = got.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise<unknown>((res, rej) => {
        const t = setTimeout(() => rej(new Error('timed out waiting for a message')), timeoutMs);
        waiters.push({ pred, res: (m) => (clearTimeout(t), res(m)) });
      });
    };
    ws.on('open', () =>
      resolve({
        ws,
        got,
        closed,
        next,
        send,
        auth: async (cred, timeoutMs = 5000) => {
          const challenge = (await next(isType('challenge'), timeoutMs)) as { nonce: string };
          send(authFor(cred, challenge.nonce));
          await next((m) => isType('auth-ok')(m) && (m as { topic: string }).topic === cred.topic, timeoutMs);
        },
      }),
    );
  });
}

/** y-webrtc's AES key of a room (PBKDF2 of the room key, salted with the room name). */
export async function roomAesKey(roomKey: string, roomName: string): Promise<CryptoKey> {
  const enc = new TextEncoder();
  const material = await crypto.subtle.importKey('raw', enc.encode(roomKey), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt: enc.encode(roomName), iterations: 100_000, hash: 'SHA-256' }, material, { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads JSON commands line by line from stdin. */
export function onLines(handler: (line: string) => void): void {
  let buf = '';
  process.stdin.on('data', (d) => {
    buf += String(d);
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i).trim();
      buf = buf.slice(i + 1);
      if (line) handler(line);
    }
  });
}
