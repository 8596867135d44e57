import { describe, expect, it } from 'vitest';
import { deriveAbbr, unitAbbreviations } from '../../../shared/roles/abbr';
import { layoutPoster, PAPER_MM, type Paper, type PosterLayout } from '../../../shared/roles/poster';
import { readRoleMap } from '../../../shared/roles/roleMap';
import { countTextLines, textWidthEm } from '../../../shared/roles/textMetrics';
import { buildSampleMap, type SampleLanguage } from './sampleMap';
import { NOW, POSTER_LABELS as LABELS } from './fixture';


function layout(units: number, crisisTypes: number, language: SampleLanguage, paper: Paper): PosterLayout {
  const { doc } = buildSampleMap({ units, crisisTypes, language, reviewedAt: NOW - 86400000 });
  return layoutPoster({ map: readRoleMap(doc), labels: LABELS[language], paper, now: NOW });
}

/** Height each page uses, recomputed from the layout's own numbers. */
function usedHeights(l: PosterLayout): number[] {
  const g = l.geometry;
  return l.pages.map((p) => {
    let used = 0;
    if (p.rows.length) used += g.legendMm + g.matrixHeadMm + p.rows.reduce((s, r) => s + r.heightMm, 0);
    if (p.directory.length) {
      used += (used > 0 ? g.sectionGapMm : 0) + g.dirHeadMm;
      used += Math.max(...p.directory.map((col) => col.reduce((s, b) => s + b.heightMm, 0)));
    }
    return used;
  });
}

describe('text estimates', () => {
  it('measures CJK as one em and Latin narrower', () => {
    expect(textWidthEm('危機')).toBe(2);
    expect(textWidthEm('ab')).toBeCloseTo(1.2);
    expect(countTextLines('', 10)).toBe(0);
    expect(countTextLines('危機處理小組', 3)).toBe(2);
    expect(countTextLines('Customer Service', 6)).toBe(2);
    // A long address breaks anywhere rather than overflowing.
    expect(countTextLines('someone.with.a.long.address@example.com.tw', 10)).toBeGreaterThan(2);
  });
});

describe('unit labels', () => {
  it('derives short, unique labels', () => {
    expect(deriveAbbr('客服部')).toBe('客服');
    expect(deriveAbbr('社群小組')).toBe('社群');
    expect(deriveAbbr('律師事務所')).toBe('律師事務');
    expect(deriveAbbr('Customer Service')).toBe('CS');
    expect(deriveAbbr('PR Agency')).toBe('PRA');
    expect(deriveAbbr('Legal')).toBe('Legal');
    const labels = unitAbbreviations([
      { id: 'a', name: '公關部', abbr: '' },
      { id: 'b', name: '公關', abbr: '' },
      { id: 'c', name: 'Whatever', abbr: '公關2' },
    ]);
    expect([...labels.values()]).toEqual(['公關', '公關3', '公關2']);
  });
});

