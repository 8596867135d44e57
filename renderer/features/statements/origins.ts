import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { isOrigin, type Origin } from '../../../shared/doc/origins';

/**
 * Maps a Yjs transaction origin to ours. The editor binding (y-tiptap) tags its writes with its
 * plugin key: those writes are a person's typing, so they count as 'user'. Returns null for an
 * origin that is neither ours nor the editor's.
 */
export function statementOrigin(origin: unknown): Origin | null {
  if (isOrigin(origin)) return origin;
  if (origin === ySyncPluginKey) return 'user';
  return null;
}
