import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { write } from '../../../shared/doc/origins';
import { metaOf, playbookOf } from '../../../shared/doc/workspaceDoc';
import { readPlaybook } from '../../../shared/playbook/accessors';
import { seedWorkspace } from '../../../shared/playbook/seed';
import { sharedCrisisTypes, sharedSeverities, sharedUnits } from '../../../shared/playbook/sharedReads';
import { setText } from '../../../shared/playbook/textFields';

describe('shared reads of the playbook (one read per change of each part)', () => {
  it('equal readPlaybook, are the same arrays until their own part changes', () => {
    const doc = new Y.Doc();
    seedWorkspace(doc, 'zh-TW', Date.UTC(2025, 0, 1));
    const whole = readPlaybook(doc);
    const types = sharedCrisisTypes(doc);
    const levels = sharedSeverities(doc);
    const units = sharedUnits(doc);
    expect(types).toEqual(whole.crisisTypes);
    expect(levels).toEqual(whole.severities);
    expect(units).toEqual(whole.units);

    write(doc, 'user', () => metaOf(doc).set('name', 'x')); // none of them
    expect(sharedCrisisTypes(doc)).toBe(types);

    const first = playbookOf(doc).crisisTypes.get(types[0]!.id)!;
    setText(first, 'name', '改過的名字', 'user');
    const again = sharedCrisisTypes(doc);
    expect(again).not.toBe(types);
    expect(again[0]!.name).toBe('改過的名字');
    expect(sharedSeverities(doc)).toBe(levels);
    expect(sharedUnits(doc)).toBe(units);
  });
});
