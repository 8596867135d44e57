/** Matching what a person typed in a spreadsheet cell against the map's records. */

/** Compares names as people mean them: NFKC (full-width → half-width), trimmed, spaces collapsed, case-folded. */
export const norm = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Finds a record by id, then name, then other labels; reports ambiguity. */
export function lookup<T extends { id: string; name: string }>(items: readonly T[], value: string, labels: (t: T) => string[]): T | 'ambiguous' | undefined {
  const byId = items.find((t) => t.id === value.trim());
  if (byId) return byId;
  const v = norm(value);
  const byName = items.filter((t) => norm(t.name) === v);
  if (byName.length > 1) return 'ambiguous';
  if (byName[0]) return byName[0];
  const byLabel = items.filter((t) => labels(t).some((l) => l !== '' && norm(l) === v));
  if (byLabel.length > 1) return 'ambiguous';
  return byLabel[0];
}
