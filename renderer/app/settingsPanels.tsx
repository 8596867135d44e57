import type { ReactElement } from 'react';
import { NotifySettingsPanel } from '../features/notify/NotifySettingsPanel';

/** Panels other features add to the Settings page (one line each; the page lists them in order). */
export const settingsPanels: Array<{ id: string; render: () => ReactElement }> = [{ id: 'notify', render: () => <NotifySettingsPanel /> }];
