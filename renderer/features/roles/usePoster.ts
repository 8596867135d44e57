import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { mapFingerprint } from '../../../shared/roles/fingerprint';
import { layoutPoster, PAPERS, type Paper, type PosterLayout, type PosterLabels } from '../../../shared/roles/poster';
import { countIssues } from '../../../shared/roles/validate';
import { useYSnapshot } from '../../hooks/useY';
import type { PosterHeader } from './Poster';
import { usePosterLabels } from './Poster';
import { useIssues, useNow, useRoleMap } from './useRoleMap';

/** Poster options carried in the route's query: `size=A4|A3`, `types=<id>,<id>` (default all). */
export function posterOptions(params: URLSearchParams): { paper: Paper; types: string[] | null } {
  const size = params.get('size');
  const paper: Paper = (PAPERS as readonly string[]).includes(size ?? '') ? (size as Paper) : 'A4';
  const types = params.get('types');
  return { paper, types: types ? types.split(',').filter(Boolean) : null };
}

export function posterQuery(paper: Paper, types: string[] | null): string {
  const q = new URLSearchParams({ size: paper });
  if (types) q.set('types', types.join(','));
  return q.toString();
}

/** Everything the poster needs, recomputed when the map, the language or the options change. */
export function usePoster(doc: Y.Doc, paper: Paper, types: string[] | null): { layout: PosterLayout; labels: PosterLabels; header: PosterHeader } {
  const { i18n } = useTranslation('roles');
  const map = useRoleMap(doc);
  const now = useNow();
  const { issues } = useIssues(map, now);
  const labels = usePosterLabels();
  const workspace = useYSnapshot(metaOf(doc), (m) => String(m.get('name') ?? '')) ?? '';
  const typeKey = types?.join(',') ?? '';
  const layout = useMemo(
    () => layoutPoster({ map, labels, paper, now, ...(typeKey ? { crisisTypeIds: new Set(typeKey.split(',')) } : {}) }),
    // labels is rebuilt every render; its content changes only with the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [map, paper, now, typeKey, i18n.language],
  );
  const header: PosterHeader = {
    workspace,
    fingerprint: mapFingerprint(map),
    printedAt: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(now),
    openErrors: countIssues(issues).error,
  };
  return { layout, labels, header };
}
