import { beforeAll, describe, expect, it } from 'vitest';
import { decodeInvite, encodeInvite, inviteBody, inviteMacMatches, InviteDecodeError, sealInvite, type Invite, type InviteContent } from '../../../shared/sync/invite';
import { inviteMac, signInvite } from '../../../shared/sync/inviteAuth';
import { generateDeviceKeys, type DeviceKeys } from '../../../shared/governance';
import { generateRoomKey, roomNameFor, RoomKeySchema } from '../../../shared/sync/room';
import { DEFAULT_SYNC_SETTINGS, IceServerSchema, signalingUrlsFor, SignalingUrlSchema, SyncSettingsSchema } from '../../../shared/sync/settings';
import { normalizeHostAddress } from '../../../renderer/sync/hostAddress';
import { parseIceLines } from '../../../renderer/features/sync/NetworkSettings';

/** A 32-byte public key, base64url (what the roster uses). */
const KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7)).toString('base64url');

const content: InviteContent = {
  hosts: ['ws://192.168.1.20:4444/signal'],
  workspaceId: '0b6f3c1e-5f2a-4c1e-9a57-2f8f8d1c7e11',
  workspaceName: '產品召回 2026',
  roomKey: generateRoomKey(),
  genesisKey: KEY,
  admission: { id: 'Adm1ssion-Id_0123', role: 'legal_approver' },
};
const { admission: _, ...withoutAdmission } = content;

let inviter: DeviceKeys;
let stranger: DeviceKeys;
let invite: Invite;
beforeAll(async () => {
  inviter = await generateDeviceKeys();
  stranger = await generateDeviceKeys();
  invite = { ...content, inviter: inviter.publicKey };
});

async function reason(code: string): Promise<string> {
  try {
    await decodeInvite(code);
  } catch (err) {
    return err instanceof InviteDecodeError ? err.reason : `other: ${(err as Error).message}`;
  }
  return 'no error';
}

