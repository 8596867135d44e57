import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { exportPlaybook, importPlaybook, PlaybookImportError } from '../../../shared/playbook/accessors';
import { PlaybookFileSchema, withoutUnknownUnitReferences, type PlaybookFile } from '../../../shared/playbook/schema';
import { seedWorkspace } from '../../../shared/playbook/seed';
import { removeUnit } from '../../../shared/roles/roleMap';
import { checkPlaybookBytes, type ImportStage } from '../../../renderer/features/playbook/playbookCheck';

function exported(): { doc: Y.Doc; file: PlaybookFile } {
  const doc = new Y.Doc();
  seedWorkspace(doc, 'zh-TW');
  return { doc, file: structuredClone(exportPlaybook(doc)) };
}

const pathsOf = (result: ReturnType<typeof PlaybookFileSchema.safeParse>) => (result.success ? [] : result.error.issues.map((i) => i.path.join('.')));

describe('unit references in an imported playbook', () => {
  it('refuses a crisis type, step or escalation that names a unit the file does not have, with each path', () => {
    const { file } = exported();
    expect(PlaybookFileSchema.safeParse(file).success).toBe(true);
    file.crisisTypes[0]!.steps[1]!.ownerUnitId = 'no-such-unit';
    file.crisisTypes[2]!.escalation[0]!.unitId = 'gone';
    file.crisisTypes[3]!.firstResponderUnitId = 'nobody';
    const result = PlaybookFileSchema.safeParse(file);
    expect(pathsOf(result)).toEqual(['crisisTypes.0.steps.1.ownerUnitId', 'crisisTypes.2.escalation.0.unitId', 'crisisTypes.3.firstResponderUnitId']);
    expect(!result.success && result.error.issues[0]!.message).toBe('unit "no-such-unit" is not among the file\'s units');
  });

  it('reports dangling references together with other problems, in one pass', () => {
    const { file } = exported();
    file.crisisTypes[1]!.steps[0]!.targetMinutes = -5;
    file.crisisTypes[0]!.firstResponderUnitId = 'ghost';
    expect(pathsOf(PlaybookFileSchema.safeParse(file))).toEqual(['crisisTypes.1.steps.0.targetMinutes', 'crisisTypes.0.firstResponderUnitId']);
  });

  it('accepts empty references (not chosen yet) and leaves the document untouched when refusing', () => {
    const { doc, file } = exported();
    file.crisisTypes[0]!.firstResponderUnitId = '';
    file.crisisTypes[0]!.steps[0]!.ownerUnitId = '';
    expect(PlaybookFileSchema.safeParse(file).success).toBe(true);
    file.crisisTypes[0]!.steps[0]!.ownerUnitId = 'ghost';
    const before = Y.encodeStateVector(doc);
    expect(() => importPlaybook(doc, file)).toThrow(PlaybookImportError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('exports of a workspace whose unit was removed clear the stale references, so the file imports again', () => {
    const { doc } = exported();
    const unitId = exportPlaybook(doc).crisisTypes[0]!.steps[0]!.ownerUnitId;
    removeUnit(doc, unitId, 'user');
    const raw = exportPlaybook(doc);
    expect(PlaybookFileSchema.safeParse(raw).success).toBe(false);
    const clean = withoutUnknownUnitReferences(raw);
    expect(PlaybookFileSchema.safeParse(clean).success).toBe(true);
    expect(clean.crisisTypes[0]!.steps[0]!.ownerUnitId).toBe('');
    const other = new Y.Doc();
    expect(importPlaybook(other, JSON.stringify(clean)).crisisTypes).toBe(clean.crisisTypes.length);
  });
});

describe('checking an imported file (what the worker runs)', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('decodes, parses and validates, reporting each stage', () => {
    const { file } = exported();
    const stages: ImportStage[] = [];
    const result = checkPlaybookBytes(bytes('\uFEFF' + JSON.stringify(file)), (s) => stages.push(s));
    expect(stages).toEqual(['decode', 'parse', 'validate']);
    expect(result).toMatchObject({ ok: true, crisisTypes: file.crisisTypes.length, units: file.units.length });
    expect(result.ok && JSON.parse(result.text)).toEqual(file);
  });

  it('says why a file is refused: not UTF-8, not JSON, or invalid with paths', () => {
    expect(checkPlaybookBytes(new Uint8Array([0x7b, 0xb2, 0xa3, 0x7d]))).toEqual({ ok: false, reason: 'notUtf8' });
    expect(checkPlaybookBytes(bytes('{"version": 1,'))).toMatchObject({ ok: false, reason: 'notJson' });
    const { file } = exported();
    file.crisisTypes[0]!.steps[0]!.ownerUnitId = 'ghost';
    const invalid = checkPlaybookBytes(bytes(JSON.stringify(file)));
    expect(invalid.ok === false && invalid.reason === 'invalid' && invalid.issues.map((i) => i.path)).toEqual(['crisisTypes[0].steps[0].ownerUnitId']);
  });
});
