/**
 * Web Worker: checks an imported playbook file off the page's main thread (decode, JSON.parse,
 * validation) and reports each stage, then the result. The page writes to the document only
 * after a clean result (the Y.Doc lives on the page).
 */
import { checkPlaybookBytes, type WorkerMessage } from './playbookCheck';

const post = (message: WorkerMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<{ bytes: ArrayBuffer }>) => {
  post({ type: 'result', result: checkPlaybookBytes(new Uint8Array(event.data.bytes), (stage) => post({ type: 'stage', stage })) });
};
