import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { generateRoomKey, readRoomKey, ROOM_KEY_META } from '../../../shared/sync/room';

// This laptop's key store (renderer/identity), in memory.
const stored = new Map<string, { roomKey: string; rekeyId: string | null }>();
vi.mock('../../../renderer/identity/identity', () => ({
  localRoomKey: vi.fn(async (id: string) => stored.get(id) ?? null),
  setLocalRoomKey: vi.fn(async (id: string, key: { roomKey: string; rekeyId: string | null }) => {
    await new Promise((r) => setTimeout(r, 5));
    stored.set(id, key);
  }),
}));

const { ensureLocalRoomKey } = await import('../../../renderer/sync/roomKeyLocal');

describe('room keys stay on the laptop, never in the shared document', () => {
  beforeEach(() => stored.clear());

  it('moves a key an earlier version left in the meta to the laptop and deletes it from the document (origin "system")', async () => {
    const doc = new Y.Doc();
    const legacy = generateRoomKey();
    doc.transact(() => metaOf(doc).set(ROOM_KEY_META, legacy), 'system');
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, o: unknown) => origins.push(o));

    expect(await ensureLocalRoomKey('ws-1', doc)).toBe(legacy);
    expect(stored.get('ws-1')).toEqual({ roomKey: legacy, rekeyId: null });
    expect(metaOf(doc).has(ROOM_KEY_META)).toBe(false);
    expect(origins).toEqual(['system']);
    // Nothing of the key is left in what the document would send or store.
    const state = Y.encodeStateAsUpdate(doc);
    expect(Buffer.from(state).includes(Buffer.from(legacy))).toBe(false);
  });

  it('a workspace with no key anywhere gets one fresh key, even when asked twice at once', async () => {
    const doc = new Y.Doc();
    const [a, b] = await Promise.all([ensureLocalRoomKey('ws-2', doc), ensureLocalRoomKey('ws-2', doc)]);
    expect(a).toBe(b);
    expect(stored.get('ws-2')?.roomKey).toBe(a);
    expect(readRoomKey(doc)).toBeNull();
    expect(await ensureLocalRoomKey('ws-2', doc)).toBe(a);
  });

  it("the laptop's own key wins over a stale one in the document, which is dropped", async () => {
    stored.set('ws-3', { roomKey: 'own-key-own-key-own-key-1', rekeyId: 'r1' });
    const doc = new Y.Doc();
    doc.transact(() => metaOf(doc).set(ROOM_KEY_META, generateRoomKey()), 'system');
    expect(await ensureLocalRoomKey('ws-3', doc)).toBe('own-key-own-key-own-key-1');
    expect(metaOf(doc).has(ROOM_KEY_META)).toBe(false);
  });
});
