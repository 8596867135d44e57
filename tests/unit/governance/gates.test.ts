import { describe, expect, it } from 'vitest';
import { deriveOverrides, releaseGates, type GateFlags } from '../../../shared/governance/gates';
import { deriveIncident, deriveIncidents } from '../../../shared/governance/incidents';
import { settledGov, signed, T0, team } from './helpers';

const CLEAN: GateFlags = { placeholders: 0, lintErrors: 0, factConflicts: 0, unresolvedRequiredComments: 0, drill: false };
const S = 'stmt-1';

describe('release gates', () => {
  it('blocks nothing for a clean real statement', () => {
    const r = releaseGates(CLEAN);
    expect(r.blocksApproval).toEqual([]);
    expect(r.blocksRelease).toEqual([]);
    expect(r.gates.every((g) => !g.failing)).toBe(true);
  });

  it('blocks approval and release for each failing gate; a drill blocks release only', () => {
    const r = releaseGates({ placeholders: 2, lintErrors: 1, factConflicts: 3, unresolvedRequiredComments: 1, drill: true });
    expect(r.blocksApproval).toEqual(['placeholders', 'lint', 'facts', 'comments']);
    expect(r.blocksRelease).toEqual(['placeholders', 'lint', 'facts', 'comments', 'drill']);
    expect(r.gates.find((g) => g.gate === 'facts')!.count).toBe(3);
    expect(releaseGates({ ...CLEAN, drill: true })).toMatchObject({ blocksApproval: [], blocksRelease: ['drill'] });
  });

  it('lifts a gate with a valid owner override, never the drill gate, never by a non-owner', async () => {
    const { keys, entries } = await team({ editor: ['editor'], deputy: ['owner'] });
    const o = keys.owner!;
    const ov = (k: typeof o, gate: 'placeholders' | 'lint' | 'facts' | 'comments' | 'drill', at: number, statementId = S) =>
      signed(k, { kind: 'override', at, statementId, gate, reason: '客戶姓名依法不公開' });
    const log = [
      ...entries,
      await ov(o, 'placeholders', T0 + 10),
      await ov(o, 'drill', T0 + 11),
      await ov(keys.editor!, 'lint', T0 + 12),
      await ov(o, 'facts', T0 + 13, 'another-statement'),
      await ov(keys.deputy!, 'comments', T0 + 14),
      await signed(o, { kind: 'roster.remove', at: T0 + 20, key: keys.deputy!.publicKey }),
    ];
    const gov = await settledGov(log, { genesisKey: o.publicKey });
    const overrides = deriveOverrides(gov, S);
    expect(overrides.map((x) => `${x.payload!.gate}:${x.reason ?? 'valid'}`)).toEqual(['placeholders:valid', 'drill:notOverridable', 'lint:lacksRole', 'comments:removed']);
    const r = releaseGates({ placeholders: 1, lintErrors: 1, factConflicts: 1, unresolvedRequiredComments: 1, drill: true }, overrides);
    expect(r.blocksApproval).toEqual(['lint', 'facts', 'comments']);
    expect(r.blocksRelease).toEqual(['lint', 'facts', 'comments', 'drill']);
    expect(r.gates.find((g) => g.gate === 'placeholders')!.override?.payload?.reason).toBe('客戶姓名依法不公開');
    // An override lifts nothing while the gate passes anyway, and a forged "valid" drill override is still ignored.
    const forged = { ...overrides[1]!, valid: true };
    expect(releaseGates({ ...CLEAN, drill: true }, [...overrides, forged]).blocksRelease).toEqual(['drill']);
    expect(releaseGates(CLEAN, overrides).gates.some((g) => g.override)).toBe(false);
  });
});

describe('incident entries', () => {
  it('take the first valid declaration (fixing the drill flag) and later valid severity changes', async () => {
    const { keys, entries } = await team({ lead: ['coordinator'], editor: ['editor'] });
    const o = keys.owner!;
    const log = [
      ...entries,
      await signed(keys.editor!, { kind: 'incident.declare', at: T0 + 5, incidentId: 'inc-1', severity: 1, drill: false }),
      await signed(keys.lead!, { kind: 'incident.severity', at: T0 + 6, incidentId: 'inc-1', severity: 3, reason: '' }),
      await signed(keys.lead!, { kind: 'incident.declare', at: T0 + 10, incidentId: 'inc-1', severity: 2, drill: true }),
      await signed(o, { kind: 'incident.declare', at: T0 + 11, incidentId: 'inc-1', severity: 2, drill: false }),
      await signed(o, { kind: 'incident.severity', at: T0 + 12, incidentId: 'inc-1', severity: 1, reason: '媒體已大量報導' }),
      await signed(keys.editor!, { kind: 'incident.severity', at: T0 + 13, incidentId: 'inc-1', severity: 4, reason: '' }),
    ];
    const gov = await settledGov(log, { genesisKey: o.publicKey });
    const inc = deriveIncident(gov, 'inc-1');
    expect(inc.entries.map((e) => e.reason ?? 'valid')).toEqual(['lacksRole', 'notDeclared', 'valid', 'alreadyDeclared', 'valid', 'lacksRole']);
    expect(inc).toMatchObject({ drill: true, severity: 1 });
    expect(inc.declared?.payload?.by).toBe(keys.lead!.publicKey);
    expect(deriveIncident(gov, 'nope')).toEqual({ incidentId: 'nope', entries: [] });
    expect([...deriveIncidents(gov).keys()]).toEqual(['inc-1']);
  });
});
