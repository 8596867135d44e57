import type { Language } from '../../shared/languages';
import { appLocales } from '../app/locales';
import { playbookLocales } from '../features/playbook/locales';
import { rolesLocales } from '../features/roles/locales';
import { incidentsLocales } from '../features/incidents/locales';
import { drillsLocales } from '../features/drills/locales';
import { statementsLocales } from '../features/statements/locales';
import { syncLocales } from '../features/sync/locales';
import { membersLocales } from '../features/members/locales';
import { backupLocales } from '../features/backup/locales';
import { roomsLocales } from '../rooms/locales';
import { vaultLocales } from '../features/vault/locales';
import { searchLocales } from '../features/search/locales';
import { undoLocales } from '../features/undo/locales';
import { notifyLocales } from '../features/notify/locales';
import { helpLocales } from '../features/help/locales';
import { companyLocales } from '../features/company/locales';
import { runbookLocales } from '../features/playbook/runbookLocales';
import { uiLocales } from '../ui/locales';

/** A feature's strings in every language (the same keys in each). */
export type LocaleBundle = Record<Language, Record<string, unknown>>;

/** Every i18n namespace: one line per feature. */
export const namespaces: Record<string, LocaleBundle> = {
  app: appLocales,
  playbook: playbookLocales,
  roles: rolesLocales,
  incidents: incidentsLocales,
  drills: drillsLocales,
  statements: statementsLocales,
  sync: syncLocales,
  members: membersLocales,
  backup: backupLocales,
  rooms: roomsLocales,
  vault: vaultLocales,
  search: searchLocales,
  undo: undoLocales,
  notify: notifyLocales,
  help: helpLocales,
  company: companyLocales,
  runbook: runbookLocales,
  ui: uiLocales,
};
