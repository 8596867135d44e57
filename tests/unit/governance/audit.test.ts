import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { auditCsv, auditTrail, AUDIT_CSV_COLUMNS, FUTURE_TOLERANCE_MS } from '../../../shared/governance/audit';
import { memberOf, NOW, people, settledGov, signed, T0, team, textHash } from './helpers';

describe('audit trail', () => {
  it('lists every entry in replay order with its check, whether it counts, and why not', async () => {
    const { keys, entries } = await team({ legal: ['legal_approver'] });
    const { mallory } = await people('mallory');
    const o = keys.owner!;
    const approval = await signed(keys.legal!, { kind: 'approval', at: T0 + 10, statementId: 's1', hash: textHash('a'), role: 'legal' });
    const log = [
      ...entries,
      approval,
      approval, // replayed copy
      await signed(mallory, { kind: 'roster.add', at: T0 + 11, member: memberOf(mallory, 'Mallory', ['owner']) }),
      await signed(mallory, { kind: 'approval', at: T0 + 12, statementId: 's1', hash: textHash('a'), role: 'legal' }),
      await signed(o, { kind: 'override', at: T0 + 13, statementId: 's2', gate: 'lint', reason: '=HYPERLINK("x")' }),
      await signed(o, { kind: 'incident.declare', at: NOW + FUTURE_TOLERANCE_MS + 1, incidentId: 'i1', severity: 2, drill: true }),
      'garbage',
    ];
    const gov = await settledGov(log, { genesisKey: o.publicKey });
    const rows = auditTrail(gov);
    expect(rows.map((r) => [r.kind, r.verdict, r.counted, r.reason ?? ''])).toEqual([
      ['roster.genesis', 'valid', true, ''],
      ['roster.add', 'valid', true, ''],
      ['approval', 'valid', true, ''],
      ['approval', 'valid', false, 'duplicate'],
      ['roster.add', 'valid', false, 'notOwner'],
      ['approval', 'valid', false, 'notMember'],
      ['override', 'valid', true, ''],
      ['incident.declare', 'valid', true, ''],
      [undefined, 'malformed', false, 'notJson'],
    ]);
    expect(rows[2]).toMatchObject({ signerName: 'legal', statementId: 's1', subject: 's1', detail: `role=legal hash=${textHash('a').slice(0, 8)}` });
    expect(rows[2]!.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(rows[4]).toMatchObject({ subject: 'Mallory', by: mallory.publicKey });
    expect(rows[4]!.signerName).toBeUndefined();
    expect(rows.map((r) => r.future)).toEqual([false, false, false, false, false, false, false, true, false]);

    expect(auditTrail(gov, { statementId: 's1' }).map((r) => r.index)).toEqual([2, 3, 5]);
    expect(auditTrail(gov, { kinds: ['roster.add'], problemsOnly: true })).toHaveLength(1);
    expect(auditTrail(gov, { by: mallory.publicKey })).toHaveLength(2);
    expect(auditTrail(gov, { from: T0 + 11, to: T0 + 13 })).toHaveLength(3);
    expect(auditTrail(gov, { incidentId: 'i1' })).toHaveLength(1);
  });

  it('shows pending and forged signatures as such', async () => {
    const { keys, entries } = await team({});
    const e = await signed(keys.owner!, { kind: 'override', at: T0 + 5, statementId: 's', gate: 'facts', reason: 'r' });
    const forged = { p: e.p.replace('"facts"', '"lint"'), s: e.s };
    const gov = await settledGov([...entries, e, forged], { genesisKey: keys.owner!.publicKey, verdict: (x) => (x === entries[0] || x.s !== e.s ? 'valid' : x.p === e.p ? 'pending' : 'invalid') });
    const rows = auditTrail(gov, { kinds: ['override'] });
    expect(rows.map((r) => [r.verdict, r.reason])).toEqual(
      expect.arrayContaining([
        ['pending', 'verifying'],
        ['invalid', 'badSignature'],
      ]),
    );
  });

  it('exports CSV that spreadsheets read: BOM, CRLF, Chinese intact, formulas defused', async () => {
    const { keys, entries } = await team({});
    const o = keys.owner!;
    const log = [...entries, await signed(o, { kind: 'override', at: T0 + 5, statementId: '聲明-1', gate: 'lint', reason: '=1+1 依法務意見，"引號"保留' }), 42];
    const gov = await settledGov(log, { genesisKey: o.publicKey });
    const csv = auditCsv(auditTrail(gov));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    expect(parsed[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(parsed).toHaveLength(4);
    const genesis = parsed[1]!;
    expect(genesis[0]).toBe(new Date(T0).toISOString());
    expect(genesis[3]).toBe('林雅婷');
    const ov = parsed[2]!;
    expect(ov[6]).toBe('聲明-1');
    expect(ov[7]).toBe('gate=lint reason==1+1 依法務意見，"引號"保留');
    expect(parsed[3]![8]).toBe('malformed');
    // A cell that would start a formula is prefixed so a spreadsheet shows it as text.
    const evil = await settledGov([...entries, await signed(o, { kind: 'roster.add', at: T0 + 9, member: memberOf((await people('x')).x, '=cmd|calc', ['editor']) })], { genesisKey: o.publicKey });
    const row = Papa.parse<string[]>(auditCsv(auditTrail(evil)).slice(1), { newline: '\r\n' }).data[2]!;
    expect(row[6]).toBe("'=cmd|calc");
  });
});
