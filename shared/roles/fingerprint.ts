import { PHASES, RACI_ROLES, rowRoleIndex, type RaciRole, type RoleMap } from './types.js';

/**
 * A short fingerprint of what the printed map shows (units, people and their contacts,
 * crisis types, first responders, roles). Printed in the poster's header and shown in the app,
 * so anyone at the wall can tell whether the poster still matches the map.
 *
 * The hash runs over the parts (below) joined by U+0002, fed as they come rather than built as
 * one string: the roles part has one entry per crisis type × phase × unit (6.5 million at 100×,
 * nearly all empty), so the joined text alone was most of the time the poster took (issue 14).
 * The value is the same as the joined text's, so posters printed before still match.
 */
export function mapFingerprint(map: RoleMap): string {
  const cached = fingerprints.get(map);
  if (cached !== undefined) return cached;
  // FNV-1a, two 32-bit lanes with different offsets for 64 bits of spread.
  const h = { a: 0x811c9dc5, b: 0x01000193 ^ 0x5bd1e995, first: true };
  for (const u of map.units) {
    part(h, `U${u.id}\u0001${u.name}\u0001${u.abbr}\u0001${u.kind}`);
    for (const m of u.members) part(h, `M${m.id}\u0001${m.name}\u0001${m.phone}\u0001${m.email}\u0001${m.isKey}\u0001${m.keyRoleName}\u0001${m.backupMemberId}`);
  }
  const rows = rowRoleIndex(map);
  const units = map.units;
  for (const ct of map.crisisTypes) {
    part(h, `C${ct.id}\u0001${ct.name}\u0001${ct.firstResponderUnitId}`);
    for (const phase of PHASES) {
      // One part per unit: its role in this row, or '' (a separator alone).
      const row = rows.get(`${ct.id}|${phase}`);
      if (row) {
        const roleOf = new Map<string, RaciRole>();
        for (const r of RACI_ROLES) for (const u of row[r]) roleOf.set(u.id, r);
        for (const u of units) part(h, roleOf.get(u.id) ?? '');
        continue;
      }
      // The common case at scale (rows nobody mapped yet): a run of separators, in a tight loop.
      let { a, b } = h;
      let n = units.length;
      if (n > 0 && h.first) {
        h.first = false;
        n--;
      }
      for (let k = 0; k < n; k++) {
        a = Math.imul(a ^ 2, FNV_PRIME) >>> 0;
        b = Math.imul(b ^ 2, FNV_PRIME_B) >>> 0;
      }
      h.a = a;
      h.b = b;
    }
  }
  const out = (h.a.toString(16).padStart(8, '0') + h.b.toString(16).padStart(8, '0')).slice(0, 10).toUpperCase();
  fingerprints.set(map, out);
  return out;
}

/** The fingerprint of `map` if it was computed already (a caller may show it later rather than wait). */
export function knownFingerprint(map: RoleMap): string | undefined {
  return fingerprints.get(map);
}

/** Keeps `fingerprint`, computed elsewhere (a worker) from the same map, as `map`'s. */
export function rememberFingerprint(map: RoleMap, fingerprint: string): void {
  fingerprints.set(map, fingerprint);
}

const FNV_PRIME = 0x01000193;
const FNV_PRIME_B = 0x01000193 + 2;
const fingerprints = new WeakMap<RoleMap, string>();

/** Feeds one part: the separator U+0002 before every part but the first, then its text. */
function part(h: { a: number; b: number; first: boolean }, text: string): void {
  let { a, b } = h;
  if (!h.first) {
    a = Math.imul(a ^ 2, FNV_PRIME) >>> 0;
    b = Math.imul(b ^ 2, FNV_PRIME_B) >>> 0;
  }
  h.first = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME) >>> 0;
    b = Math.imul(b ^ c, FNV_PRIME_B) >>> 0;
  }
  h.a = a;
  h.b = b;
}
