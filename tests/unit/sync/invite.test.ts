import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeInvite, encodeInvite, inviteChecksum, InviteDecodeError, type Invite } from '../../../shared/sync/invite';
import { ensureRoomKey, generateRoomKey, readRoomKey, roomNameFor, RoomKeySchema } from '../../../shared/sync/room';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { DEFAULT_SYNC_SETTINGS, IceServerSchema, signalingUrlsFor, SignalingUrlSchema, SyncSettingsSchema } from '../../../shared/sync/settings';
import { normalizeHostAddress } from '../../../renderer/sync/hostAddress';
import { parseIceLines } from '../../../renderer/features/sync/NetworkSettings';

/** A 32-byte public key, base64url (what the roster uses). */
const KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7)).toString('base64url');

const invite: Invite = {
  hosts: ['ws://192.168.1.20:4444/signal'],
  workspaceId: '0b6f3c1e-5f2a-4c1e-9a57-2f8f8d1c7e11',
  workspaceName: '產品召回 2026',
  roomKey: generateRoomKey(),
  genesisKey: KEY,
  admission: { id: 'Adm1ssion-Id_0123', role: 'legal_approver' },
};
const { admission: _, ...withoutAdmission } = invite;

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return err instanceof InviteDecodeError ? err.reason : `other: ${(err as Error).message}`;
  }
  return 'no error';
}

describe('invite codes', () => {
  it('round-trip, also with whitespace and line breaks from copy-paste', () => {
    const code = encodeInvite(invite);
    expect(code).toMatch(/^CR2\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    expect(decodeInvite(code)).toEqual(invite);
    // A member who is not an owner makes codes without an admission.
    expect(decodeInvite(encodeInvite(withoutAdmission))).toEqual(withoutAdmission);
    const wrapped = `  ${code.slice(0, 30)}\n${code.slice(30, 61)}\r\n ${code.slice(61)}  `;
    expect(decodeInvite(wrapped)).toEqual(invite);
  });

  it('say clearly what is wrong with a bad code', () => {
    const code = encodeInvite(invite);
    expect(reason(() => decodeInvite('   '))).toBe('empty');
    expect(reason(() => decodeInvite('hello world'))).toBe('format');
    expect(reason(() => decodeInvite(code.replace('CR2.', 'CR9.')))).toBe('format');
    // Codes from before rosters carry no creator key: refused with their own reason.
    expect(reason(() => decodeInvite(code.replace('CR2.', 'CR1.')))).toBe('outdated');
    // One character changed in the body: the checksum catches it.
    const body = code.split('.')[1]!;
    const flipped = body.slice(0, 10) + (body[10] === 'A' ? 'B' : 'A') + body.slice(11);
    expect(reason(() => decodeInvite(code.replace(body, flipped)))).toBe('checksum');
    expect(reason(() => decodeInvite(code.slice(0, -4)))).toBe('checksum');
  });

  it('reject well-formed codes whose content is invalid, and refuse to make one', () => {
    const forge = (json: object) => {
      const body = btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(json)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      return `CR2.${body}.${inviteChecksum(body)}`;
    };
    const good = { h: invite.hosts, w: invite.workspaceId, n: invite.workspaceName, k: invite.roomKey, g: KEY, a: invite.admission!.id, r: 'legal_approver' };
    expect(decodeInvite(forge(good))).toEqual(invite);
    const { a: _a, r: _r, ...noAdmission } = good;
    expect(decodeInvite(forge(noAdmission))).toEqual(withoutAdmission);
    // The creator key is required and must be a 32-byte key; an admission needs both its id and role.
    const { g: _g, ...noAnchor } = good;
    expect(reason(() => decodeInvite(forge(noAnchor)))).toBe('content');
    expect(reason(() => decodeInvite(forge({ ...good, g: KEY.slice(0, -1) })))).toBe('content');
    expect(reason(() => decodeInvite(forge({ ...noAdmission, a: 'Adm1ssion-Id_0123' })))).toBe('content');
    expect(reason(() => decodeInvite(forge({ ...good, r: 'emperor' })))).toBe('content');
    expect(reason(() => decodeInvite(forge({ ...good, a: 'short' })))).toBe('content');
    expect(reason(() => decodeInvite(forge({ ...good, extra: 1 })))).toBe('content');
    expect(reason(() => decodeInvite(forge([1, 2])))).toBe('content');
    expect(reason(() => decodeInvite(forge({ ...good, k: 'short' })))).toBe('content');
    expect(reason(() => decodeInvite(forge({ ...good, h: ['http://192.168.1.20/'] })))).toBe('content');
    expect(reason(() => decodeInvite(forge({ ...good, h: [] })))).toBe('content');
    expect(reason(() => decodeInvite(forge({ ...good, w: '../../etc' })))).toBe('content');
    expect(reason(() => decodeInvite(`CR2.bm90IGpzb24.${inviteChecksum('bm90IGpzb24')}`))).toBe('format');
    expect(() => encodeInvite({ ...invite, roomKey: 'short' })).toThrow();
    expect(() => encodeInvite({ ...invite, hosts: [] })).toThrow();
  });
});

describe('rooms', () => {
  it('room keys have at least 128 random bits and differ each time', () => {
    const keys = new Set(Array.from({ length: 50 }, generateRoomKey));
    expect(keys.size).toBe(50);
    for (const k of keys) expect(RoomKeySchema.safeParse(k).success).toBe(true);
    expect(generateRoomKey().length).toBeGreaterThanOrEqual(22);
  });

  it('a workspace without a key gets one (origin "system"); an existing key is kept', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, o: unknown) => origins.push(o));
    expect(readRoomKey(doc)).toBeNull();
    const key = ensureRoomKey(doc);
    expect(origins).toEqual(['system']);
    expect(ensureRoomKey(doc)).toBe(key);
    expect(origins).toHaveLength(1);
    doc.transact(() => metaOf(doc).set('roomKey', 'weak'), 'system');
    expect(readRoomKey(doc)).toBeNull();
  });

  it('room names come from the workspace id, never from the key', () => {
    expect(roomNameFor('ws-1')).toBe('crisis-room/ws-1');
  });
});

