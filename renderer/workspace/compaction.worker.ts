// Storage compaction's merges off the page's thread (compaction.ts, compactionMerge.ts): a fold
// of a large workspace applies and encodes the whole document, seconds at 100× on a laptop; the
// merged row is sealed here too when the page asks (its data key comes with the request), and
// stored here when asked (a commit: IndexedDB's copy of a multi-megabyte value stays off the page).
import { answerRequest } from './compactionMerge';

self.onmessage = (event: MessageEvent<unknown>) => {
  void answerRequest(event.data).then((answer) => {
    if (answer.ok) self.postMessage(answer, { transfer: [...new Set((answer.rows ?? [answer]).flatMap((r) => (r.sealed ? [r.update.buffer, r.sealed.buffer] : [r.update.buffer])))] });
    else self.postMessage(answer);
  });
};
