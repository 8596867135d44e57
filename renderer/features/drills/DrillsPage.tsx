import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { SCENARIO_LIBRARY, scenarioFromLibrary } from '../../../shared/drills/library/index';
import { createDrill } from '../../../shared/drills/run';
import { addScenario, listScenarios, scenariosOf, type Scenario } from '../../../shared/drills/scenario';
import { isLanguage, type Language } from '../../../shared/languages';
import type { SectionProps } from '../../app/sections';
import { navigate, workspacePath } from '../../app/router';
import { useYSnapshot } from '../../hooks/useY';
import { useSession } from '../../session/sessionStore';
import { useToasts } from '../../ui/toasts';
import { useWorkspaceDoc, useWorkspaceId } from '../../workspace/useWorkspace';
import { formatDateTime } from '../../i18n/format';
import { useCrisisTypes, useIncidentList, useSeverityLevels, useUnitNames } from '../incidents/hooks';
import { IncidentBadges, incidentPath } from '../incidents/IncidentList';
import { IncidentRoom } from '../incidents/IncidentRoom';
import { ProjectorView } from '../incidents/ProjectorView';
import { AarPage } from './AarPage';
import { getDeviceId } from '../../exerciseClock/clockService';
import { drillViews } from './drillViews';
import { ScenarioEditor } from './ScenarioEditor';
import '../incidents/incidents.css';

/** Sub-pages of a drill shown full screen. */
/** Default risk of a drill incident: serious enough that the status-update cadence is felt. */
const DRILL_RISK = { likelihood: 4, loss: 4, feasibility: 3 };

function hoursOf(s: { injects: Array<{ offsetMinutes: number }> }): string {
  const last = Math.max(0, ...s.injects.map((i) => i.offsetMinutes));
  return (Math.ceil((last / 60) * 2) / 2).toString();
}

function DrillsHome({ doc, workspaceId }: { doc: Y.Doc; workspaceId: string }) {
  const { t, i18n } = useTranslation('drills');
  const userName = useSession((s) => s.userName);
  const uiLanguage = useSession((s) => s.language);
  const show = useToasts((s) => s.show);
  const scenarios = useYSnapshot(scenariosOf(doc), () => listScenarios(doc)) ?? [];
  const types = useCrisisTypes(doc);
  const levels = useSeverityLevels(doc);
  const units = useUnitNames(doc);
  const runs = useIncidentList(doc).filter((i) => i.drill);
  const contentLanguage = metaOf(doc).get('contentLanguage');
  const lang: Language = isLanguage(contentLanguage) ? contentLanguage : uiLanguage;

  const addFromLibrary = (key: string) => {
    const lib = SCENARIO_LIBRARY.find((s) => s.key === key);
    if (!lib) return;
    const type = types.find((x) => x.key === lib.crisisTypeKey);
    addScenario(doc, scenarioFromLibrary(lib, lang, type?.steps ?? []), 'user');
  };

  const start = (scenario: Scenario) => {
    const type = types.find((x) => x.key === scenario.crisisTypeKey);
    if (!type) {
      show({ text: t('noType', { key: scenario.crisisTypeKey }), ttl: 8000 });
      return;
    }
    try {
      const id = createDrill(
        doc,
        { title: scenario.title, scenarioId: scenario.id, crisisTypeId: type.id, risk: DRILL_RISK, facilitatorDeviceId: getDeviceId(), facilitatorName: userName, now: Date.now(), speed: 60 },
        { crisisType: type, unitIds: new Set(units.keys()), levels: levels.map((l) => l.level) },
        'user',
      );
      navigate(workspacePath(workspaceId, 'drills', id));
    } catch (err) {
      show({ text: (err as Error).message, ttl: 8000 });
    }
  };

  const addedKeys = new Set(scenarios.map((s) => s.libraryKey).filter(Boolean));
  return (
    <main className="page drills-page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <h2>{t('scenarios')}</h2>
      {scenarios.length === 0 && <p className="muted">{t('noScenarios')}</p>}
      <ul className="card-list">
        {scenarios.map((s) => (
          <li key={s.id} className="card" data-testid="scenario" data-library-key={s.libraryKey}>
            <span className="card-title">{s.title}</span>
            <span className="muted small">{t('injectCount', { count: s.injects.length, hours: hoursOf(s) })}</span>
            <span className="row-actions">
              <a href={workspacePath(workspaceId, 'drills', 'scenario', s.id)}>{t('edit')}</a>
              <button type="button" className="primary" data-testid="start-drill" onClick={() => start(s)}>
                {t('start')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <h2>{t('library')}</h2>
      <ul className="card-list">
        {SCENARIO_LIBRARY.map((lib) => (
          <li key={lib.key} className="card" data-testid="library-scenario" data-key={lib.key}>
            <span className="card-title">{lib.title[uiLanguage]}</span>
            <span className="muted small">{t('injectCount', { count: lib.injects.length, hours: hoursOf(lib) })}</span>
            <p className="small">{lib.summary[uiLanguage]}</p>
            <span className="row-actions">
              <button type="button" data-testid="add-library-scenario" disabled={addedKeys.has(lib.key)} onClick={() => addFromLibrary(lib.key)}>
                {addedKeys.has(lib.key) ? t('added') : t('addToWorkspace')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <h2>{t('runs')}</h2>
      {runs.length === 0 ? (
        <p className="muted">{t('noRuns')}</p>
      ) : (
        <ul className="card-list">
          {runs.map((r) => (
            <li key={r.id} className="card" data-testid="drill-run">
              <a className="card-title" href={incidentPath(workspaceId, r)}>
                {r.title}
              </a>
              <IncidentBadges incident={r} />
              <span className="muted small">{formatDateTime(i18n.language, r.t0, { zone: false })}</span>
              <span className="row-actions">
                <a href={incidentPath(workspaceId, r, 'review')}>{t('aar.title')}</a>
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

/**
 * The drills section: `#/w/<ws>/drills` scenarios and runs · `/scenario/<id>` editor ·
 * `/<drillId>` drill room · `/<drillId>/review` · `/<drillId>/projector`.
 */
export function DrillsPage({ rest }: SectionProps) {
  const doc = useWorkspaceDoc();
  const wsId = useWorkspaceId();
  if (!doc || !wsId) return <></>;
  const [first, second] = rest;
  if (!first) return <DrillsHome doc={doc} workspaceId={wsId} />;
  if (first === 'scenario' && second) return <ScenarioEditor doc={doc} workspaceId={wsId} scenarioId={second} />;
  if (second === 'projector') return <ProjectorView key={first} doc={doc} workspaceId={wsId} incidentId={first} />;
  if (second === 'review') return <AarPage key={first} doc={doc} workspaceId={wsId} incidentId={first} />;
  return <IncidentRoom key={first} doc={doc} workspaceId={wsId} incidentId={first} drillViews={drillViews} />;
}
