import { useTranslation } from 'react-i18next';
import { usePresence } from '../../sync/presence';
import './sync.css';

/** Coloured name tags of the other members editing `recordId` right now (nothing when none). */
export function PresenceBadge({ recordId }: { recordId: string | null | undefined }) {
  const { t } = useTranslation('sync');
  const people = usePresence(recordId);
  if (people.length === 0) return null;
  return (
    <span className="presence-badge" data-testid="presence-badge" title={`${t('peers.editing')}: ${people.map((p) => p.name).join(', ')}`}>
      {people.map((p) => (
        <span key={p.clientId} className="who" style={{ background: p.color }}>
          {p.name || t('peers.unknownName')}
        </span>
      ))}
    </span>
  );
}
