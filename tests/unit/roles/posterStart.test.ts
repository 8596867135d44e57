import { describe, expect, it } from 'vitest';
import { layoutPoster, layoutPosterStart } from '../../../shared/roles/poster';
import { readRoleMap } from '../../../shared/roles/roleMap';
import { buildSampleMap } from './sampleMap';
import { NOW, POSTER_LABELS } from './fixture';

const LABELS = POSTER_LABELS['zh-TW'];

/** The preview's first sheets (issue 14, P16): laid out alone, the same as the whole layout's. */
describe('poster: the first sheets before the whole layout', () => {
  it('gives exactly the first pages of the whole layout of a large map, A4 and A3', () => {
    const { doc } = buildSampleMap({ units: 40, crisisTypes: 120, language: 'zh-TW', reviewedAt: NOW - 86400000 });
    const map = readRoleMap(doc);
    for (const paper of ['A4', 'A3'] as const) {
      const whole = layoutPoster({ map, labels: LABELS, paper, now: NOW });
      const start = layoutPosterStart({ map, labels: LABELS, paper, now: NOW }, 3);
      expect(start).not.toBeNull();
      expect(start!.pages).toHaveLength(3);
      expect(start!.geometry).toEqual(whole.geometry);
      expect(start!.pages).toEqual(whole.pages.slice(0, 3));
    }
  });

  it('with chosen crisis types, only those', () => {
    const { doc } = buildSampleMap({ units: 20, crisisTypes: 160, language: 'zh-TW', reviewedAt: NOW - 86400000 });
    const map = readRoleMap(doc);
    const ids = new Set(map.crisisTypes.filter((_, i) => i % 2 === 0).map((c) => c.id));
    const whole = layoutPoster({ map, labels: LABELS, paper: 'A4', now: NOW, crisisTypeIds: ids });
    const start = layoutPosterStart({ map, labels: LABELS, paper: 'A4', now: NOW, crisisTypeIds: ids }, 2);
    expect(start!.pages).toEqual(whole.pages.slice(0, 2));
  });

  it('is null for a map of a few pages (its type size may differ; the whole layout is quick)', () => {
    const { doc } = buildSampleMap({ units: 12, crisisTypes: 12, language: 'zh-TW', reviewedAt: NOW - 86400000 });
    expect(layoutPosterStart({ map: readRoleMap(doc), labels: LABELS, paper: 'A4', now: NOW }, 3)).toBeNull();
  });
});
