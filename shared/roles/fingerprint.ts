import { cellKey, PHASES, type RoleMap } from './types.js';

/**
 * A short fingerprint of what the printed map shows (units, people and their contacts,
 * crisis types, first responders, roles). Printed in the poster's header and shown in the app,
 * so anyone at the wall can tell whether the poster still matches the map.
 */
export function mapFingerprint(map: RoleMap): string {
  const parts: string[] = [];
  for (const u of map.units) {
    parts.push(`U${u.id}\u0001${u.name}\u0001${u.abbr}\u0001${u.kind}`);
    for (const m of u.members) parts.push(`M${m.id}\u0001${m.name}\u0001${m.phone}\u0001${m.email}\u0001${m.isKey}\u0001${m.keyRoleName}\u0001${m.backupMemberId}`);
  }
  for (const ct of map.crisisTypes) {
    parts.push(`C${ct.id}\u0001${ct.name}\u0001${ct.firstResponderUnitId}`);
    for (const phase of PHASES) for (const u of map.units) parts.push(map.cells.get(cellKey(ct.id, phase, u.id)) ?? '');
  }
  // FNV-1a, two 32-bit lanes with different offsets for 64 bits of spread.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const text = parts.join('\u0002');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return (a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')).slice(0, 10).toUpperCase();
}
