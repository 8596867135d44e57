import { memo, useCallback, useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { lenientSchemas } from '../../../shared/playbook/schema';
import { listPlain } from '../../../shared/doc/collection';
import { playbookOf, ROOTS } from '../../../shared/doc/workspaceDoc';
import { useProgressive } from '../../hooks/useProgressive';
import { useYVersion } from '../../hooks/useY';
import { useToasts } from '../../ui/toasts';
import { runbookTypes, runbookUnitNames, type RunbookIndex } from './runbookIndex';
import { printRunbook } from './runbookPrint';
import { RunbookType } from './RunbookType';

/**
 * The playbook in read mode: what a team member follows in the first hour, in order, without a
 * single input to mis-type into — each crisis type's first responder, its steps with owner and
 * time target and checklist, its escalation; then severity levels, signals and principles.
 * Printable (A4; each crisis type starts on a new page).
 *
 * At 100× (1,300 crisis types) the contents list and the sections are drawn a part per painted
 * frame (renderer/hooks/useProgressive.ts), each section read from the document on its own
 * (./RunbookType.tsx), the list of types and unit names read once per change (./runbookIndex.ts);
 * printing (and a jump from the contents) draws them all first.
 */
const WATCHED = [ROOTS.crisisTypes, ROOTS.severities, ROOTS.signals, ROOTS.principles, ROOTS.units] as const;
/** Crisis types drawn at once (the shipped playbook has 13), then per frame. */
const FIRST_TYPES = 15;
const MORE_TYPES = 15;
/** Contents links drawn at once (more than a screen), then per frame. */
const FIRST_LINKS = 60;
const MORE_LINKS = 300;

export function RunbookView({ doc }: { doc: Y.Doc }): ReactElement {
  const { t } = useTranslation('runbook');
  const { t: tp } = useTranslation('playbook');
  // Read again when any playbook root or the units change.
  const versions = WATCHED.map((root) => useYVersion(doc.getMap(root))); // eslint-disable-line react-hooks/rules-of-hooks -- fixed list
  const [typesVersion, sevVersion, sigVersion, prinVersion, unitsVersion] = versions;
  const version = versions.join('.');
  const pb = useMemo(() => playbookOf(doc), [doc]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- versions: read again after a change
  const types = useMemo(() => runbookTypes(doc), [doc, typesVersion]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const unitNames = useMemo(() => runbookUnitNames(doc), [doc, unitsVersion]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const severities = useMemo(() => listPlain(pb.severities).map((r) => lenientSchemas.SeverityLevel.parse(r)), [pb, sevVersion]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const signals = useMemo(() => listPlain(pb.signals).map((r) => lenientSchemas.WarningSignal.parse(r)), [pb, sigVersion]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const principles = useMemo(() => listPlain(pb.principles).map((r) => lenientSchemas.Principle.parse(r)), [pb, prinVersion]);
  const unassigned = t('unassigned');
  const unit = useCallback((id: string) => unitNames.get(id) || unassigned, [unitNames, unassigned]);
  const links = useProgressive(types.length, { first: FIRST_LINKS, chunk: MORE_LINKS });
  // The sections start once the contents list is whole (it is above them).
  const shown = useProgressive(types.length, { first: FIRST_TYPES, chunk: MORE_TYPES, grow: links.complete });
  const { drawAll: allLinks } = links;
  const { drawAll: allSections } = shown;
  const drawAll = useCallback(() => {
    allLinks();
    allSections();
  }, [allLinks, allSections]);
  const print = () => {
    drawAll();
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
      <Contents types={types} count={links.count} label={t('contents')} untitled={tp('untitled')} onJump={drawAll} />
      <Sections doc={doc} types={types} count={shown.count} version={version} unit={unit} />
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

/** The contents list: the first `count` crisis types (a jump draws every section first). */
const Contents = memo(function Contents({ types, count, label, untitled, onJump }: { types: RunbookIndex['types']; count: number; label: string; untitled: string; onJump: () => void }) {
  return (
    <nav aria-label={label} className="runbook-contents">
      <ol>
        {types.slice(0, count).map((ct) => (
          <li key={ct.id}>
            <a
              href={`#runbook-${ct.id}`}
              onClick={(e) => {
                e.preventDefault();
                onJump();
                document.getElementById(`runbook-${ct.id}`)?.scrollIntoView();
              }}
            >
              {ct.name || untitled}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
});

/** The first `count` crisis types' sections (each drawn again only when `version` changes). */
const Sections = memo(function Sections({ doc, types, count, version, unit }: { doc: Y.Doc; types: RunbookIndex['types']; count: number; version: string; unit: (id: string) => string }) {
  return (
    <>
      {types.slice(0, count).map((ct) => (
        <RunbookType key={ct.id} doc={doc} id={ct.id} version={version} unit={unit} />
      ))}
    </>
  );
});
