import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirm } from '../../ui/confirm';
import type { YRecord } from '../../../shared/doc/collection';
import { CLOCK_SPEEDS, exerciseTime, jumpTo, pause, resume, setSpeed } from '../../../shared/drills/clock';
import { endDrill, takeOverFacilitation, updateClock } from '../../../shared/drills/run';
import { injectAt, nextInject, resolveInjectStep, type Scenario } from '../../../shared/drills/scenario';
import type { Incident } from '../../../shared/incidents/types';
import { navigate } from '../../app/router';
import { useSession } from '../../session/sessionStore';
import { useToasts } from '../../ui/toasts';
import { formatTime } from '../../i18n/format';
import { elapsedText, offsetText } from '../incidents/format';
import { incidentPath } from '../incidents/IncidentList';
import { useLogDraft } from '../incidents/LogPanel';
import { getDeviceId, useClockSync } from '../../exerciseClock/clockService';
import { useDrillClock, useFacilitator } from '../../exerciseClock/useExerciseClock';

function SyncNote() {
  const { t } = useTranslation('drills');
  const { status, rtt } = useClockSync();
  if (status === 'self') return <span className="muted small">{t('clock.you')}</span>;
  if (status === 'synced') return <span className="small ok" data-testid="clock-sync" data-status="synced">{t('clock.synced', { ms: Math.max(1, Math.round((rtt ?? 0) / 2)) })}</span>;
  if (status === 'syncing') return <span className="small muted" data-testid="clock-sync" data-status="syncing">{t('clock.syncing')}</span>;
  return <span className="small warn" data-testid="clock-sync" data-status="unsynced">{t('clock.unsynced')}</span>;
}

/** Facilitator's controls: start/pause/resume, speed, skip to the next inject, end. */
function FacilitatorControls({ rec, incident, scenario, now, workspaceId }: { rec: YRecord; incident: Incident; scenario: Scenario | null; now: number; workspaceId: string }) {
  const { t } = useTranslation('drills');
  const show = useToasts((s) => s.show);
  const clock = useDrillClock(rec);
  const me = getDeviceId();
  if (!clock) return null;
  const act = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      show({ text: (err as Error).message, ttl: 6000 });
    }
  };
  const change = (f: Parameters<typeof updateClock>[3]) => act(() => updateClock(rec, me, Date.now(), f, 'user'));
  const next = scenario ? nextInject(scenario.injects, incident.t0, now) : null;
  const neverStarted = clock.status === 'paused' && clock.exerciseAtAnchor === incident.t0;
  return (
    <div className="drill-controls row" data-testid="facilitator-controls">
      {clock.status === 'paused' ? (
        <button type="button" className="primary" data-testid="clock-resume" onClick={() => change(resume)}>
          ▶ {neverStarted ? t('clock.start') : t('clock.resume')}
        </button>
      ) : (
        <button type="button" data-testid="clock-pause" onClick={() => change(pause)}>
          ⏸ {t('clock.pause')}
        </button>
      )}
      <span className="speed-group" role="group" aria-label={t('clock.speed')}>
        {CLOCK_SPEEDS.map((s) => (
          <button key={s} type="button" aria-pressed={clock.speed === s} className={clock.speed === s ? 'active' : ''} data-testid={`clock-speed-${s}`} onClick={() => change((c, n) => setSpeed(c, s, n))}>
            {s}×
          </button>
        ))}
      </span>
      {next && (
        <button
          type="button"
          data-testid="clock-skip"
          onClick={() =>
            change((c, n) => {
              // Next inject after the clock's own time now (not the last rendered time).
              const upcoming = scenario ? nextInject(scenario.injects, incident.t0, exerciseTime(c, n)) : null;
              return upcoming ? jumpTo(c, injectAt(upcoming, incident.t0), n) : c;
            })
          }
        >
          ⏭ {t('clock.skipToNext')}
        </button>
      )}
      <button
        type="button"
        className="danger"
        data-testid="clock-end"
        onClick={async () => {
          if (!(await confirm({ title: t('clock.end'), body: t('clock.confirmEnd'), confirmLabel: t('clock.end'), danger: true }))) return;
          act(() => {
            endDrill(rec, me, Date.now(), 'user');
            navigate(incidentPath(workspaceId, incident, 'review'));
          });
        }}
      >
        ■ {t('clock.end')}
      </button>
    </div>
  );
}

/**
 * The drill strip of the incident room: the shared exercise clock, the facilitator's controls
 * and the injects released so far (derived from the shared clock, so every laptop shows the same).
 */
