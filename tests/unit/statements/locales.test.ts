import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statementsLocales } from '../../../renderer/features/statements/locales';
import { LANGUAGES } from '../../../shared/languages';
import { CHANNEL_KEYS } from '../../../shared/statements/channels';
import { RISK_CATEGORIES } from '../../../shared/statements/phrases';
import { PLACEHOLDERS } from '../../../shared/statements/templates/index';
import { DISPLAYED_STATUSES, FACT_KINDS, REVIEWER_ROLES, STATEMENT_KINDS, STATEMENT_STAGES } from '../../../shared/statements/types';
import type { WorkflowErrorCode } from '../../../shared/statements/workflow';
import type { ReleaseCheck } from '../../../shared/statements/approval';
import { ENTRY_KINDS, ENTRY_REASONS, GATES, MEMBER_ROLES, type MalformedReason } from '../../../shared/governance';

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('statement studio strings', () => {
  it('has the same keys in zh-TW, zh-CN and en', () => {
    const tw = keys(statementsLocales['zh-TW']).sort();
    expect(keys(statementsLocales['zh-CN']).sort()).toEqual(tw);
    expect(keys(statementsLocales.en).sort()).toEqual(tw);
  });

  it('defines every literal key the studio uses', () => {
    const dir = join(import.meta.dirname, '..', '..', '..', 'renderer', 'features', 'statements');
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'));
    const defined = new Set(keys(statementsLocales['zh-TW']));
    const used = new Set<string>();
    for (const f of files) for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !defined.has(k))).toEqual([]);
  });

  it('defines the keys built from enumerations (statuses, roles, channels, error codes…)', () => {
    const codes: WorkflowErrorCode[] = [
      'notFound',
      'wrongStage',
      'notApproved',
      'noName',
      'badRole',
      'readOnly',
      'changed',
      'noRoster',
      'verifying',
      'notMember',
      'lacksRole',
      'authorCannotApprove',
      'gateBlocked',
      'drill',
      'notOwner',
      'notOverridable',
      'noReason',
    ];
    const malformed: MalformedReason[] = ['notText', 'tooLarge', 'notJson', 'badShape', 'notCanonical', 'badPayload'];
    const checks: ReleaseCheck[] = ['verified', 'verifying', 'invalid', 'legacy'];
    const needed = [
      ...STATEMENT_KINDS.map((k) => `kind.${k}`),
      ...DISPLAYED_STATUSES.map((k) => `status.${k}`),
      ...REVIEWER_ROLES.map((k) => `role.${k}`),
      ...CHANNEL_KEYS.map((k) => `channel.${k}`),
      ...RISK_CATEGORIES.flatMap((k) => [`risk.${k}`, `riskCategory.${k}`]),
      ...FACT_KINDS.map((k) => `factKind.${k}`),
      ...LANGUAGES.map((k) => `language.${k}`),
      ...PLACEHOLDERS.map((k) => `placeholder.${k}`),
      ...STATEMENT_STAGES.map((k) => `approval.stageHint.${k}`),
      ...codes.map((k) => `errors.${k}`),
      // Signed sign-off: every reason an entry may not count, member roles, gates, entry kinds.
      ...[...ENTRY_REASONS, ...malformed].map((k) => `reason.${k}`),
      ...MEMBER_ROLES.map((k) => `memberRole.${k}`),
      ...GATES.map((k) => `gates.${k}`),
      ...ENTRY_KINDS.map((k) => `audit.kinds.${k.replace(/\./g, '_')}`),
      ...checks.map((k) => `gate.release.${k}`),
    ];
    for (const lang of LANGUAGES) {
      const defined = new Set(keys(statementsLocales[lang]));
      expect(needed.filter((k) => !defined.has(k)), lang).toEqual([]);
    }
  });
});