/** A code for `fields` (short names, as in the body) signed by `signer`, MACed under `macKey`. */
async function forge(fields: unknown, signer: DeviceKeys = inviter, macKey = content.roomKey): Promise<string> {
  const body = Buffer.from(JSON.stringify(fields)).toString('base64url');
  const signature = await signInvite(signer, `CR3.${body}`);
  const signed = `CR3.${body}.${signature}`;
  return `${signed}.${await inviteMac(macKey, signed)}`;
}
const fieldsOf = (code: string) => JSON.parse(Buffer.from(code.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('invite codes', () => {
  it('round-trip, signed by the inviter and authenticated under the room key, also with whitespace from copy-paste', async () => {
    const code = await encodeInvite(content, inviter);
    expect(code).toMatch(/^CR3\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}\.[A-Za-z0-9_-]{43}$/);
    expect(await decodeInvite(code)).toEqual(invite);
    // A member who is not an owner makes codes without an admission.
    expect(await decodeInvite(await encodeInvite(withoutAdmission, inviter))).toEqual({ ...withoutAdmission, inviter: inviter.publicKey });
    const wrapped = `  ${code.slice(0, 30)}\n${code.slice(30, 61)}\r\n ${code.slice(61)}  `;
    expect(await decodeInvite(wrapped)).toEqual(invite);
    // Small enough for a QR code at error correction M (byte mode holds 2,331 bytes).
    expect(code.length).toBeLessThan(700);
  });

  it('refuse a code whose any field was changed after it was made: the MAC no longer matches', async () => {
    const code = await encodeInvite(content, inviter);
    const [, , signature, mac] = code.split('.');
    const fields = fieldsOf(code);
    const changes: Record<string, unknown> = {
      h: ['ws://10.66.6.6:4444/signal'],
      w: 'another-workspace',
      n: 'Another name',
      k: generateRoomKey(),
      g: stranger.publicKey,
      i: stranger.publicKey,
      a: 'Another-admission-1',
      r: 'owner',
    };
    for (const [field, value] of Object.entries(changes)) {
      const body = Buffer.from(JSON.stringify({ ...fields, [field]: value })).toString('base64url');
      expect(await reason(`CR3.${body}.${signature}.${mac}`), field).toBe('mac');
    }
    // The signature and the MAC themselves are covered too.
    const otherSig = await signInvite(inviter, 'CR3.something-else');
    expect(await reason(`CR3.${code.split('.')[1]}.${otherSig}.${mac}`)).toBe('mac');
    expect(await reason(code.slice(0, -2) + (code.endsWith('AA') ? 'BA' : 'AA'))).toBe('mac');
  });

  it('refuse a MAC made with another key than the room key the code carries', async () => {
    const fields = fieldsOf(await encodeInvite(content, inviter));
    const wrongKey = await forge(fields, inviter, generateRoomKey());
    expect(await reason(wrongKey)).toBe('mac');
    const right = await forge(fields, inviter, content.roomKey);
    expect(await reason(right)).toBe('no error');
    // Checked against a laptop's own key: only the key the code was made with matches.
    expect(await inviteMacMatches(right, content.roomKey)).toBe(true);
    expect(await inviteMacMatches(right, generateRoomKey())).toBe(false);
    expect(await inviteMacMatches('CR3.garbage', content.roomKey)).toBe(false);
  });

  it('refuse a signature that is not the named inviter\'s, even with a valid MAC', async () => {
    const fields = fieldsOf(await encodeInvite(content, inviter));
    // Signed by a stranger while naming the inviter: the MAC (made by whoever knows the room key) passes, the signature does not.
    expect(await reason(await forge(fields, stranger))).toBe('signature');
    // Re-signed by the stranger under their own name: authentic, but it names the stranger as inviter.
    const resigned = await forge({ ...fields, i: stranger.publicKey }, stranger);
    expect((await decodeInvite(resigned)).inviter).toBe(stranger.publicKey);
    expect(await reason(await sealInvite(inviteBody(invite), 'A'.repeat(86), content.roomKey))).toBe('signature');
  });

  it('say clearly what is wrong with a bad code', async () => {
    const code = await encodeInvite(content, inviter);
    expect(await reason('   ')).toBe('empty');
    expect(await reason('hello world')).toBe('format');
    expect(await reason(code.replace('CR3.', 'CR9.'))).toBe('format');
    // Codes from before invites were authenticated are refused.
    expect(await reason(code.replace('CR3.', 'CR1.'))).toBe('outdated');
    expect(await reason('CR2.eyJoIjpbXX0.0123abcd')).toBe('outdated');
    // A code cut short or damaged fails authentication.
    expect(await reason(code.slice(0, -4))).toBe('mac');
    expect(await reason(code.split('.').slice(0, 3).join('.'))).toBe('mac');
    const body = code.split('.')[1]!;
    const flipped = body.slice(0, 10) + (body[10] === 'A' ? 'B' : 'A') + body.slice(11);
    expect(['mac', 'content']).toContain(await reason(code.replace(body, flipped)));
    expect(await reason(`${code}.extra`)).toBe('mac');
    expect(await reason(code.replace(/\.([^.]*)$/, '.not*b64'))).toBe('format');
  });

  it('check every field, also in a code made by a modified client with valid MAC and signature', async () => {
    const good = fieldsOf(await encodeInvite(content, inviter));
    const { a: _a, r: _r, ...noAdmission } = good;
    expect(await decodeInvite(await forge(noAdmission))).toEqual({ ...withoutAdmission, inviter: inviter.publicKey });
    const { g: _g, ...noAnchor } = good;
    expect(await reason(await forge(noAnchor))).toBe('content');
    const { i: _i, ...noInviter } = good;
    expect(await reason(await forge(noInviter))).toBe('content');
    expect(await reason(await forge({ ...good, g: KEY.slice(0, -1) }))).toBe('content');
    expect(await reason(await forge({ ...noAdmission, a: 'Adm1ssion-Id_0123' }))).toBe('content');
    expect(await reason(await forge({ ...good, r: 'emperor' }))).toBe('content');
    expect(await reason(await forge({ ...good, a: 'short' }))).toBe('content');
    expect(await reason(await forge({ ...good, extra: 1 }))).toBe('content');
    expect(await reason(await forge([1, 2]))).toBe('content');
    expect(await reason(await forge({ ...good, k: 'short' }))).toBe('content');
    expect(await reason(await forge({ ...good, h: ['http://192.168.1.20/'] }))).toBe('content');
    expect(await reason(await forge({ ...good, h: [] }))).toBe('content');
    expect(await reason(await forge({ ...good, w: '../../etc' }))).toBe('content');
    await expect(encodeInvite({ ...content, roomKey: 'short' }, inviter)).rejects.toThrow();
    await expect(encodeInvite({ ...content, hosts: [] }, inviter)).rejects.toThrow();
  });
});

describe('rooms', () => {
  it('room keys have at least 128 random bits and differ each time', () => {
    const keys = new Set(Array.from({ length: 50 }, generateRoomKey));
    expect(keys.size).toBe(50);
    for (const k of keys) expect(RoomKeySchema.safeParse(k).success).toBe(true);
    expect(generateRoomKey().length).toBeGreaterThanOrEqual(22);
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
