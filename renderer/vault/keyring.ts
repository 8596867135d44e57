import { z } from 'zod';
import type { KdfParams } from './kdf';

/**
 * The keyring file: how the master key (MK) is protected, a check value sealed with the MK (a
 * wrong MK fails here, before anything else is read), each scope's data key (DK) wrapped with
 * the MK, and the scopes whose keys were destroyed (ids only: random, no content).
 */
const B64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(4096);

export const KeyringSchema = z.strictObject({
  v: z.literal(1),
  mk: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('passphrase'),
      kdf: z.strictObject({ alg: z.literal('argon2id'), m: z.number().int().min(1024).max(4 * 1024 * 1024), t: z.number().int().min(1).max(64), p: z.number().int().min(1).max(16), salt: B64 }),
      wrapped: B64,
    }),
    z.strictObject({ kind: z.literal('os') }),
  ]),
  check: B64,
  keys: z.record(z.string().max(200), B64),
  shredded: z.array(z.string().max(200)).max(100_000),
});
export type KeyringFile = z.infer<typeof KeyringSchema>;
export type MasterKeyKind = KeyringFile['mk']['kind'];

export function parseKeyring(text: string): KeyringFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('the keyring file is damaged (not JSON)');
  }
  const r = KeyringSchema.safeParse(raw);
  if (!r.success) throw new Error(`the keyring file is damaged (${r.error.issues[0]?.path.join('.') ?? '?'}: ${r.error.issues[0]?.message ?? ''})`);
  return r.data;
}

export type { KdfParams };
export const CHECK_AAD = 'crisis-room/keyring-check';
export const MK_AAD = 'crisis-room/master-key';
export const dkAad = (scope: string) => `crisis-room/data-key/${scope}`;
