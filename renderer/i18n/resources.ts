import type { Language } from '../../shared/languages';
import { appLocales } from '../app/locales';
import { playbookLocales } from '../features/playbook/locales';
import { rolesLocales } from '../features/roles/locales';
import { incidentsLocales } from '../features/incidents/locales';
import { drillsLocales } from '../features/drills/locales';
import { statementsLocales } from '../features/statements/locales';
import { syncLocales } from '../features/sync/locales';
import { membersLocales } from '../features/members/locales';

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
};
