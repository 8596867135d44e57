import { memberIndex } from './freshness.js';
import type { Member, RoleMap, RoleUnit } from './types.js';

/**
 * Contacts as vCard 4.0 (RFC 6350): one VCARD per member, ORG = unit, UTF-8, CRLF line ends,
 * text values escaped and long lines folded at 75 octets without splitting a character.
 */

/** Words the cards carry in the team's language (the NOTE line). */
export interface VCardLabels {
  /** e.g. "Backup" */
  backup: string;
  /** e.g. "Messaging" */
  handle: string;
  /** e.g. "Key role" */
  keyRole: string;
  /** CATEGORIES value, e.g. "Crisis team" */
  category: string;
}

/** Escapes a TEXT value: backslash, comma, semicolon and line breaks (RFC 6350 §3.4). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds one content line so no physical line exceeds 75 octets (continuations start with a space). */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function revOf(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** One member's vCard. */
export function memberVCard(member: Member, unit: RoleUnit, labels: VCardLabels, backup?: Member): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `UID:urn:uuid:${member.id}`];
  const name = member.name.trim() || '?';
  lines.push(`FN:${escapeText(name)}`);
  // The whole name as family name: splitting Chinese or Western names guesses wrong too often.
  lines.push(`N:${escapeText(name)};;;;`);
  lines.push(`ORG:${escapeText(unit.name)}`);
  if (member.title.trim()) lines.push(`TITLE:${escapeText(member.title.trim())}`);
  if (member.keyRoleName) lines.push(`ROLE:${escapeText(member.keyRoleName)}`);
  if (member.phone.trim()) lines.push(`TEL;TYPE=work,voice;VALUE=text:${escapeText(member.phone.trim())}`);
  if (member.email.trim()) lines.push(`EMAIL;TYPE=work:${escapeText(member.email.trim())}`);
  const notes: string[] = [];
  if (member.isKey) notes.push(`${labels.keyRole}: ${member.keyRoleName || '✓'}`);
  if (member.handle.trim()) notes.push(`${labels.handle}: ${member.handle.trim()}`);
  if (backup) {
    const how = [backup.phone.trim(), backup.email.trim()].filter(Boolean).join(' / ');
    notes.push(`${labels.backup}: ${backup.name}${how ? ` (${how})` : ''}`);
    lines.push(`RELATED;TYPE=contact:urn:uuid:${backup.id}`);
  }
  if (notes.length) lines.push(`NOTE:${escapeText(notes.join('\n'))}`);
  lines.push(`CATEGORIES:${escapeText(labels.category)}`);
  if (member.reviewedAt !== null) lines.push(`REV:${revOf(member.reviewedAt)}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Every member of the map (optionally of some units only) as one .vcf text. */
export function exportVCards(map: Pick<RoleMap, 'units'>, labels: VCardLabels, unitIds?: ReadonlySet<string>): string {
  const index = memberIndex(map);
  let out = '';
  for (const unit of map.units) {
    if (unitIds && !unitIds.has(unit.id)) continue;
    for (const member of unit.members) {
      const backup = member.backupMemberId && member.backupMemberId !== member.id ? index.get(member.backupMemberId)?.member : undefined;
      out += memberVCard(member, unit, labels, backup);
    }
  }
  return out;
}
