/**
 * Global search (Ctrl+K) over a workspace: playbook, statements, incidents, decisions, people and
 * drills. Matching is by substring of the normalized text (NFKC, lower case), so Chinese without
 * spaces matches anywhere inside a word — "退款" finds "全額退款" — and so do Latin prefixes and
 * e-mail fragments. Several terms (separated by spaces) must all match. Ranked: a match in the
 * title before a match in the text, the start of the title before its middle, fewer characters
 * of title around the match before more, then by kind.
 *
 * Entries are kept per source and per record (`setRecord`), so a change to one statement
 * replaces only that statement's entries (shared/search/tracker.ts).
 */

export const SEARCH_KINDS = ['statement', 'incident', 'decision', 'playbook', 'person', 'unit', 'drill'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchEntry {
  /** Unique within the index (e.g. `statement:<id>`). */
  key: string;
  kind: SearchKind;
  title: string;
  /** Searchable text besides the title (may be long: a statement's body). */
  text: string;
  /** Where the app shows it: the section and the sub-path (e.g. ['statements', id]). */
  path: string[];
  /** A short line of context shown under the title (e.g. the unit of a person). */
  context?: string;
}

export interface SearchHit {
  entry: SearchEntry;
  score: number;
  /** Text around the first match in the body ('' when the title matched). */
  snippet: string;
}

interface Indexed {
  entry: SearchEntry;
  title: string;
  text: string;
}

/** NFKC + lower case: full-width Latin and digits match their ASCII forms, case is ignored. */
export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** The query's terms (split at white space, normalized, duplicates dropped). */
export function queryTerms(query: string): string[] {
  return [...new Set(normalize(query).split(/\s+/u).filter(Boolean))];
}

const KIND_RANK: Record<SearchKind, number> = { statement: 0, incident: 1, decision: 2, playbook: 3, person: 4, unit: 5, drill: 6 };
const SNIPPET_BEFORE = 16;
const SNIPPET_AFTER = 48;

export class SearchIndex {
  /** source → record id → its entries. */
  private readonly bySource = new Map<string, Map<string, Indexed[]>>();
  private flat: Indexed[] | null = null;

  /** Replaces the entries of one record of a source (none: the record is gone). */
  setRecord(source: string, recordId: string, entries: readonly SearchEntry[]): void {
    let records = this.bySource.get(source);
    if (!records) this.bySource.set(source, (records = new Map()));
    if (entries.length === 0) records.delete(recordId);
    else records.set(recordId, entries.map((entry) => ({ entry, title: normalize(entry.title), text: normalize(entry.text) })));
    this.flat = null;
  }

  /** Drops every record of a source not in `keep`. */
  retain(source: string, keep: ReadonlySet<string>): void {
    const records = this.bySource.get(source);
    if (!records) return;
    for (const id of [...records.keys()]) if (!keep.has(id)) records.delete(id);
    this.flat = null;
  }

  get size(): number {
    return this.all().length;
  }

  search(query: string, limit = 40): SearchHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const hits: SearchHit[] = [];
    for (const item of this.all()) {
      let score = 0;
      let firstTextAt = -1;
      let firstTerm = '';
      let ok = true;
      for (const term of terms) {
        const inTitle = item.title.indexOf(term);
        if (inTitle >= 0) {
          score += inTitle === 0 ? 100 : 60;
          continue;
        }
        const inText = item.text.indexOf(term);
        if (inText < 0) {
          ok = false;
          break;
        }
        score += 20;
        if (firstTextAt < 0) {
          firstTextAt = inText;
          firstTerm = term;
        }
      }
      if (!ok) continue;
      // Shorter titles match more exactly; kinds break ties.
      score -= Math.min(item.title.length, 60) / 10 + KIND_RANK[item.entry.kind] / 100;
      hits.push({ entry: item.entry, score, snippet: firstTextAt < 0 ? '' : snippetOf(item.entry.text, item.text, firstTextAt, firstTerm.length) });
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit);
  }

  private all(): Indexed[] {
    if (!this.flat) {
      const out: Indexed[] = [];
      for (const records of this.bySource.values()) for (const entries of records.values()) out.push(...entries);
      this.flat = out;
    }
    return this.flat;
  }
}

/**
 * The original text around a match found in its normalized form. NFKC can change lengths
 * (rarely: ligatures, some compatibility characters), so the window is clamped, never exact.
 */
function snippetOf(original: string, normalized: string, at: number, length: number): string {
  const scale = normalized.length > 0 ? original.length / normalized.length : 1;
  const start = Math.max(0, Math.floor(at * scale) - SNIPPET_BEFORE);
  const end = Math.min(original.length, Math.ceil((at + length) * scale) + SNIPPET_AFTER);
  const text = original.slice(start, end).replace(/\s+/gu, ' ').trim();
  return `${start > 0 ? '…' : ''}${text}${end < original.length ? '…' : ''}`;
}
