import { describe, expect, it } from 'vitest';
import { readRoleMap, updateMember, updateUnit } from '../../../shared/roles/roleMap';
import { escapeText, exportVCards, foldLine } from '../../../shared/roles/vcard';
import { smallMap } from './fixture';

const labels = { backup: '代理人', handle: '通訊軟體', keyRole: '關鍵角色', category: '危機處理小組' };
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('vCard export', () => {
  it('escapes backslash, comma, semicolon and newlines', () => {
    expect(escapeText('a\\b,c;d\ne\r\nf')).toBe('a\\\\b\\,c\\;d\\ne\\nf');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `NOTE:${'危機處理'.repeat(30)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(line);
    expect(folded).not.toContain('\uFFFD');
    expect(foldLine('FN:short')).toBe('FN:short');
  });

  it('writes one card per member with ORG = unit, contacts, backup and CRLF line ends', () => {
    const { doc, units, people } = smallMap();
    updateUnit(doc, units.pr, { name: '公關部; 品牌, 對外' }, 'user');
    updateMember(doc, units.pr, people[units.pr]![0]!, { title: '經理', keyRole: '發言人', handle: 'LINE: chen_pr' }, 'user');
    const text = exportVCards(readRoleMap(doc), labels);
    const cards = text.split('BEGIN:VCARD\r\n').slice(1);
    expect(cards).toHaveLength(6);
    expect(text.split('\r\n').filter((l) => l === 'END:VCARD')).toHaveLength(6);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    const chen = unfold(cards.find((c) => c.includes('FN:陳志豪'))!);
    expect(chen).toContain('VERSION:4.0\r\n');
    expect(chen).toContain('ORG:公關部\\; 品牌\\, 對外\r\n');
    expect(chen).toContain('TITLE:經理\r\n');
    expect(chen).toContain('ROLE:發言人\r\n');
    expect(chen).toContain('TEL;TYPE=work,voice;VALUE=text:0912-000-000\r\n');
    expect(chen).toContain('EMAIL;TYPE=work:p0@example.com\r\n');
    expect(chen).toContain(`UID:urn:uuid:${people[units.pr]![0]}\r\n`);
    expect(chen).toContain(`RELATED;TYPE=contact:urn:uuid:${people[units.pr]![1]}\r\n`);
    expect(chen).toContain('NOTE:關鍵角色: 發言人\\n通訊軟體: LINE: chen_pr\\n代理人: 張雅婷 (0912-000-001 / p1@example.com)\r\n');
    expect(chen).toMatch(/REV:\d{8}T\d{6}Z\r\n/);
  });

  it('exports only the chosen units', () => {
    const { doc, units } = smallMap();
    const text = exportVCards(readRoleMap(doc), labels, new Set([units.legal]));
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(text).toContain('ORG:法務部');
    expect(text).not.toContain('ORG:客服部');
  });
});
