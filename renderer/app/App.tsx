import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoute, workspacePath } from './router';
import { preloadSections, sections, topBarItems, type Section } from './sections';
import { preloadWhenSettled } from './startup';
import { StorageBanner, SaveIndicator } from './StorageBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { WorkspaceList } from '../features/workspaces/WorkspaceList';
import { SettingsPage } from '../features/settings/SettingsPage';
import { OnboardingPage } from '../features/settings/OnboardingPage';
import { useGateStage, VaultScreen } from '../features/vault/VaultGate';
import { useIdentity } from '../identity/identity';
import { Toasts } from '../ui/toasts';
import { ConfirmHost } from '../ui/confirm';
import { useCurrentWorkspace } from '../workspace/useWorkspace';
import { useSession } from '../session/sessionStore';
import { useYSnapshot } from '../hooks/useY';
import { metaOf } from '../../shared/doc/workspaceDoc';

/** The app, with the one confirmation dialog (ui/confirm.tsx) mounted beside every screen. */
export function App() {
  useEffect(() => {
    performance.mark('crisis-room:app-mounted');
    // The sections' code loads once the first screen is done (startup.ts).
    return preloadWhenSettled(preloadSections);
  }, []);
  return (
    <>
      <AppShell />
      <ConfirmHost />
    </>
  );
}

function AppShell() {
  const route = useRoute();
  const { t } = useTranslation('app');
  const language = useSession((s) => s.language);
  const { current, loadingId, error, open, close } = useCurrentWorkspace();
  // Before anything else: the vault (renderer/vault) must be open — first start, unlock screen.
  const gate = useGateStage();

  useEffect(() => {
    if (gate !== 'open') return;
    if (route.workspaceId) void open(route.workspaceId);
    else close();
  }, [route.workspaceId, open, close, gate]);

  useEffect(() => {
    document.title = t('appName');
  }, [t, language]);

  const section: Section | undefined = sections.find((s) => s.id === (route.section ?? 'playbook'));
  const sectionProps = { rest: route.rest, params: route.params };
  const identity = useIdentity((s) => s.status);
  const identityError = useIdentity((s) => s.error);
  useEffect(() => {
    if (identity === 'ready') performance.mark('crisis-room:identity-ready');
  }, [identity]);

  if (gate !== 'open') {
    return (
      <div className="app" data-identity={gate}>
        <header className="topbar">
          <span className="brand">{t('appName')}</span>
          <span className="spacer" />
          <LanguageSwitch />
        </header>
        <VaultScreen stage={gate} />
      </div>
    );
  }

  // Nobody works in the app before saying who they are: first start shows only the profile form.
  if (identity !== 'ready') {
    return (
      <div className="app" data-identity={identity}>
        <header className="topbar">
          <span className="brand">{t('appName')}</span>
          <span className="spacer" />
          <LanguageSwitch />
        </header>
        {identity === 'none' && <OnboardingPage />}
        {identity === 'loading' && (
          <p className="page muted" data-testid="identity-loading">
            {t('identity.loading')}
          </p>
        )}
        {identity === 'error' && (
          <p className="page error" role="alert">
            {t('identity.error', { message: identityError ?? '' })}
          </p>
        )}
      </div>
    );
  }

  if (route.workspaceId && current && section?.fullScreen?.(sectionProps)) {
    return <div className="fullscreen">{section.render(sectionProps)}</div>;
  }

  return (
    <div className="app" data-identity={identity}>
      <header className="topbar">
        <a className="brand" href="#/">
          {t('appName')}
        </a>
        {current && <WorkspaceTitle />}
        <span className="spacer" />
        {current && <SaveIndicator />}
        {current && topBarItems.map((item) => <span key={item.id}>{item.render()}</span>)}
        <LanguageSwitch />
        <a href="#/settings" className="nav-link">
          {t('nav.settings')}
        </a>
      </header>
      <StorageBanner />
      {route.workspaceId ? (
        <div className="workspace-layout">
          <nav className="sidebar" aria-label={t('appName')}>
            <a href="#/" className="nav-link">
              ← {t('workspaces.back')}
            </a>
            {sections
              .filter((s) => !s.hideNav)
              .map((s) => (
                <a
                  key={s.id}
                  href={workspacePath(route.workspaceId!, s.id)}
                  className={`nav-link${s.id === section?.id ? ' active' : ''}`}
                  aria-current={s.id === section?.id ? 'page' : undefined}
                  // A lazy section's code starts loading as the pointer or focus reaches its link.
                  onMouseEnter={() => void s.preload?.()}
                  onFocus={() => void s.preload?.()}
                >
                  {t(s.labelKey)}
                </a>
              ))}
          </nav>
          <div className="content">
            {error && (
              <p className="error" role="alert">
                {error.startsWith('errors.') ? t(error) : t('errors.unknown', { message: error })}
              </p>
            )}
            {!error && (loadingId || !current) && <p className="muted">{t('workspaces.loading')}</p>}
            {current && section && section.render(sectionProps)}
          </div>
        </div>
      ) : route.page === 'settings' ? (
        <SettingsPage />
      ) : (
        <WorkspaceList />
      )}
      <Toasts />
    </div>
  );
}

function WorkspaceTitle() {
  const doc = useCurrentWorkspace((s) => s.current?.doc ?? null);
  const name = useYSnapshot(doc ? metaOf(doc) : null, (m) => String(m.get('name') ?? ''));
  return <span className="workspace-title" data-testid="workspace-title" title={name}>{name}</span>;
}
