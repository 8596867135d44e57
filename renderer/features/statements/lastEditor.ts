import type * as Y from 'yjs';
import type { YRecord } from '../../../shared/doc/collection';
import { bodyOf } from '../../../shared/statements/store';
import { noteLastEditor } from '../../../shared/statements/workflow';
import { statementOrigin } from './origins';

/**
 * Makes `key` (this laptop's person) the statement's last editor whenever they change its body:
 * the editor binding's own writes (origin ySyncPluginKey) and the studio's 'user' writes such as a
 * restored version — never a peer's update (not local) nor the app's own normalization ('system').
 * The editor stays untouched: this observes the body from outside. Returns the disposer.
 */
export function trackLastEditor(rec: YRecord, key: string): () => void {
  const body = bodyOf(rec);
  if (!body || !key) return () => {};
  const onChange = (_events: unknown, tr: Y.Transaction) => {
    if (!tr.local || statementOrigin(tr.origin) !== 'user') return;
    // A new transaction from inside the observer: Yjs runs it right after this one, before the
    // next update goes out, so peers see the edit and its author together.
    noteLastEditor(rec, key, 'user');
  };
  body.observeDeep(onChange);
  return () => body.unobserveDeep(onChange);
}
