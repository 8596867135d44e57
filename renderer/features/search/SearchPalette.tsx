import { useDeferredValue, useEffect, useMemo, useState, type ReactElement } from 'react';
import { Command } from 'cmdk';
import { useTranslation } from 'react-i18next';
import { SEARCH_KINDS, type SearchHit, type SearchKind } from '../../../shared/search/searchIndex';
import { navigate, workspacePath } from '../../app/router';
import { useWorkspaceId } from '../../workspace/useWorkspace';
import { currentSearch, installSearch, useSearchPalette } from './searchService';
import './search.css';

/**
 * The top bar's search button and the Ctrl+K command palette (cmdk): results from the whole
 * workspace, grouped by kind, ranked (shared/search); Enter or a click jumps to the item.
 */
export function SearchPalette(): ReactElement | null {
  const { t } = useTranslation('search');
  const workspaceId = useWorkspaceId();
  const open = useSearchPalette((s) => s.open);
  const setOpen = useSearchPalette((s) => s.setOpen);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  useEffect(() => installSearch(), []);
  useEffect(() => {
    if (!open) setQuery('');
  }, [open]);

  const hits = useMemo(() => (open && deferred.trim() ? (currentSearch()?.search(deferred, 60) ?? []) : []), [open, deferred]);
  const groups = useMemo(() => {
    const by = new Map<SearchKind, SearchHit[]>();
    for (const h of hits) {
      const list = by.get(h.entry.kind);
      if (list) list.push(h);
      else by.set(h.entry.kind, [h]);
    }
    // Groups in the order of their best hit.
    return [...by.entries()].sort((a, b) => b[1][0]!.score - a[1][0]!.score || SEARCH_KINDS.indexOf(a[0]) - SEARCH_KINDS.indexOf(b[0]));
  }, [hits]);

  if (!workspaceId) return null;
  const go = (h: SearchHit) => {
    setOpen(false);
    navigate(workspacePath(workspaceId, ...h.entry.path));
  };
  return (
    <>
      <button type="button" className="search-open" onClick={() => setOpen(true)} data-testid="search-open" aria-keyshortcuts="Control+K">
        {t('open')} <kbd>{t('shortcut')}</kbd>
      </button>
      <Command.Dialog open={open} onOpenChange={setOpen} label={t('label')} shouldFilter={false} className="search-palette" overlayClassName="search-overlay" contentClassName="search-content" data-testid="search-palette">
        <Command.Input value={query} onValueChange={setQuery} placeholder={t('placeholder')} aria-label={t('label')} data-testid="search-input" />
        {hits.length > 0 && (
          <p className="search-count muted" aria-live="polite">
            {t('count', { count: hits.length })}
          </p>
        )}
        <Command.List>
          {query.trim() === '' && <p className="search-hint muted">{t('hint')}</p>}
          {deferred.trim() !== '' && hits.length === 0 && <Command.Empty>{t('empty', { query: deferred.trim() })}</Command.Empty>}
          {groups.map(([kind, list]) => (
            <Command.Group key={kind} heading={t(`kinds.${kind}`)}>
              {list.map((h) => (
                <Command.Item key={h.entry.key} value={h.entry.key} onSelect={() => go(h)} data-testid="search-hit" data-kind={kind}>
                  <span className="search-title">{h.entry.title || '—'}</span>
                  {h.entry.context && <span className="search-context muted">{h.entry.context}</span>}
                  {h.snippet && <span className="search-snippet muted">{h.snippet}</span>}
                </Command.Item>
              ))}
            </Command.Group>
          ))}
        </Command.List>
      </Command.Dialog>
    </>
  );
}
