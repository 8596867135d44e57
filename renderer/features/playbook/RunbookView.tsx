import { useCallback, useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { lenientSchemas } from '../../../shared/playbook/schema';
import { listPlain, listRecords } from '../../../shared/doc/collection';
import { collectionOf, playbookOf, ROOTS } from '../../../shared/doc/workspaceDoc';
import { useYVersion } from '../../hooks/useY';
import { useToasts } from '../../ui/toasts';
import { useProgressiveCount } from './progressive';
import { printRunbook } from './runbookPrint';
import { RunbookType } from './RunbookType';

/**
 * The playbook in read mode: what a team member follows in the first hour, in order, without a
 * single input to mis-type into — each crisis type's first responder, its steps with owner and
 * time target and checklist, its escalation; then severity levels, signals and principles.
 * Printable (A4; each crisis type starts on a new page).
 *
 * At 100× (1,300 crisis types) the sections are drawn a few dozen per task (./progressive.ts),
 * each read from the document on its own (./RunbookType.tsx); printing draws them all first.
 */
const WATCHED = [ROOTS.crisisTypes, ROOTS.severities, ROOTS.signals, ROOTS.principles, ROOTS.units] as const;
/** Crisis types drawn at once (the shipped playbook has 13), then per task. */
const FIRST_TYPES = 20;
const MORE_TYPES = 20;

const plainText = (v: unknown): string => (typeof v === 'string' ? v : v instanceof Y.AbstractType ? String(v.toJSON()) : '');

export function RunbookView({ doc }: { doc: Y.Doc }): ReactElement {
  const { t } = useTranslation('runbook');
  const { t: tp } = useTranslation('playbook');
  // Read again when any playbook root or the units change.
  const versions = WATCHED.map((root) => useYVersion(doc.getMap(root))); // eslint-disable-line react-hooks/rules-of-hooks -- fixed list
  const [typesVersion, sevVersion, sigVersion, prinVersion, unitsVersion] = versions;
  const version = versions.join('.');
  const pb = playbookOf(doc);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- versions: read again after a change
  const types = useMemo(() => listRecords(pb.crisisTypes).map((rec) => ({ id: String(rec.get('id') ?? ''), name: plainText(rec.get('name')) })), [pb, typesVersion]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const unitNames = useMemo(() => new Map(listRecords(collectionOf(doc, 'units')).map((rec) => [String(rec.get('id') ?? ''), plainText(rec.get('name'))])), [doc, unitsVersion]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const severities = useMemo(() => listPlain(pb.severities).map((r) => lenientSchemas.SeverityLevel.parse(r)), [pb, sevVersion]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const signals = useMemo(() => listPlain(pb.signals).map((r) => lenientSchemas.WarningSignal.parse(r)), [pb, sigVersion]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const principles = useMemo(() => listPlain(pb.principles).map((r) => lenientSchemas.Principle.parse(r)), [pb, prinVersion]);
  const unassigned = t('unassigned');
  const unit = useCallback((id: string) => unitNames.get(id) || unassigned, [unitNames, unassigned]);
  const shown = useProgressiveCount(types.length, FIRST_TYPES, MORE_TYPES);
  const print = () => {
    shown.all();
    void printRunbook(t('title')).then(
      (saved) => saved && useToasts.getState().show({ text: t('printed'), ttl: 4000 }),
      (err: unknown) => useToasts.getState().show({ text: String((err as Error).message), ttl: 6000 }),
    );
  };
  return (
    <article className="runbook" data-testid="runbook" data-complete={shown.complete}>
      <div className="no-print runbook-toolbar">
        <button type="button" className="primary" onClick={print} data-testid="runbook-print">
          {t('print')}
        </button>
      </div>
      <h1>{t('title')}</h1>
      <nav aria-label={t('contents')} className="runbook-contents">
        <ol>
          {types.map((ct) => (
            <li key={ct.id}>
              <a
                href={`#runbook-${ct.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  shown.all();
                  document.getElementById(`runbook-${ct.id}`)?.scrollIntoView();
                }}
              >
                {ct.name || tp('untitled')}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {types.slice(0, shown.count).map((ct) => (
        <RunbookType key={ct.id} doc={doc} id={ct.id} version={version} unit={unit} />
      ))}
      <section className="runbook-type">
        <h2>{t('severities')}</h2>
        {[...severities]
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
          {signals.map((s) => (
            <li key={s.id}>
              {s.kind} — {s.threshold}
            </li>
          ))}
        </ul>
        <h2>{t('principles')}</h2>
        <ul>
          {principles.map((p) => (
            <li key={p.id}>{p.text}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
