import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanHost, localHostUrl } from '../../sync/lanHostStore';
import { useSyncSettings } from '../../sync/syncSettings';
import { normalizeHostAddress } from '../../sync/hostAddress';
import { useSession } from '../../session/sessionStore';
import { NOT_HOSTED } from '../../platform/platform.web';
import { useHostChecks, verifyHost } from '../../sync/hostCheck';
import { currentRoomKey } from '../../sync/syncLifecycle';
import { useCurrentWorkspace } from '../../workspace/useWorkspace';
import { useYSnapshot } from '../../hooks/useY';
import { metaOf } from '../../../shared/doc/workspaceDoc';

/** Host on this computer, hosts nearby, or a typed address: where this workspace finds its peers. */
export function HostPanel({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation('sync');
  const { status, nearby, busy, error, canControl, refresh, start, stop } = useLanHost();
  const hosts = useSyncSettings((s) => s.hosts[workspaceId]) ?? [];
  const setHosts = useSyncSettings((s) => s.setHosts);
  const userName = useSession((s) => s.userName);
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState(false);
  const checks = useHostChecks((s) => s.byUrl);
  const doc = useCurrentWorkspace((s) => s.current?.doc ?? null);
  const workspaceName = useYSnapshot(doc ? metaOf(doc) : null, (m) => String(m.get('name') ?? ''));
  const verify = (url: string) => void verifyHost(url, workspaceId, currentRoomKey());

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), 5000);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const choose = (url: string) => setHosts(workspaceId, [url, ...hosts.filter((h) => h !== url)].slice(0, 4));
  const connect = () => {
    const url = normalizeHostAddress(address);
    setAddressError(!url);
    if (!url) return;
    choose(url);
    setAddress('');
  };
  const local = localHostUrl(status);

  return (
    <section aria-labelledby="host-title" data-testid="host-panel">
      <h2 id="host-title">{t('host.title')}</h2>
      <div className="card">
        <strong>{t('host.thisComputer')}</strong>
        {status.running ? (
          <span>
            {t('host.running')} <code data-testid="host-urls">{status.urls.join(', ') || local}</code> · {t('host.connections', { count: status.connections })}
          </span>
        ) : (
          <span className="muted">{t('host.stopped')}</span>
        )}
        {canControl ? (
          status.running ? (
            <button type="button" disabled={busy} onClick={() => void stop()}>
              {t('host.stop')}
            </button>
          ) : (
            <button type="button" className="primary" disabled={busy} onClick={() => void start(userName || undefined)}>
              {t('host.start')}
            </button>
          )
        ) : (
          <span className="muted small">{t('host.webMode')}</span>
        )}
        {status.running && status.advertised && <span className="muted small">{t('host.advertised')}</span>}
        {(error || status.error) &&
          ((error ?? status.error) === NOT_HOSTED ? (
            <span className="muted small" data-testid="host-not-served">
              {t('host.notServed')}
            </span>
          ) : (
            // Errors from the operating system or main process stay as they are, under a translated label.
            <span className="error small" role="alert">
              {t('host.failed')} <code>{error ?? status.error}</code>
            </span>
          ))}
      </div>

      {hosts.length > 0 && (
        <p>
          {t('host.current')}{' '}
          {hosts.map((h) => (
            <span key={h} className="badge">
              {h}{' '}
              <button type="button" className="link" onClick={() => setHosts(workspaceId, hosts.filter((x) => x !== h))}>
                {t('host.remove')}
              </button>
            </span>
          ))}
        </p>
      )}

      <h3>{t('host.nearby')}</h3>
      {nearby.length === 0 ? (
        <p className="muted">{t('host.nearbyNone')}</p>
      ) : (
        <>
          <p className="muted small">{t('host.unverifiedHelp')}</p>
          <ul className="peer-list" data-testid="nearby-hosts">
            {nearby.map((h) => {
              // A discovered host names a workspace only once a member answered through it.
              const check = checks[h.url]?.workspaceId === workspaceId ? checks[h.url] : undefined;
              const verified = check?.state === 'verified';
              return (
                <li key={h.url} className="peer" data-testid="nearby-host" data-verified={String(verified)}>
                  <code>{h.url}</code>
                  {verified ? (
                    <span className="badge" data-testid="host-verified">
                      {t('host.verified', { name: workspaceName, count: check.members ?? 0 })}
                    </span>
                  ) : (
                    <>
                      <span className="badge">{t('host.unverified')}</span>
                      <span className="muted small">{t('host.announcedAs', { name: h.name })}</span>
                    </>
                  )}
                  {check?.state === 'failed' && check.reason !== 'noKey' && (
                    <span className="error small" role="status">
                      {t(`host.checkFailed.${check.reason ?? 'noMember'}`)}
                    </span>
                  )}
                  {hosts.includes(h.url) ? (
                    <span className="badge">{t('host.inUse')}</span>
                  ) : verified ? (
                    <button type="button" onClick={() => choose(h.url)}>
                      {t('host.use')}
                    </button>
                  ) : (
                    <button type="button" disabled={check?.state === 'checking'} onClick={() => verify(h.url)}>
                      {check?.state === 'checking' ? t('host.checking') : t('host.check')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}

      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          connect();
        }}
      >
        <label>
          <span className="sr-only">{t('host.address')}</span>
          <input aria-label={t('host.address')} aria-invalid={addressError} value={address} placeholder={t('host.addressPlaceholder')} onChange={(e) => setAddress(e.target.value)} maxLength={200} />
        </label>
        <button type="submit">{t('host.connect')}</button>
      </form>
      {addressError && (
        <p className="error" role="alert">
          {t('host.badAddress')}
        </p>
      )}
    </section>
  );
}
