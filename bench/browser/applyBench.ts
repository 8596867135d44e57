/**
 * Raw-library baseline of P13 (bundled by bench/lib/bundle.ts): the generated workspace's state
 * applied to a new Y.Doc with Yjs alone — what decoding the same document costs without the
 * app. The state is fetched from the bundle's folder first (untimed). Exposed as `window.applyBench`.
 */
import * as Y from 'yjs';

declare global {
  interface Window {
    applyBench: { time: (file: string) => Promise<number> };
  }
}

window.applyBench = {
  async time(file) {
    const bytes = new Uint8Array(await (await fetch(file)).arrayBuffer());
    const t0 = performance.now();
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, bytes, 'import');
    const ms = performance.now() - t0;
    doc.destroy();
    return ms;
  },
};
