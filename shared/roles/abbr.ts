import type { RoleUnit } from './types.js';

/**
 * Short unit labels for the poster's matrix cells. A unit's own `abbr` wins; otherwise one is
 * derived from the name: Chinese names lose a trailing 部/組/團隊… and keep up to four
 * characters (客服部 → 客服); other names become initials (Customer service → CS), keeping
 * acronyms (PR agency → PRA); a single word stays if short (Legal), else is cut (Marketing → Mark.). Collisions get a number.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const CJK_SUFFIXES = ['小組', '團隊', '部門', '中心', '小组', '团队', '部门', '部', '組', '组', '處', '处', '室', '課', '课'];

export function deriveAbbr(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (!n) return '?';
  if (CJK.test(n)) {
    const compact = n.replace(/\s/g, '');
    const suffix = CJK_SUFFIXES.find((s) => compact.endsWith(s) && [...compact].length - [...s].length >= 2);
    const stem = suffix ? compact.slice(0, compact.length - suffix.length) : compact;
    return [...stem].slice(0, 4).join('');
  }
  const words = n.split(/[\s/&,+-]+/).filter(Boolean);
  if (words.length === 1) {
    const chars = [...words[0]!];
    return chars.length <= 6 ? words[0]! : `${chars.slice(0, 4).join('')}.`;
  }
  const initials = words
    .filter((w) => !/^(and|of|the|for|de|&)$/i.test(w))
    .map((w) => (w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w) ? w : [...w][0]!.toUpperCase()))
    .join('');
  return [...initials].slice(0, 6).join('');
}

/** Label per unit id, unique across the map. */
export function unitAbbreviations(units: readonly Pick<RoleUnit, 'id' | 'name' | 'abbr'>[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  // Units with an explicit label claim it first, so a derived one never takes it.
  for (const u of units) if (u.abbr.trim()) used.add(u.abbr.trim());
  for (const u of units) {
    const own = u.abbr.trim();
    if (own) {
      out.set(u.id, own);
      continue;
    }
    const base = deriveAbbr(u.name);
    let label = base;
    for (let i = 2; used.has(label); i++) label = `${base}${i}`;
    used.add(label);
    out.set(u.id, label);
  }
  return out;
}
