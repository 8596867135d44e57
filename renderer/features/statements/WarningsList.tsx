import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FactConflict } from '../../../shared/statements/facts';
import { LINT_LEVELS, type LintFinding } from '../../../shared/statements/lint';
import type { Placeholder } from '../../../shared/statements/templates/index';

/** Tooltip / list text for a facts conflict. */
export function conflictTitle(t: TFunction<'statements'>, c: FactConflict): string {
  return t('facts.conflict', { label: c.label, expected: c.expected, found: c.found });
}

/** The wording checks' findings, listed under the editor (they are also highlighted inline). */
export const WarningsList = memo(function WarningsList({ lint, conflicts, placeholders }: { lint: LintFinding[]; conflicts: FactConflict[]; placeholders: { key: Placeholder }[] }) {
  const { t } = useTranslation('statements');
  if (lint.length === 0 && conflicts.length === 0 && placeholders.length === 0) {
    return (
      <p className="ok small" data-testid="warnings-none">
        {t('warnings.none')}
      </p>
    );
  }
  return (
    <section className="warnings" aria-label={t('warnings.title')}>
      <h2 className="small-heading">{t('warnings.title')}</h2>
      <ul>
        {lint.map((f, i) => (
          <li key={`l${i}`} className={`warning-risk level-${LINT_LEVELS[f.category]}`} data-testid="risk-warning" data-category={f.category} data-level={LINT_LEVELS[f.category]}>
            {LINT_LEVELS[f.category] === 'error' && <strong className="invalid">{t('warnings.blocking')} </strong>}
            <mark className={`lint-risk lint-${f.category}`}>{f.match}</mark> — {f.reason || t(`risk.${f.category}`)}
          </li>
        ))}
        {[...new Set(placeholders.map((p) => p.key))].map((key) => (
          <li key={`p${key}`} className="warning-placeholder" data-testid="placeholder-warning">
            <mark className="placeholder-left">{`{${key}}`}</mark> — {t('warnings.placeholder', { name: t(`placeholder.${key}`) })}
          </li>
        ))}
        {conflicts.map((c, i) => (
          <li key={`c${i}`} className="warning-fact" data-testid="fact-warning">
            <mark className="fact-conflict">{c.found}</mark> — {conflictTitle(t, c)}
          </li>
        ))}
      </ul>
    </section>
  );
});