export function DrillPanel({ rec, incident, scenario, steps, now, workspaceId }: { rec: YRecord; incident: Incident; scenario: Scenario | null; steps: Array<{ id: string; title: string }>; now: number; workspaceId: string }) {
  const { t, i18n } = useTranslation('drills');
  const userName = useSession((s) => s.userName);
  const clock = useDrillClock(rec);
  const facilitator = useFacilitator(rec);
  const respondTo = useLogDraft((s) => s.respondTo);
  const offset = useClockSync((s) => s.offset);
  const released = scenario ? scenario.injects.filter((i) => injectAt(i, incident.t0) <= now) : [];
  const next = scenario ? nextInject(scenario.injects, incident.t0, now) : null;
  const responses = new Map<string, number>();
  for (const e of incident.log) if (e.injectId) responses.set(e.injectId, (responses.get(e.injectId) ?? 0) + 1);

  // Highlight injects that appeared since this laptop opened the room (for a few seconds).
  const releasedKey = released.map((i) => i.id).join(',');
  const [seen, setSeen] = useState<Set<string>>(() => new Set(releasedKey.split(',').filter(Boolean)));
  useEffect(() => {
    const timer = window.setTimeout(() => setSeen(new Set(releasedKey.split(',').filter(Boolean))), 8000);
    return () => window.clearTimeout(timer);
  }, [releasedKey]);
  const isNew = (id: string) => !seen.has(id);

  const closed = incident.state === 'closed';
  return (
    <section className="panel drill-panel" aria-label={t('clock.exerciseTime')}>
      <div className="drill-clock-row">
        <div className="drill-clock">
          <span className="muted small">{t('clock.exerciseTime')}</span>
          <strong className="clock-big" data-testid="exercise-clock">
            {formatTime(i18n.language, now, { seconds: true })}
          </strong>
          <span className="clock-elapsed" data-testid="exercise-elapsed">
            {elapsedText(now - incident.t0)}
          </span>
          <span className={`badge ${clock?.status === 'running' && !closed ? 'badge-active' : ''}`} data-testid="clock-status" data-status={closed ? 'ended' : clock?.status}>
            {closed ? t('clock.ended') : clock?.status === 'running' ? t('clock.running') : t('clock.paused')} · {clock?.speed ?? 1}×
          </span>
        </div>
        <div className="drill-side">
          <span className="small">{t('clock.facilitator', { name: facilitator.name || '?' })}</span>
          <SyncNote />
          {next ? <span className="small">{t('clock.next', { offset: offsetText(next.offsetMinutes) })}</span> : scenario && <span className="small">{t('clock.allOut')}</span>}
          {!facilitator.isMe && !closed && (
            <button
              type="button"
              className="link"
              onClick={() => {
                void confirm({ title: t('clock.takeOver'), confirmLabel: t('clock.takeOver') }).then((ok) => ok && takeOverFacilitation(rec, getDeviceId(), userName, Date.now(), offset, 'user'));
              }}
            >
              {t('clock.takeOver')}
            </button>
          )}
        </div>
      </div>
      {facilitator.isMe && !closed && <FacilitatorControls rec={rec} incident={incident} scenario={scenario} now={now} workspaceId={workspaceId} />}
      <h2>{t('injects.title')}</h2>
      {released.length === 0 ? (
        <p className="muted">{t('injects.none')}</p>
      ) : (
        <ol className="inject-list" data-testid="inject-list">
          {[...released].reverse().map((inj) => {
            const step = resolveInjectStep(inj, steps);
            return (
              <li key={inj.id} className={`inject channel-${inj.channel}${isNew(inj.id) ? ' inject-new' : ''}`} data-testid="inject" data-inject-id={inj.id} data-offset={inj.offsetMinutes}>
                <div className="inject-head">
                  <span className="inject-at">{offsetText(inj.offsetMinutes)}</span>
                  <span className="badge">{t(`channels.${inj.channel}`)}</span>
                  {isNew(inj.id) && <span className="badge badge-warn">{t('injects.new')}</span>}
                  {step && <span className="muted small">{t('injects.step', { title: step.title })}</span>}
                  <span className="spacer" />
                  <span className="muted small">{t('injects.responses', { count: responses.get(inj.id) ?? 0 })}</span>
                  {!closed && (
                    <button type="button" data-testid="inject-respond" onClick={() => respondTo(inj.id)}>
                      {t('injects.respond')}
                    </button>
                  )}
                </div>
                <p className="inject-content">{inj.content}</p>
                {(facilitator.isMe || closed) && inj.expectedResponse && (
                  <details>
                    <summary className="small">{t('injects.expected')}</summary>
                    <p className="small">{inj.expectedResponse}</p>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
