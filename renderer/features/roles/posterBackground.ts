import { mapFingerprint } from '../../../shared/roles/fingerprint';
import { layoutPoster, type PosterInput, type PosterLayout } from '../../../shared/roles/poster';

/** What the page asks the poster worker (./posterLayout.worker.ts) and what it answers. */
export interface PosterRequest {
  id: number;
  input: PosterInput;
}
export type PosterResult = { id: number; layout: PosterLayout; fingerprint: string } | { id: number; error: string };

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (r: { layout: PosterLayout; fingerprint: string }) => void; input: PosterInput }>();

const onThisThread = (input: PosterInput) => ({ layout: layoutPoster(input), fingerprint: mapFingerprint(input.map) });

/** Every request still waiting is done here instead (the worker failed or could not start). */
function giveUp(): void {
  worker?.terminate();
  worker = null;
  for (const [id, w] of waiting) {
    waiting.delete(id);
    w.resolve(onThisThread(w.input));
  }
}

function start(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./posterLayout.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return (worker = null);
  }
  worker.onmessage = (event: MessageEvent<PosterResult>) => {
    const r = event.data;
    const w = waiting.get(r.id);
    if (!w) return;
    waiting.delete(r.id);
    w.resolve('error' in r ? onThisThread(w.input) : { layout: r.layout, fingerprint: r.fingerprint });
  };
  worker.onerror = (event) => {
    event.preventDefault();
    console.warn('[roles] the poster worker failed; laying out on the page', event.message);
    giveUp();
  };
  return worker;
}

/**
 * The whole poster layout and the map's fingerprint, computed in a Web Worker (the page stays
 * answering), or on this thread where no worker can start. The same values as `layoutPoster`
 * and `mapFingerprint` (both pure functions of the plain input).
 */
export function posterInBackground(input: PosterInput): Promise<{ layout: PosterLayout; fingerprint: string }> {
  const w = start();
  if (!w) return Promise.resolve().then(() => onThisThread(input));
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, { resolve, input });
    try {
      w.postMessage({ id, input } satisfies PosterRequest);
    } catch {
      waiting.delete(id);
      resolve(onThisThread(input));
    }
  });
}