describe('poster layout', () => {
  for (const language of ['zh-TW', 'en'] as const) {
    it(`fits 12 units × 12 crisis types on one page in ${language}, A4 and A3`, () => {
      for (const paper of ['A4', 'A3'] as const) {
        const l = layout(12, 12, language, paper);
        expect(l.pages).toHaveLength(1);
        expect(l.pages[0]!.rows).toHaveLength(12);
        expect(l.pages[0]!.directory.flat().filter((b) => !b.continued)).toHaveLength(12);
        expect(l.geometry.fitScale).toBeGreaterThanOrEqual(0.78);
      }
    });
  }

  it('splits 40 units × 12 crisis types over pages, the same for A4 and A3', () => {
    const a4 = layout(40, 12, 'zh-TW', 'A4');
    const a3 = layout(40, 12, 'zh-TW', 'A3');
    expect(a4.pages.length).toBeGreaterThan(1);
    expect(a3.pages.length).toBe(a4.pages.length);
    expect(a4.geometry.fitScale).toBe(1);
    expect(a3.geometry.fontPt / a4.geometry.fontPt).toBeCloseTo(420 / 297);
    expect(a4.pages.flatMap((p) => p.rows)).toHaveLength(12);
    expect(a4.pages.flatMap((p) => p.directory.flat().filter((b) => !b.continued).map((b) => b.name))).toEqual(readRoleMap(buildSampleMap({ units: 40, crisisTypes: 12, language: 'zh-TW' }).doc).units.map((u) => u.name));
    const available = PAPER_MM.A4.height - 2 * a4.geometry.marginMm - a4.geometry.headerMm;
    for (const used of usedHeights(a4)) expect(used).toBeLessThanOrEqual(available + 1e-9);
    // No page is cut needlessly: the next page's first block would not have fitted.
    expect(usedHeights(a4)[0]!).toBeGreaterThan(available * 0.7);
  });

  it('sets a small map in larger type, still on one page', () => {
    const small = layout(4, 2, 'zh-TW', 'A4');
    expect(small.pages).toHaveLength(1);
    expect(small.geometry.fitScale).toBeGreaterThan(1);
    expect(layout(12, 12, 'zh-TW', 'A4').geometry.fitScale).toBeLessThan(small.geometry.fitScale);
  });

  it('spreads the last page\'s directory evenly over both columns', () => {
    const l = layout(14, 3, 'zh-TW', 'A4');
    expect(l.pages).toHaveLength(1);
    const [left, right] = l.pages[0]!.directory.map((col) => col.reduce((s, b) => s + b.heightMm, 0));
    const tallestBlock = Math.max(...l.pages[0]!.directory.flat().map((b) => b.heightMm));
    expect(right).toBeGreaterThan(0);
    expect(Math.abs(left! - right!)).toBeLessThanOrEqual(tallestBlock);
  });

  it('many crisis types split the matrix itself', () => {
    const l = layout(8, 40, 'en', 'A4');
    const pagesWithRows = l.pages.filter((p) => p.rows.length > 0);
    expect(pagesWithRows.length).toBeGreaterThan(1);
    expect(pagesWithRows.flatMap((p) => p.rows)).toHaveLength(40);
    expect(l.pages.map((p) => p.number)).toEqual(l.pages.map((_, i) => i + 1));
  });

  it('lists role groups A first, then R, C, I, and the first responder with key person and backup', () => {
    const { doc } = buildSampleMap({ units: 12, crisisTypes: 2, language: 'zh-TW' });
    const l = layoutPoster({ map: readRoleMap(doc), labels: LABELS['zh-TW'], paper: 'A4', now: NOW });
    const row = l.pages[0]!.rows[0]!;
    for (const cell of row.phases) {
      expect(cell.groups[0]!.role).toBe('A');
      expect(cell.groups[0]!.units).toHaveLength(1);
      const order = cell.groups.map((g) => g.role);
      expect(order).toEqual([...order].sort((a, b) => 'ARCI'.indexOf(a) - 'ARCI'.indexOf(b)));
    }
    expect(row.firstResponder).toMatchObject({ name: '客服部', abbr: '客服', person: '陳志明', phone: '+886-2-21000-5000' });
  });

  it('prints only the chosen crisis types, and marks contacts due for review', () => {
    const { doc } = buildSampleMap({ units: 3, crisisTypes: 5, language: 'en', reviewedAt: NOW - 200 * 86400000 });
    const map = readRoleMap(doc);
    const l = layoutPoster({ map, labels: LABELS.en, paper: 'A3', now: NOW, crisisTypeIds: new Set([map.crisisTypes[2]!.id]) });
    expect(l.pages[0]!.rows.map((r) => r.name)).toEqual(['False rumour']);
    expect(l.pages[0]!.directory[0]![0]!.contacts.every((m) => m.reviewDue)).toBe(true);
  });
});
