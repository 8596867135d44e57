import type { ReactElement } from 'react';
import { PlaybookPage } from '../features/playbook/PlaybookPage';
import { isRolesPrintRoute, RolesPage } from '../features/roles/RolesPage';
import { IncidentsPage, isIncidentFullScreen } from '../features/incidents/IncidentsPage';
import { DrillsPage, isDrillFullScreen } from '../features/drills/DrillsPage';
import { DrillIndicator } from '../features/drills/DrillIndicator';
import { drillViews } from '../features/drills/drillViews';
import { isStatementsFullScreen, StatementsPage } from '../features/statements/StatementsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { MembersPage } from '../features/members/MembersPage';
import { AutoBackupRunner, BackupPage } from '../features/backup/BackupPage';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { HostAccessNotice } from '../features/sync/HostAccessNotice';
import { SignoffInbox } from '../features/statements/SignoffInbox';
import { SearchPalette } from '../features/search/SearchPalette';
import { ShortcutSheet } from '../features/help/ShortcutSheet';
import { CompanyPage } from '../features/company/CompanyPage';

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
}

export const sections: Section[] = [
  { id: 'playbook', labelKey: 'app:nav.playbook', render: (p) => <PlaybookPage {...p} /> },
  { id: 'incidents', labelKey: 'incidents:nav', render: (p) => <IncidentsPage {...p} drillViews={drillViews} />, fullScreen: isIncidentFullScreen },
  { id: 'statements', labelKey: 'statements:nav', render: (p) => <StatementsPage {...p} />, fullScreen: isStatementsFullScreen },
  { id: 'roles', labelKey: 'roles:nav', render: (p) => <RolesPage {...p} />, fullScreen: isRolesPrintRoute },
  { id: 'drills', labelKey: 'drills:nav', render: (p) => <DrillsPage {...p} />, fullScreen: isDrillFullScreen },
  { id: 'members', labelKey: 'members:nav', render: (p) => <MembersPage {...p} /> },
  { id: 'company', labelKey: 'company:nav', render: () => <CompanyPage /> },
  { id: 'sync', labelKey: 'sync:nav', render: (p) => <SyncPage {...p} /> },
  { id: 'backup', labelKey: 'backup:nav', render: (p) => <BackupPage {...p} /> },
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
