import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { crisisTypeById } from '../../../shared/playbook/accessors';

/**
 * One crisis type of the runbook: first responder, steps with owner, time target and checklist,
 * escalation. Read from the document on its own (only the sections drawn are read) and drawn
 * again only when the playbook or the units change (`version`).
 */
export const RunbookType = memo(function RunbookType({ doc, id, version, unit }: { doc: Y.Doc; id: string; version: string; unit: (id: string) => string }) {
  const { t } = useTranslation('runbook');
  const { t: tp } = useTranslation('playbook');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version: read again after any playbook change
  const ct = useMemo(() => crisisTypeById(doc, id), [doc, id, version]);
  if (!ct) return null;
  return (
    <section id={`runbook-${ct.id}`} className="runbook-type" data-testid="runbook-type">
      <h2>{ct.name || tp('untitled')}</h2>
      {ct.description && <p>{ct.description}</p>}
      {ct.response && <p className="runbook-response">{ct.response}</p>}
      <p className="runbook-first">{t('firstResponder', { unit: unit(ct.firstResponderUnitId) })}</p>
      <ol className="runbook-steps">
        {ct.steps.map((s) => (
          <li key={s.id} data-testid="runbook-step">
            <strong>{s.title || tp('untitled')}</strong>
            <span className="muted">
              {' '}
              · {t('owner', { unit: unit(s.ownerUnitId) })} · {Number.isFinite(s.targetMinutes) && s.targetMinutes > 0 ? t('due', { minutes: s.targetMinutes }) : t('noTarget')}
            </span>
            {s.checklist.length > 0 && (
              <ul className="runbook-checklist">
                {s.checklist.map((c) => (
                  <li key={c.id}>☐ {c.text}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {ct.escalation.length > 0 && (
        <>
          <h3>{t('escalation')}</h3>
          <ul>
            {ct.escalation.map((e) => (
              <li key={e.id}>
                {t('escalationLine', { unit: unit(e.unitId), minutes: e.withinMinutes })}
                {e.note && ` — ${e.note}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});
