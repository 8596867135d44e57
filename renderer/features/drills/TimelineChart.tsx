import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../shared/drills/aar';
import { offsetText } from '../incidents/format';

const LANES: TimelineEvent['lane'][] = ['inject', 'log', 'task'];
const COLORS: Record<TimelineEvent['kind'], string> = {
  inject: '#b91c1c',
  signal: '#a16207',
  decision: '#7e22ce',
  action: '#0369a1',
  communication: '#0f766e',
  approval: '#15803d',
  taskDone: '#15803d',
  taskMissed: '#b91c1c',
};

/** Tick spacing (minutes) that gives about 6–12 ticks over `span` minutes. */
function tickStep(span: number): number {
  for (const step of [5, 10, 15, 30, 60, 120, 240, 480]) if (span / step <= 12) return step;
  return 1440;
}

/** The review's timeline as an SVG: one lane each for injects, log entries and tasks. */
export function TimelineChart({ events, t0, endAt }: { events: TimelineEvent[]; t0: number; endAt: number }) {
  const { t } = useTranslation('drills');
  const width = 960;
  const left = 90;
  const right = 20;
  const laneH = 44;
  const top = 10;
  const height = top + LANES.length * laneH + 30;
  const spanMin = Math.max(1, (endAt - t0) / 60_000);
  const x = (at: number) => left + ((at - t0) / 60_000 / spanMin) * (width - left - right);
  const step = tickStep(spanMin);
  const ticks: number[] = [];
  for (let m = 0; m <= spanMin + 0.001; m += step) ticks.push(m);
  return (
    <svg className="timeline-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('aar.timeline')} data-testid="timeline-chart">
      {LANES.map((lane, i) => (
        <g key={lane}>
          <rect x={left} y={top + i * laneH} width={width - left - right} height={laneH - 6} fill={i % 2 ? '#fafaf9' : '#f5f5f4'} />
          <text x={left - 8} y={top + i * laneH + laneH / 2} textAnchor="end" fontSize="13" fill="#57534e">
            {t(`aar.lanes.${lane}`)}
          </text>
        </g>
      ))}
      {ticks.map((m) => (
        <g key={m}>
          <line x1={x(t0 + m * 60_000)} x2={x(t0 + m * 60_000)} y1={top} y2={top + LANES.length * laneH} stroke="#d6d3d1" />
          <text x={x(t0 + m * 60_000)} y={top + LANES.length * laneH + 18} textAnchor="middle" fontSize="12" fill="#57534e">
            {offsetText(m)}
          </text>
        </g>
      ))}
      {events.map((e, i) => {
        const lane = LANES.indexOf(e.lane);
        const cy = top + lane * laneH + (laneH - 6) / 2;
        const cx = x(Math.min(Math.max(e.at, t0), endAt));
        return (
          <g key={`${e.refId}-${i}`} data-kind={e.kind}>
            {e.kind === 'inject' ? (
              <path d={`M ${cx} ${cy - 9} L ${cx + 8} ${cy + 7} L ${cx - 8} ${cy + 7} Z`} fill={COLORS[e.kind]} />
            ) : e.kind === 'taskMissed' ? (
              <path d={`M ${cx - 6} ${cy - 6} L ${cx + 6} ${cy + 6} M ${cx + 6} ${cy - 6} L ${cx - 6} ${cy + 6}`} stroke={COLORS[e.kind]} strokeWidth="3" />
            ) : (
              <circle cx={cx} cy={cy} r="6" fill={COLORS[e.kind]} fillOpacity="0.85" />
            )}
            <title>{`${offsetText((e.at - t0) / 60_000)} ${e.label}`}</title>
          </g>
        );
      })}
    </svg>
  );
}
