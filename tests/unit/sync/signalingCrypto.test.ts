import { beforeAll, describe, expect, it } from 'vitest';
import { decryptJson, encryptJson } from '../../../renderer/sync/signalingCrypto';
import { generateRoomKey, roomNameFor } from '../../../shared/sync/room';

/** y-webrtc's own crypto (src/crypto.js; the package's exports map hides it, so it is loaded by path). */
interface YWebrtcCrypto {
  deriveKey(secret: string, roomName: string): Promise<CryptoKey>;
  encryptJson(data: unknown, key: CryptoKey): Promise<Uint8Array>;
}
let ywebrtcCrypto: YWebrtcCrypto;
beforeAll(async () => {
  const path = '../../../node_modules/y-webrtc/src/crypto.js';
  ywebrtcCrypto = (await import(/* @vite-ignore */ path)) as YWebrtcCrypto;
});

const room = roomNameFor('0b6f3c1e-5f2a-4c1e-9a57-2f8f8d1c7e11');

describe('signaling encryption (room key)', () => {
  it('our relay messages and y-webrtc announces read each other with the right key, and not with a wrong one', async () => {
    const right = await ywebrtcCrypto.deriveKey(generateRoomKey(), room);
    const wrong = await ywebrtcCrypto.deriveKey(generateRoomKey(), room);
    const frame = new Uint8Array([0xc7, 1, 0, 1, 9, 9, 9]);

    const ours = await encryptJson({ type: 'crsync', from: 'a', to: 'b', f: frame }, right);
    // Ciphertext: nothing of the frame or the ids shows through.
    expect(ours).not.toContain('crsync');
    expect(await decryptJson(ours, right)).toEqual({ type: 'crsync', from: 'a', to: 'b', f: frame });
    await expect(decryptJson(ours, wrong)).rejects.toThrow();

    const announce = await ywebrtcCrypto.encryptJson({ type: 'announce', from: 'peer-1' }, right);
    const b64 = Buffer.from(announce).toString('base64');
    expect(await decryptJson(b64, right)).toEqual({ type: 'announce', from: 'peer-1' });
    await expect(decryptJson(b64, wrong)).rejects.toThrow();
  });

  it('the same room key in another room (workspace) gives another AES key', async () => {
    const key = generateRoomKey();
    const a = await ywebrtcCrypto.deriveKey(key, roomNameFor('ws-a'));
    const b = await ywebrtcCrypto.deriveKey(key, roomNameFor('ws-b'));
    const msg = await encryptJson({ hello: 1 }, a);
    await expect(decryptJson(msg, b)).rejects.toThrow();
  });

  it('refuses tampered ciphertext (AES-GCM authenticates)', async () => {
    const key = await ywebrtcCrypto.deriveKey(generateRoomKey(), room);
    const msg = await encryptJson({ type: 'crsync', from: 'a', to: 'b', f: new Uint8Array([1]) }, key);
    const bytes = Buffer.from(msg, 'base64');
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    await expect(decryptJson(bytes.toString('base64'), key)).rejects.toThrow();
  });
});
