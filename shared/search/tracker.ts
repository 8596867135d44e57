import * as Y from 'yjs';
import type { YRecord } from '../doc/collection.js';
import { SearchIndex, type SearchHit } from './searchIndex.js';
import { SEARCH_SOURCES, type SearchSource } from './sources.js';

/**
 * Keeps a {@link SearchIndex} of a workspace document current at the cost of what changed: each
 * root collection is observed deeply, a change marks only the records it touched, and those are
 * read again the next time someone searches (nothing is read while nobody searches). The first
 * search reads everything once.
 */
export class SearchTracker {
  readonly index = new SearchIndex();
  /** root → record ids to read again; `null`: read the whole root. */
  private readonly dirty = new Map<string, Set<string> | null>();
  private readonly unobserve: Array<() => void> = [];

  constructor(
    private readonly doc: Y.Doc,
    private readonly sources: readonly SearchSource[] = SEARCH_SOURCES,
  ) {
    for (const source of sources) {
      const root = doc.getMap<YRecord>(source.root);
      this.dirty.set(source.root, null);
      const onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => this.mark(source.root, root, events);
      root.observeDeep(onChange);
      this.unobserve.push(() => root.unobserveDeep(onChange));
    }
    // A person's entry shows their unit's name: a renamed unit marks its people too.
    this.linkMembersToUnits();
  }

  /** Records waiting to be read again (for tests and diagnostics). */
  get pending(): number {
    let n = 0;
    for (const ids of this.dirty.values()) n += ids === null ? Infinity : ids.size;
    return n;
  }

  search(query: string, limit?: number): SearchHit[] {
    this.refresh();
    return this.index.search(query, limit);
  }

  /** Reads again what changed since the last search. */
  refresh(): void {
    for (const source of this.sources) {
      const ids = this.dirty.get(source.root);
      if (ids === undefined) continue;
      this.dirty.delete(source.root);
      const root = this.doc.getMap<YRecord>(source.root);
      if (ids === null) {
        const seen = new Set<string>();
        for (const [id, rec] of root.entries()) {
          seen.add(id);
          this.read(source, id, rec);
        }
        this.index.retain(source.root, seen);
      } else {
        for (const id of ids) this.read(source, id, root.get(id));
      }
    }
  }

  destroy(): void {
    for (const off of this.unobserve.splice(0)) off();
  }

  private read(source: SearchSource, id: string, rec: unknown): void {
    this.index.setRecord(source.root, id, rec instanceof Y.Map ? source.entries(id, rec as YRecord, this.doc) : []);
  }

  private mark(rootName: string, root: Y.Map<YRecord>, events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void {
    const current = this.dirty.get(rootName);
    if (current === null) return; // the whole root is read anyway
    const ids = current ?? new Set<string>();
    for (const e of events) {
      if (e.target === root) for (const key of e.changes.keys.keys()) ids.add(key);
      else if (typeof e.path[0] === 'string') ids.add(e.path[0]);
    }
    this.dirty.set(rootName, ids);
  }

  private linkMembersToUnits(): void {
    const units = this.sources.find((s) => s.root === 'roles.units');
    const members = this.sources.find((s) => s.root === 'roles.members');
    if (!units || !members) return;
    const unitRoot = this.doc.getMap<YRecord>(units.root);
    const onUnits = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      const renamed = events.some((e) => e.target !== unitRoot && (e as Y.YMapEvent<unknown>).keysChanged?.has('name'));
      if (renamed) this.dirty.set(members.root, null);
    };
    unitRoot.observeDeep(onUnits);
    this.unobserve.push(() => unitRoot.unobserveDeep(onUnits));
  }
}
