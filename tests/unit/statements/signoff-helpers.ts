import * as Y from 'yjs';
import { appendEntry, readLog, signEntry } from '../../../shared/governance/log';
import { deriveGovernance, type Governance } from '../../../shared/governance/governance';
import { generateDeviceKeys, type DeviceKeys } from '../../../shared/governance/keys';
import type { MemberRole } from '../../../shared/governance/roles';
import type { UnsignedPayload } from '../../../shared/governance/entries';
import { SignatureCache } from '../../../shared/governance/verifier';
import { createStatement, getStatement, type NewStatement } from '../../../shared/statements/store';
import type { SignedStepContext } from '../../../shared/statements/workflow';

/** Workspace id of the sign-off tests. */
export const WS = 'ws-signoff-test';
/** When the roster was made: well before any approval signed "now". */
export const ROSTER_AT = 1_700_000_000_000;

/** People of a crisis team and their roles in the roster (the owner is the creator). */
export const TEAM = {
  owner: { name: '林雅婷', unit: '公關部', roles: ['owner', 'spokesperson', 'editor'] },
  legal: { name: '林律師', unit: '法務部', roles: ['legal_approver'] },
  exec: { name: '陳總經理', unit: '總經理室', roles: ['executive_approver'] },
  editor: { name: '王小明', unit: '公關部', roles: ['editor'] },
  legalEditor: { name: '張法務', unit: '法務部', roles: ['legal_approver', 'editor'] },
} satisfies Record<string, { name: string; unit: string; roles: MemberRole[] }>;
export type Person = keyof typeof TEAM;

export interface SignedTeam {
  doc: Y.Doc;
  keys: Record<Person, DeviceKeys>;
  /** One verdict cache for the test (real Ed25519 verification). */
  cache: SignatureCache;
  /** The governance of `doc` (or another copy) after every signature was checked. */
  gov: (doc?: Y.Doc) => Promise<Governance>;
  /** A signed step's context for a person, on the current governance of `doc`. */
  as: (who: Person, doc?: Y.Doc) => Promise<SignedStepContext>;
}

/** A workspace doc whose roster (genesis + members) is signed into its governance log. */
export async function signedTeam(people: Person[] = Object.keys(TEAM) as Person[]): Promise<SignedTeam> {
  const doc = new Y.Doc();
  const keys = {} as Record<Person, DeviceKeys>;
  for (const p of new Set<Person>(['owner', ...people])) keys[p] = await generateDeviceKeys();
  const member = (p: Person) => ({ key: keys[p].publicKey, agreementKey: keys[p].agreementKey, name: TEAM[p].name, unit: TEAM[p].unit, roles: TEAM[p].roles });
  const entries = [await signEntry(keys.owner, { ws: WS, kind: 'roster.genesis', at: ROSTER_AT, member: member('owner') })];
  let at = ROSTER_AT + 1;
  for (const p of people.filter((x) => x !== 'owner')) entries.push(await signEntry(keys.owner, { ws: WS, kind: 'roster.add', at: at++, member: member(p) }));
  for (const e of entries) appendEntry(doc, e, 'system');
  const cache = new SignatureCache({ yieldToUi: () => Promise.resolve() });
  const gov = async (d: Y.Doc = doc): Promise<Governance> => {
    const log = readLog(d);
    cache.request(log);
    await cache.settled();
    return deriveGovernance({ workspaceId: WS, trustedGenesisKey: keys.owner.publicKey, log, verdict: cache.verdict, now: Date.now() });
  };
  const as = async (who: Person, d: Y.Doc = doc): Promise<SignedStepContext> => ({ gov: await gov(d), signer: keys[who], name: TEAM[who].name });
  return { doc, keys, cache, gov, as };
}

/** A statement written by `author` (their key is its creator and last editor). */
export function statementBy(t: SignedTeam, author: Person, init: Partial<NewStatement> = {}, doc: Y.Doc = t.doc) {
  const id = createStatement(doc, { title: '初步聲明', kind: 'holding', language: 'zh-TW', by: TEAM[author].name, byKey: t.keys[author].publicKey, body: '第一段文字。\n第二段文字。', ...init }, 'user');
  return { id, rec: getStatement(doc, id)! };
}

/** Signs any governance payload as a person and appends it (bypassing the workflow's checks). */
export async function appendSigned(t: SignedTeam, who: Person, payload: UnsignedPayload, doc: Y.Doc = t.doc): Promise<void> {
  appendEntry(doc, await signEntry(t.keys[who], payload), 'user');
}
