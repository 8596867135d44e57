import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { exportPlaybook, importPlaybook, PlaybookImportError } from '../../../shared/playbook/accessors';
import { seedWorkspace } from '../../../shared/playbook/seed';
import { duplicateLevels, nextFreeLevel } from '../../../shared/playbook/severityLevels';

// Issue 13, item 3: two severity levels could share a number (incidents store only the number).

describe('severity numbers', () => {
  it('finds every number used more than once, with the positions that use it', () => {
    expect(duplicateLevels([{ level: 1 }, { level: 2 }, { level: 1 }, { level: 3 }, { level: 2 }, { level: 1 }])).toEqual([
      { level: 1, indexes: [0, 2, 5] },
      { level: 2, indexes: [1, 4] },
    ]);
    expect(duplicateLevels([{ level: 1 }, { level: 2 }, { level: 'x' }, {}])).toEqual([]);
  });

  it('a new level takes the number after the highest (not the count, which may be taken)', () => {
    expect(nextFreeLevel([{ level: 1 }, { level: 4 }])).toBe(5);
    expect(nextFreeLevel([])).toBe(1);
  });

  it('an imported playbook with a duplicate number is refused, nothing written, the issue keyed for translation', () => {
    const src = new Y.Doc();
    seedWorkspace(src, 'zh-TW');
    const file = exportPlaybook(src);
    file.severities[1]!.level = file.severities[0]!.level;
    const target = new Y.Doc();
    seedWorkspace(target, 'zh-TW');
    const before = Y.encodeStateAsUpdate(target);
    let error: unknown;
    try {
      importPlaybook(target, JSON.stringify(file));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PlaybookImportError);
    const issues = (error as PlaybookImportError).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'severities[1].level', code: 'duplicateLevel', params: { level: file.severities[0]!.level } });
    expect(Y.encodeStateAsUpdate(target)).toEqual(before);
  });
});
