/**
 * A legitimate member during an attack (runs in the member's own namespace): on each `check` line
 * it opens two connections as two laptops of the team would (challenge → proof of the room key →
 * subscribe to the room's relay topic), sends a Y.Doc update from one to the other through the
 * relay, encrypted with the room key as the app does (renderer/sync/signalingRelay.ts), and
 * answers `check {"ok":…,"ms":…}`: ok when the update arrived and applied within 2 s of starting.
 */
import * as Y from 'yjs';
import { peerTagger, roomCredential } from '../../shared/sync/roomAuth';
import { decryptJson, encryptJson } from '../../renderer/sync/signalingCrypto';
import { isType, onLines, open, PORT, roomAesKey, type Client } from './common';

const [hostIp, roomKey] = process.argv.slice(2) as [string, string];
const url = `ws://${hostIp}:${PORT}/signal`;
const cred = roomCredential(roomKey);
const relay = `${cred.topic}/relay`;
const tag = peerTagger(roomKey);
const aes = await roomAesKey(roomKey, cred.topic);
const LIMIT_MS = 2000;
let n = 0;

async function check(): Promise<{ ok: boolean; ms: number; error?: string }> {
  const t0 = performance.now();
  const clients: Client[] = [];
  const deadline = new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no sync within ${LIMIT_MS} ms`)), LIMIT_MS));
  try {
    const run = async () => {
      const [a, b] = await Promise.all([open(url, { timeoutMs: LIMIT_MS }), open(url, { timeoutMs: LIMIT_MS })]);
      clients.push(a, b);
      await Promise.all([a.auth(cred, LIMIT_MS), b.auth(cred, LIMIT_MS)]);
      for (const c of [a, b]) c.send({ type: 'subscribe', topics: [relay] });
      // A round trip: the host has b's subscription before a publishes.
      b.send({ type: 'ping' });
      await b.next(isType('pong'), LIMIT_MS);
      const text = `check ${++n} ${Date.now()}`;
      const docA = new Y.Doc();
      docA.getText('t').insert(0, text);
      const update = Y.encodeStateAsUpdate(docA);
      const docB = new Y.Doc();
      const got = new Promise<void>((resolve) => {
        b.ws.on('message', (raw) => {
          const m = JSON.parse(String(raw)) as { type?: string; topic?: string; data?: { to?: string; c?: string } };
          if (m.type !== 'publish' || m.topic !== relay || m.data?.to !== tag('b') || typeof m.data.c !== 'string') return;
          void decryptJson(m.data.c, aes).then(
            (plain) => {
              const f = (plain as { f?: Uint8Array }).f;
              if (!(f instanceof Uint8Array)) return;
              Y.applyUpdate(docB, f, 'remote');
              if (docB.getText('t').toString() === text) resolve();
            },
            () => undefined,
          );
        });
      });
      a.send({ type: 'publish', topic: relay, data: { to: tag('b'), c: await encryptJson({ type: 'crsync', from: 'a', to: 'b', f: update }, aes) } });
      await got;
    };
    await Promise.race([run(), deadline]);
    return { ok: true, ms: Math.round(performance.now() - t0) };
  } catch (err) {
    return { ok: false, ms: Math.round(performance.now() - t0), error: (err as Error).message };
  } finally {
    for (const c of clients) c.ws.terminate();
  }
}

onLines((line) => {
  if (line === 'check') void check().then((r) => console.log(`check ${JSON.stringify(r)}`));
});
console.log('member ready');
