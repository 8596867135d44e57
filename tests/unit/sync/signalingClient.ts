import { WebSocket } from 'ws';
import { authFor, type RoomCredential } from '../../../shared/sync/roomAuth';

/** A test client of the signaling hub that records what it receives. */
export interface TestClient {
  ws: WebSocket;
  got: unknown[];
  closed: Promise<number>;
  next: (pred?: (m: unknown) => boolean, timeoutMs?: number) => Promise<unknown>;
  /** The challenge nonce the host sent. */
  nonce: () => Promise<string>;
  /** Proves `cred` and waits for auth-ok. */
  auth: (cred: RoomCredential) => Promise<void>;
  send: (m: unknown) => void;
  /** A ping round trip: everything sent before it has been handled by the host. */
  roundTrip: () => Promise<void>;
}

export const isType = (t: string) => (m: unknown) => (m as { type?: string }).type === t;

export function connect(url: string, opts: { localAddress?: string } = {}, track?: WebSocket[]): Promise<TestClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, opts.localAddress ? { localAddress: opts.localAddress } : {});
    track?.push(ws);
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
      got.push(m);
      for (const w of [...waiters])
        if (w.pred(m)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.res(m);
        }
    });
    ws.on('error', reject);
    const send = (m: unknown) => ws.send(typeof m === 'string' ? m : JSON.stringify(m));
    const next = (pred: (m: unknown) => boolean = () => true, timeoutMs = 5000) => {
      const found = got.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise<unknown>((res, rej) => {
        const t = setTimeout(() => rej(new Error('timed out waiting for a message')), timeoutMs);
        waiters.push({ pred, res: (m) => (clearTimeout(t), res(m)) });
      });
    };
    const nonce = async () => ((await next(isType('challenge'))) as { nonce: string }).nonce;
    ws.on('open', () =>
      resolve({
        ws,
        got,
        closed,
        next,
        nonce,
        send,
        roundTrip: async () => {
          for (let i = got.length - 1; i >= 0; i--) if (isType('pong')(got[i])) got.splice(i, 1);
          send({ type: 'ping' });
          await next(isType('pong'));
        },
        auth: async (cred) => {
          send(authFor(cred, await nonce()));
          await next((m) => isType('auth-ok')(m) && (m as { topic: string }).topic === cred.topic, 20_000);
        },
      }),
    );
  });
}
