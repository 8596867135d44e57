import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { readPlaybook } from '../../../shared/playbook/accessors';
import { ROOTS } from '../../../shared/doc/workspaceDoc';
import { useYSnapshot } from '../../hooks/useY';
import { useToasts } from '../../ui/toasts';
import { printRunbook } from './runbookPrint';

/**
 * The playbook in read mode: what a team member follows in the first hour, in order, without a
 * single input to mis-type into — each crisis type's first responder, its steps with owner and
 * time target and checklist, its escalation; then severity levels, signals and principles.
 * Printable (A4; each crisis type starts on a new page).
 */
const WATCHED = [ROOTS.crisisTypes, ROOTS.severities, ROOTS.signals, ROOTS.principles, ROOTS.units] as const;

export function RunbookView({ doc }: { doc: Y.Doc }): ReactElement {
  const { t } = useTranslation('runbook');
  const { t: tp } = useTranslation('playbook');
  // Render again when any playbook root or the units change; read the whole playbook then.
  for (const root of WATCHED) useYSnapshot(doc.getMap(root), () => ({})); // eslint-disable-line react-hooks/rules-of-hooks -- fixed list
  const book = readPlaybook(doc);
  const unit = (id: string) => book.units.find((u) => u.id === id)?.name || t('unassigned');
  const print = () =>
    void printRunbook(t('title')).then(
      (saved) => saved && useToasts.getState().show({ text: t('printed'), ttl: 4000 }),
      (err: unknown) => useToasts.getState().show({ text: String((err as Error).message), ttl: 6000 }),
    );
  return (
    <article className="runbook" data-testid="runbook">
      <div className="no-print runbook-toolbar">
        <button type="button" className="primary" onClick={print} data-testid="runbook-print">
          {t('print')}
        </button>
      </div>
      <h1>{t('title')}</h1>
      <nav aria-label={t('contents')} className="runbook-contents">
        <ol>
          {book.crisisTypes.map((ct) => (
            <li key={ct.id}>
              <a href={`#runbook-${ct.id}`} onClick={(e) => (e.preventDefault(), document.getElementById(`runbook-${ct.id}`)?.scrollIntoView())}>
                {ct.name || tp('untitled')}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {book.crisisTypes.map((ct) => (
        <section key={ct.id} id={`runbook-${ct.id}`} className="runbook-type" data-testid="runbook-type">
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
      ))}
      <section className="runbook-type">
        <h2>{t('severities')}</h2>
        {[...book.severities]
          .sort((a, b) => a.level - b.level)
          .map((s) => (
            <div key={s.id} className="runbook-severity">
              <h3>
                {t('level', { level: s.level })} {s.name}
              </h3>
              {s.criteria && (
                <p>
                  <strong>{t('criteria')}</strong> {s.criteria}
                </p>
              )}
              {s.decisionRights && (
                <p>
                  <strong>{t('decisionRights')}</strong> {s.decisionRights}
                </p>
              )}
            </div>
          ))}
        <h2>{t('signals')}</h2>
        <ul>
          {book.signals.map((s) => (
            <li key={s.id}>
              {s.kind} — {s.threshold}
            </li>
          ))}
        </ul>
        <h2>{t('principles')}</h2>
        <ul>
          {book.principles.map((p) => (
            <li key={p.id}>{p.text}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
