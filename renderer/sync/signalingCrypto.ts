import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { fromBase64, toBase64 } from 'lib0/buffer';

/**
 * y-webrtc's signaling encryption (src/crypto.js), for the messages we put on the signaling
 * channel ourselves: AES-GCM with the key y-webrtc derives from the room key, a fresh 12-byte IV
 * per message, lib0 "any" encoding inside, base64 outside. A peer without the room key can
 * neither read nor forge them (GCM authenticates).
 */

/** Encrypts `data` for the room; returns the base64 string y-webrtc puts in `publish.data`. */
export async function encryptJson(data: unknown, key: CryptoKey): Promise<string> {
  const plain = encoding.createEncoder();
  encoding.writeAny(plain, data as never);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoding.toUint8Array(plain));
  const out = encoding.createEncoder();
  encoding.writeVarString(out, 'AES-GCM');
  encoding.writeVarUint8Array(out, iv);
  encoding.writeVarUint8Array(out, new Uint8Array(cipher));
  return toBase64(encoding.toUint8Array(out));
}

/** Decrypts a room message; rejects when it was not made with this key (or is malformed). */
export async function decryptJson(data: string, key: CryptoKey): Promise<unknown> {
  const dec = decoding.createDecoder(fromBase64(data));
  if (decoding.readVarString(dec) !== 'AES-GCM') throw new Error('unknown algorithm');
  const iv = decoding.readVarUint8Array(dec);
  const cipher = decoding.readVarUint8Array(dec);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, cipher as BufferSource);
  return decoding.readAny(decoding.createDecoder(new Uint8Array(plain)));
}
