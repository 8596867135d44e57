import { useTranslation } from 'react-i18next';
import { useHostAccess } from '../../sync/hostAccess';

/**
 * In Electron: says when a host was allowed that this page cannot reach until it reloads (its CSP
 * was fixed when it loaded), and which configured hosts are not allowed. Nothing in web mode.
 */
export function HostAccessNotice() {
  const { t } = useTranslation('sync');
  const { reloadNeeded, declined, invalid } = useHostAccess();
  if (!reloadNeeded && declined.length === 0 && invalid.length === 0) return null;
  return (
    <span className="host-access-notice" role="status" data-testid="host-access-notice">
      {reloadNeeded && (
        <span>
          {t('trust.hosts.reloadNeeded')}{' '}
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            {t('trust.hosts.reload')}
          </button>
        </span>
      )}
      {declined.length > 0 && <span className="error small">{t('trust.hosts.declined', { hosts: declined.join(', ') })}</span>}
      {invalid.length > 0 && <span className="error small">{t('trust.hosts.invalid', { hosts: invalid.join(', ') })}</span>}
    </span>
  );
}
