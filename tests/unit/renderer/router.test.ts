import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../renderer/app/router';

describe('hash routes', () => {
  it('parses workspace sections, sub-paths and queries', () => {
    const r = parseRoute('#/w/abc-1/roles/print?size=A3');
    expect(r.workspaceId).toBe('abc-1');
    expect(r.section).toBe('roles');
    expect(r.rest).toEqual(['print']);
    expect(r.params.get('size')).toBe('A3');
  });
  it('falls back to the workspace list and knows settings', () => {
    expect(parseRoute('').page).toBe('workspaces');
    expect(parseRoute('#/settings').page).toBe('settings');
    expect(parseRoute('#/w/').workspaceId).toBeNull();
  });
  it('decodes encoded parts', () => {
    expect(parseRoute('#/w/a%2Fb/playbook').workspaceId).toBe('a/b');
  });
});
