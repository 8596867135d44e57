import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { computeAar, type InjectReview, type ReviewStep, type TaskReview } from '../../../shared/drills/aar';
import { deriveFindings } from '../../../shared/drills/aarFindings';
import { findingDecisions, type FindingDecisionRecord } from '../../../shared/drills/run';
import { isLanguage, type Language } from '../../../shared/languages';
import { useYSnapshot } from '../../hooks/useY';
import { useSession } from '../../session/sessionStore';
import { elapsedText, offsetText } from '../incidents/format';
import { useCrisisTypes, useIncident, useUnitNames } from '../incidents/hooks';
import { IncidentBadges, incidentPath } from '../incidents/IncidentList';
import { useScenarioOf } from '../incidents/IncidentRoom';
import { useIncidentNow } from '../../exerciseClock/useExerciseClock';
import { formatNumber } from '../../i18n/format';
import { TimelineChart } from './TimelineChart';
import { printReview } from './reviewPrint';
import { AarFindings } from './AarFindings';
import { AarNotes } from './AarNotes';
import '../incidents/incidents.css';

/** Minutes as people read them: "27.8", never "27.799999999999997" (Intl, at most one decimal). */
const mins = (lang: string, value: number) => formatNumber(lang, value, 1);

function Minutes({ value }: { value: number | null }) {
  const { t, i18n } = useTranslation('drills');
  return <>{value === null ? t('aar.none') : t('aar.minutes', { min: mins(i18n.language, value) })}</>;
}

function Outcome({ r }: { r: Pick<InjectReview, 'outcome' | 'lateByMinutes'> | Pick<TaskReview, 'outcome' | 'lateByMinutes'> }) {
  const { t, i18n } = useTranslation('drills');
  return (
    <span className={`outcome outcome-${r.outcome}`} data-outcome={r.outcome}>
      {t(`aar.outcome.${r.outcome}`, { min: mins(i18n.language, r.lateByMinutes ?? 0) })}
    </span>
  );
}

/**
 * The after-action review of a drill (or closed incident): response times per inject against the
 * playbook's targets, late and missed tasks, the timeline, and findings the team accepts into the
 * playbook or rejects. Printable (print CSS; PDF through the print dialog / Electron).
 */
export function AarPage({ doc, workspaceId, incidentId }: { doc: Y.Doc; workspaceId: string; incidentId: string }) {
  const { t, i18n } = useTranslation('drills');
  const ti = useTranslation('incidents').t;
  const uiLanguage = useSession((s) => s.language);
  const { rec, incident } = useIncident(doc, incidentId);
  const now = useIncidentNow(rec, incident, 1000);
  const types = useCrisisTypes(doc);
  const units = useUnitNames(doc);
  const scenario = useScenarioOf(doc, incident);
  const decisions = useYSnapshot(rec, findingDecisions) ?? new Map<string, FindingDecisionRecord>();
  if (!rec || !incident) return <main className="page error">{ti('errors.notFound')}</main>;
  const type = types.find((x) => x.id === incident.crisisTypeId);
  const steps: ReviewStep[] = (type?.steps ?? []).map((s) => ({ id: s.id, title: s.title, ownerUnitId: s.ownerUnitId, targetMinutes: s.targetMinutes }));
  const endAt = incident.closedAt ?? now;
  const report = computeAar({ incident, injects: scenario?.injects ?? [], steps, endAt });
  const contentLanguage = metaOf(doc).get('contentLanguage');
  const lang: Language = isLanguage(contentLanguage) ? contentLanguage : uiLanguage;
  const findings = type ? deriveFindings(report, incident, type.id, steps, lang) : [];
  const totals = report.totals;
  return (
    <main className="page aar-page" data-testid="aar">
      <div className="row no-print">
        <a href={incidentPath(workspaceId, incident)}>{t('aar.back')}</a>
        <span className="spacer" />
        <button type="button" data-testid="aar-print" onClick={() => void printReview()}>
          {t('aar.print')}
        </button>
      </div>
      <h1>
        {t('aar.title')}: {incident.title}
      </h1>
      <p className="row">
        <IncidentBadges incident={incident} />
        <span className="muted">{t('aar.generated', { end: elapsedText(endAt - incident.t0) })}</span>
      </p>
      <section className="panel">
        <h2>{t('aar.totals')}</h2>
        <ul className="aar-totals" data-testid="aar-totals">
          <li>{t('aar.injectsOnTime', { onTime: totals.injectsOnTime, released: totals.injectsReleased })}</li>
          <li>{totals.medianFirstActionMinutes === null ? t('aar.medianFirst', { min: '—' }) : t('aar.medianFirst', { min: mins(i18n.language, totals.medianFirstActionMinutes) })}</li>
          <li>{totals.firstApprovedStatementMinutes === null ? t('aar.noStatement') : t('aar.firstStatement', { min: mins(i18n.language, totals.firstApprovedStatementMinutes) })}</li>
          <li>{t('aar.tasksLine', { onTime: totals.tasksOnTime, late: totals.tasksLate, missed: totals.tasksMissed })}</li>
        </ul>
      </section>
      {report.injects.length > 0 && (
        <section className="panel">
          <h2>{t('aar.perInject')}</h2>
          <table className="aar-table" data-testid="aar-injects">
            <thead>
              <tr>
                {(['at', 'channel', 'inject', 'step', 'target', 'firstAction', 'statement', 'result'] as const).map((c) => (
                  <th key={c}>{t(`aar.col.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.injects.map((r) => (
                <tr key={r.injectId} data-testid="aar-inject-row" data-outcome={r.outcome}>
                  <td>{offsetText(r.offsetMinutes)}</td>
                  <td>{t(`channels.${r.channel}`)}</td>
                  <td className="aar-content">{r.content}</td>
                  <td>{r.stepTitle || t('aar.none')}</td>
                  <td>{r.targetAt === null ? t('aar.none') : offsetText((r.targetAt - incident.t0) / 60_000)}</td>
                  <td data-testid="aar-first-action">
                    <Minutes value={r.firstActionMinutes} />
                  </td>
                  <td>
                    <Minutes value={r.approvedStatementMinutes} />
                  </td>
                  <td>
                    <Outcome r={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section className="panel">
        <h2>{t('aar.tasks')}</h2>
        <table className="aar-table" data-testid="aar-tasks">
          <thead>
            <tr>
              {(['task', 'owner', 'due', 'done', 'result'] as const).map((c) => (
                <th key={c}>{t(`aar.taskCol.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.tasks.map((r) => (
              <tr key={r.taskId} data-outcome={r.outcome}>
                <td>{r.title}</td>
                <td>{units.get(r.ownerUnitId) ?? t('aar.none')}</td>
                <td>{elapsedText(r.dueAt - incident.t0)}</td>
                <td>{r.doneAt === null ? t('aar.none') : elapsedText(r.doneAt - incident.t0)}</td>
                <td>
                  <Outcome r={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel">
        <h2>{t('aar.timeline')}</h2>
        <TimelineChart events={report.timeline} t0={incident.t0} endAt={Math.max(endAt, incident.t0 + 60_000)} />
      </section>
      <section className="panel">
        <h2>{t('aar.findings')}</h2>
        <AarFindings doc={doc} rec={rec} findings={findings} decisions={decisions} unitName={(id) => units.get(id) ?? id} />
      </section>
      <AarNotes rec={rec} />
    </main>
  );
}
