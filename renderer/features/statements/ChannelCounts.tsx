import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelCount } from '../../../shared/statements/channels';

/** Live length per target channel, counted the way each platform counts. */
export const ChannelCounts = memo(function ChannelCounts({ counts, stale }: { counts: ChannelCount[]; stale: boolean }) {
  const { t } = useTranslation('statements');
  if (counts.length === 0) return <p className="muted small">{t('counts.none')}</p>;
  return (
    <ul className={`channel-counts${stale ? ' stale' : ''}`} data-testid="channel-counts" aria-live="polite">
      {counts.map((c) => (
        <li key={c.channel} className={c.over ? 'over' : ''} data-channel={c.channel} data-count={c.count}>
          <strong>{t(`channel.${c.channel}`)}</strong>{' '}
          {c.limit === null ? t('counts.noLimit', { count: c.count }) : t('counts.ofLimit', { count: c.count, limit: c.limit })}
          {c.segments !== undefined && c.segments > 1 ? ` · ${t('counts.smsParts', { parts: c.segments })}` : ''}
          {c.over ? ` · ${t('counts.over')}` : ''}
        </li>
      ))}
    </ul>
  );
});
