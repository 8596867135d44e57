import { sha256Hex } from '../../../shared/statements/hash';
import { deriveGovernance, type Governance } from '../../../shared/governance/governance';
import { generateDeviceKeys, type DeviceKeys } from '../../../shared/governance/keys';
import { parseLogItem, serializeEntry, type LogItem, type MemberInfo, type SignedEntry, type UnsignedPayload } from '../../../shared/governance/entries';
import { signEntry } from '../../../shared/governance/log';
import type { MemberRole } from '../../../shared/governance/roles';
import { SignatureCache, type Verdict } from '../../../shared/governance/verifier';

export const WS = 'ws-crisis-room-test';
export const NOW = 1_900_000_000_000;
export const T0 = 1_800_000_000_000;

/** Hash of some statement text. */
export const textHash = (text: string): string => sha256Hex(text);

/** Device keys for named people (fresh per call). */
export async function people<N extends string>(...names: N[]): Promise<Record<N, DeviceKeys>> {
  const out = {} as Record<N, DeviceKeys>;
  for (const n of names) out[n] = await generateDeviceKeys();
  return out;
}

export const memberOf = (keys: DeviceKeys, name: string, roles: MemberRole[], unit = ''): MemberInfo => ({
  key: keys.publicKey,
  agreementKey: keys.agreementKey,
  name,
  unit,
  roles,
});

/** Signs with `ws` and `at` defaulted. */
type WithoutWs<T> = T extends unknown ? Omit<T, 'ws'> & { ws?: string } : never;
export const signed = (keys: DeviceKeys, payload: WithoutWs<UnsignedPayload>): Promise<SignedEntry> =>
  signEntry(keys, { ws: WS, ...payload } as UnsignedPayload);

/** Log items as readLog would return them for these entries (or raw values). */
export const logOf = (entries: ReadonlyArray<SignedEntry | unknown>): LogItem[] =>
  entries.map((e, i) => parseLogItem(isEntry(e) ? serializeEntry(e) : e, i));

const isEntry = (e: unknown): e is SignedEntry => !!e && typeof e === 'object' && typeof (e as SignedEntry).p === 'string' && typeof (e as SignedEntry).s === 'string';

export interface GovOptions {
  genesisKey: string;
  ws?: string;
  now?: number;
  /** Fixed verdicts instead of real verification. */
  verdict?: (e: SignedEntry) => Verdict;
}

/** Governance after every signature was really verified. */
export async function settledGov(entries: ReadonlyArray<SignedEntry | unknown>, opts: GovOptions): Promise<Governance> {
  const log = logOf(entries);
  const cache = new SignatureCache({ yieldToUi: () => Promise.resolve() });
  cache.request(log);
  await cache.settled();
  return deriveGovernance({ workspaceId: opts.ws ?? WS, trustedGenesisKey: opts.genesisKey, log, verdict: opts.verdict ?? cache.verdict, now: opts.now ?? NOW });
}

/** A workspace with an owner (genesis) and the given members added by the owner, at T0…. */
export async function team(roles: Record<string, MemberRole[]>): Promise<{ keys: Record<string, DeviceKeys>; entries: SignedEntry[] }> {
  const names = ['owner', ...Object.keys(roles).filter((n) => n !== 'owner')];
  const keys = await people(...names);
  const entries: SignedEntry[] = [await signed(keys.owner!, { kind: 'roster.genesis', at: T0, member: memberOf(keys.owner!, '林雅婷', [...new Set<MemberRole>(['owner', ...(roles.owner ?? [])])], '公關部') })];
  let t = T0 + 1;
  for (const n of names.slice(1)) entries.push(await signed(keys.owner!, { kind: 'roster.add', at: t++, member: memberOf(keys[n]!, n, roles[n]!) }));
  return { keys, entries };
}
