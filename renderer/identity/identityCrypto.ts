import { deviceKeysOf, type DeviceKeys } from '../../shared/governance';
import { fromB64, toB64 } from '../vault/seal';
import { openFor, sealFor } from '../vault';

/**
 * This device's private keys as stored (sealed, inside the identity row): PKCS#8 and raw public
 * keys, base64. They are made extractable only to be exported once here; what the app uses are
 * non-extractable keys imported from these bytes.
 */
export interface DeviceSecrets {
  signingPkcs8: string;
  signingPublic: string;
  agreementPkcs8: string;
  agreementPublic: string;
}

const subtle = () => globalThis.crypto.subtle;
const buf = (b64: string): Uint8Array<ArrayBuffer> => new Uint8Array(fromB64(b64));

export async function makeDeviceSecrets(): Promise<DeviceSecrets> {
  const signing = (await subtle().generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const agreement = (await subtle().generateKey({ name: 'X25519' }, true, ['deriveBits'])) as CryptoKeyPair;
  const out = async (format: 'pkcs8' | 'raw', key: CryptoKey) => toB64(new Uint8Array(await subtle().exportKey(format, key)));
  return {
    signingPkcs8: await out('pkcs8', signing.privateKey),
    signingPublic: await out('raw', signing.publicKey),
    agreementPkcs8: await out('pkcs8', agreement.privateKey),
    agreementPublic: await out('raw', agreement.publicKey),
  };
}

/** The usable keys: private halves non-extractable. */
export async function importDeviceSecrets(s: DeviceSecrets): Promise<DeviceKeys> {
  const signing: CryptoKeyPair = {
    privateKey: await subtle().importKey('pkcs8', buf(s.signingPkcs8), { name: 'Ed25519' }, false, ['sign']),
    publicKey: await subtle().importKey('raw', buf(s.signingPublic), { name: 'Ed25519' }, true, ['verify']),
  };
  const agreement: CryptoKeyPair = {
    privateKey: await subtle().importKey('pkcs8', buf(s.agreementPkcs8), { name: 'X25519' }, false, ['deriveBits']),
    publicKey: await subtle().importKey('raw', buf(s.agreementPublic), { name: 'X25519' }, true, []),
  };
  return deviceKeysOf(signing, agreement);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function sealJson(scope: string, aad: string, value: unknown): Uint8Array {
  return sealFor(scope, aad, encoder.encode(JSON.stringify(value)));
}

export function openJson<T>(scope: string, aad: string, sealed: Uint8Array): T {
  return JSON.parse(decoder.decode(openFor(scope, aad, sealed))) as T;
}
