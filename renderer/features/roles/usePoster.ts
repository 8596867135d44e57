import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { mapFingerprint } from '../../../shared/roles/fingerprint';
import { layoutPoster, PAPERS, type Paper, type PosterLayout, type PosterLabels } from '../../../shared/roles/poster';
import type { RoleMap } from '../../../shared/roles/types';
import { countIssues, type RoleIssue } from '../../../shared/roles/validate';
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

const layouts = new WeakMap<RoleMap, { key: string; layout: PosterLayout }>();

/**
 * Everything the poster needs, recomputed when the map, the language or the options change.
 * `checked`: the map, time and issues the roles page already has (validating a 100× map twice
 * cost a visible pause); without it the poster reads and checks the map itself.
 */
export function usePoster(doc: Y.Doc, paper: Paper, types: string[] | null, checked?: { map: RoleMap; now: number; issues: RoleIssue[] }): { layout: PosterLayout; labels: PosterLabels; header: PosterHeader } {
  const { i18n } = useTranslation('roles');
  const ownMap = useRoleMap(doc);
  const ownNow = useNow();
  const own = useIssues(checked ? null : ownMap, ownNow);
  const map = checked?.map ?? ownMap;
  const now = checked?.now ?? ownNow;
  const issues = checked?.issues ?? own.issues;
  const labels = usePosterLabels();
  const workspace = useYSnapshot(metaOf(doc), (m) => String(m.get('name') ?? '')) ?? '';
  const typeKey = types?.join(',') ?? '';
  const layout = useMemo(
    () => {
      // The last layout of this snapshot is kept (going back to the poster redoes nothing).
      const key = [paper, now, typeKey, i18n.language].join('|');
      const hit = layouts.get(map);
      if (hit?.key === key) return hit.layout;
      const fresh = layoutPoster({ map, labels, paper, now, ...(typeKey ? { crisisTypeIds: new Set(typeKey.split(',')) } : {}) });
      layouts.set(map, { key, layout: fresh });
      return fresh;
    },
    // labels is rebuilt every render; its content changes only with the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [map, paper, now, typeKey, i18n.language],
  );
  const fingerprint = useMemo(() => mapFingerprint(map), [map]);
  const header: PosterHeader = {
    workspace,
    fingerprint,
    printedAt: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(now),
    openErrors: countIssues(issues).error,
  };
  return { layout, labels, header };
}
