import { lazy, Suspense, useState, type ComponentType, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PlaybookPage } from '../features/playbook/PlaybookPage';
import { DrillIndicator } from '../features/drills/DrillIndicator';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { HostAccessNotice } from '../features/sync/HostAccessNotice';
import { SignoffInbox } from '../features/statements/SignoffInbox';
import { SearchPalette } from '../features/search/SearchPalette';
import { ShortcutSheet } from '../features/help/ShortcutSheet';
import { AutoBackupRunner } from './autoBackupRunner';

/** Props every section page receives. */
export interface SectionProps {
  /** Path parts after the section id (sub-pages such as print views). */
  rest: string[];
  params: URLSearchParams;
}

/**
 * The navigation registry: one entry per section of an open workspace. Features add one line.
 * `labelKey` is an i18n key (`namespace:key`). `hideNav` keeps full-screen pages (projector,
 * print views) out of the sidebar; `fullScreen` renders without the app chrome.
 */
export interface Section {
  id: string;
  labelKey: string;
  render: (props: SectionProps) => ReactElement;
  hideNav?: boolean;
  fullScreen?: (props: SectionProps) => boolean;
  /** Loads the section's code ahead of its first visit (lazy sections only). */
  preload?: () => Promise<unknown>;
}

/** Shown while a section's code loads (its first visit in this page, unless preloaded). */
function SectionLoading(): ReactElement {
  const { t } = useTranslation('app');
  return (
    <p className="muted" data-testid="section-loading">
      {t('workspaces.loading')}
    </p>
  );
}

/**
 * A section whose code is its own chunk, loaded on its first visit (or by `preload`): the app's
 * first chunk holds only the shell and the landing section (the playbook), so a new tab parses
 * and runs less before it first renders (issue 14, bench P13); `preloadSections` then loads the
 * rest. `load` resolves to the page.
 */
function lazySection(load: () => Promise<ComponentType<SectionProps>>): Pick<Section, 'render' | 'preload'> {
  let loading: Promise<{ default: ComponentType<SectionProps> }> | null = null;
  /** The page once its code is here: rendered at once, without suspending. */
  let loaded: ComponentType<SectionProps> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (Page) => ((loaded = Page), { default: Page }),
      (err: unknown) => {
        loading = null;
        throw err;
      },
    ));
  // Only a visit before the code is here suspends: React shows a suspended section's content no
  // sooner than ~300 ms after its fallback (its reveal throttle), which a preloaded page never needs.
  const Pending = lazy(preload);
  // Chosen once per visit: a page that suspended is not swapped for the loaded one (that would remount it).
  function Host(p: SectionProps) {
    const [Page] = useState(() => loaded);
    if (Page) return <Page {...p} />;
    return (
      <Suspense fallback={<SectionLoading />}>
        <Pending {...p} />
      </Suspense>
    );
  }
  return { preload, render: (p) => <Host {...p} /> };
}

/**
 * Loads every lazy section's code (startup.ts calls it once the first screen is done, at idle), so
 * a section opens later without the network —
 * offline-first in web mode too (tests/e2e/statements.spec.ts goes offline, then opens statements).
 */
export function preloadSections(): void {
  for (const s of sections) s.preload?.().catch((err: unknown) => console.warn(`[app] the ${s.id} section's code did not load`, err));
}

// Which sub-paths render without the chrome: the routes' shapes, kept here (not imported from the
// pages) so that deciding does not load a page's code.
const projector = (p: SectionProps): boolean => p.rest[1] === 'projector';

export const sections: Section[] = [
  { id: 'playbook', labelKey: 'app:nav.playbook', render: (p) => <PlaybookPage {...p} /> },
  {
    id: 'incidents',
    labelKey: 'incidents:nav',
    ...lazySection(async () => {
      const [{ IncidentsPage }, { drillViews }] = await Promise.all([import('../features/incidents/IncidentsPage'), import('../features/drills/drillViews')]);
      return (p: SectionProps) => <IncidentsPage {...p} drillViews={drillViews} />;
    }),
    fullScreen: projector,
  },
  { id: 'statements', labelKey: 'statements:nav', ...lazySection(async () => (await import('../features/statements/StatementsPage')).StatementsPage), fullScreen: (p) => p.rest[1] === 'print' },
  { id: 'roles', labelKey: 'roles:nav', ...lazySection(async () => (await import('../features/roles/RolesPage')).RolesPage), fullScreen: (p) => p.rest[0] === 'print' },
  { id: 'drills', labelKey: 'drills:nav', ...lazySection(async () => (await import('../features/drills/DrillsPage')).DrillsPage), fullScreen: projector },
  { id: 'members', labelKey: 'members:nav', ...lazySection(async () => (await import('../features/members/MembersPage')).MembersPage) },
  { id: 'company', labelKey: 'company:nav', ...lazySection(async () => (await import('../features/company/CompanyPage')).CompanyPage) },
  { id: 'sync', labelKey: 'sync:nav', ...lazySection(async () => (await import('../features/sync/SyncPage')).SyncPage) },
  { id: 'backup', labelKey: 'backup:nav', ...lazySection(async () => (await import('../features/backup/BackupPage')).BackupPage) },
];

/** Items shown at the right of the top bar while a workspace is open (e.g. sync status). */
export const topBarItems: Array<{ id: string; render: () => ReactElement }> = [
  { id: 'search', render: () => <SearchPalette /> },
  { id: 'shortcuts', render: () => <ShortcutSheet /> },
  { id: 'drill', render: () => <DrillIndicator /> },
  { id: 'signoff', render: () => <SignoffInbox /> },
  { id: 'sync', render: () => <SyncIndicator /> },
  { id: 'hostAccess', render: () => <HostAccessNotice /> },
  { id: 'autoBackup', render: () => <AutoBackupRunner /> },
];
