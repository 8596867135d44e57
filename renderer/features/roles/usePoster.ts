import { useEffect, useReducer } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { knownFingerprint, mapFingerprint, rememberFingerprint } from '../../../shared/roles/fingerprint';
import { layoutPoster, layoutPosterStart, PAPERS, type Paper, type PosterLayout, type PosterLabels } from '../../../shared/roles/poster';
import { afterPaint } from '../../hooks/useProgressive';
import { posterInBackground } from './posterBackground';
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
const starts = new WeakMap<RoleMap, { key: string; layout: PosterLayout | null }>();

/** Sheets the preview shows before the whole map is laid out. */
const START_SHEETS = 3;

/**
 * Everything the poster needs, recomputed when the map, the language or the options change.
 * `checked`: the map, time and issues the roles page already has (validating a 100× map twice
 * cost a visible pause); without it the poster reads and checks the map itself.
 *
 * `firstSheets` (the preview): when this layout is not known yet, the first sheets are laid out
 * alone (`layoutPosterStart`) and shown, and the whole layout and the fingerprint follow after
 * that frame is painted (issue 14, P16: both took a visible pause at 100×); `partial` says the
 * layout is not whole yet (both are computed in a worker: ./posterBackground.ts). Without it (the
 * print view) everything is laid out at once.
 */
export function usePoster(
  doc: Y.Doc,
  paper: Paper,
  types: string[] | null,
  checked?: { map: RoleMap; now: number; issues: RoleIssue[] },
  firstSheets = false,
): { layout: PosterLayout; labels: PosterLabels; header: PosterHeader; partial: boolean } {
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
  // The last layout of this snapshot is kept (going back to the poster redoes nothing).
  const key = [paper, now, typeKey, i18n.language].join('|');
  const input = () => ({ map, labels, paper, now, ...(typeKey ? { crisisTypeIds: new Set(typeKey.split(',')) } : {}) });
  const whole = () => {
    const hit = layouts.get(map);
    if (hit?.key === key) return hit.layout;
    const fresh = layoutPoster(input());
    layouts.set(map, { key, layout: fresh });
    return fresh;
  };
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const known = layouts.get(map)?.key === key ? layouts.get(map)!.layout : null;
  const fingerprint = firstSheets ? knownFingerprint(map) : mapFingerprint(map);
  let layout = known;
  if (!layout && firstSheets) {
    const hit = starts.get(map);
    if (hit?.key === key) layout = hit.layout;
    else {
      layout = layoutPosterStart(input(), START_SHEETS);
      starts.set(map, { key, layout });
    }
  }
  layout ??= whole();
  const partial = layouts.get(map)?.key !== key;
  useEffect(() => {
    if (!partial && fingerprint !== undefined) return;
    // After the first sheets are painted: the whole layout and the fingerprint, in a worker.
    let live = true;
    const cancel = afterPaint(() => {
      void posterInBackground(input()).then((r) => {
        if (layouts.get(map)?.key !== key) layouts.set(map, { key, layout: r.layout });
        rememberFingerprint(map, r.fingerprint);
        if (live) redraw();
      });
    });
    return () => {
      live = false;
      cancel();
    };
    // input() reads what key stands for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key, partial, fingerprint]);
  const header: PosterHeader = {
    workspace,
    fingerprint: fingerprint ?? '…',
    printedAt: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(now),
    openErrors: countIssues(issues).error,
  };
  return { layout, labels, header, partial };
}
