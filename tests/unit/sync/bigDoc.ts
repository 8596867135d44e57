import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { write } from '../../../shared/doc/origins';

/**
 * A document of `records` maps with text, written by `clients` clients in turn, some of the text
 * deleted and some titles renamed (unless `edits` is false): the sliced-diff tests' workspace stand-in.
 */
export function bigDoc(records: number, clients = 3, seed = 7, edits = true): Y.Doc {
  const gen = prng.create(seed);
  const doc = new Y.Doc();
  const list = doc.getArray<Y.Map<unknown>>('records');
  for (let i = 0; i < records; i++) {
    doc.clientID = 100 + (i % clients);
    write(doc, 'user', () => {
      const m = new Y.Map<unknown>();
      m.set('title', `record ${i} 事件 ${prng.word(gen, 5, 30)}`);
      const t = new Y.Text();
      t.insert(0, `${prng.word(gen, 40, 160)} 危機處理 ${i}`);
      m.set('body', t);
      list.push([m]);
    });
    if (!edits) continue;
    if (i % 5 === 0) write(doc, 'user', () => (list.get(prng.int32(gen, 0, list.length - 1))!.get('body') as Y.Text).delete(0, 3));
    if (i % 7 === 0) write(doc, 'user', () => list.get(prng.int32(gen, 0, list.length - 1))!.set('title', `renamed ${i}`));
  }
  return doc;
}