describe('network settings', () => {
  it('default to the LAN only: no STUN/TURN, no public signaling', () => {
    expect(DEFAULT_SYNC_SETTINGS).toEqual({ iceServers: [], extraSignaling: [], hosts: {} });
    expect(signalingUrlsFor(DEFAULT_SYNC_SETTINGS, 'ws-1')).toEqual([]);
    const s = SyncSettingsSchema.parse({ hosts: { 'ws-1': ['ws://10.0.0.2:4444/signal'] }, extraSignaling: ['wss://signal.example.org/', 'ws://10.0.0.2:4444/signal'] });
    expect(signalingUrlsFor(s, 'ws-1')).toEqual(['ws://10.0.0.2:4444/signal', 'wss://signal.example.org/']);
  });

  it('validate addresses', () => {
    expect(SignalingUrlSchema.safeParse('ws://192.168.1.20:4444/signal').success).toBe(true);
    expect(SignalingUrlSchema.safeParse('https://example.org').success).toBe(false);
    expect(SignalingUrlSchema.safeParse('ws://user:pw@host/').success).toBe(false);
    expect(IceServerSchema.safeParse({ urls: 'turn:turn.example.org:3478', username: 'u', credential: 'p' }).success).toBe(true);
    expect(IceServerSchema.safeParse({ urls: 'http://x' }).success).toBe(false);
  });

  it('turn what people type into host and STUN/TURN entries', () => {
    expect(normalizeHostAddress('192.168.1.20')).toBe('ws://192.168.1.20:4444/signal');
    expect(normalizeHostAddress(' 192.168.1.20:5000 ')).toBe('ws://192.168.1.20:5000/signal');
    expect(normalizeHostAddress('ws://host.local:4444/signal')).toBe('ws://host.local:4444/signal');
    expect(normalizeHostAddress('wss://signal.example.org')).toBe('wss://signal.example.org/signal');
    expect(normalizeHostAddress('')).toBeNull();
    expect(normalizeHostAddress('http://x y')).toBeNull();
    const parsed = parseIceLines('stun:stun.example.org:3478\n\nturn:turn.example.org u p\nbogus');
    expect(parsed.servers).toEqual([{ urls: 'stun:stun.example.org:3478' }, { urls: 'turn:turn.example.org', username: 'u', credential: 'p' }]);
    expect(parsed.errors.map((e) => e.line)).toEqual([4]);
  });
});
