import * as Y from 'yjs';
import type { YRecord } from '../../../shared/doc/collection';
import { collectionOf, metaOf, playbookOf } from '../../../shared/doc/workspaceDoc';
import { incidentsOf, listIncidents, readIncident } from '../../../shared/incidents/incidents';
import type { Incident } from '../../../shared/incidents/types';
import { sharedCrisisTypes, sharedSeverities, sharedUnits } from '../../../shared/playbook/sharedReads';
import type { CrisisType } from '../../../shared/playbook/types';
import { useYSnapshot } from '../../hooks/useY';

/** Every incident and drill of the workspace, newest first (re-renders on any change). */
export function useIncidentList(doc: Y.Doc): Incident[] {
  return useYSnapshot(incidentsOf(doc), () => listIncidents(doc)) ?? [];
}

/** One incident record and its plain snapshot (null when it does not exist). */
export function useIncident(doc: Y.Doc, id: string): { rec: YRecord | null; incident: Incident | null } {
  const coll = incidentsOf(doc);
  const rec = useYSnapshot(coll, (c) => {
    const r = c.get(id);
    return r instanceof Y.Map ? r : null;
  }) ?? null;
  const incident = useYSnapshot(rec, (r) => readIncident(r, id)) ?? null;
  return { rec, incident };
}

/** The playbook's crisis types (plain, with steps), kept current; one read per change, shared (read-only). */
export function useCrisisTypes(doc: Y.Doc): CrisisType[] {
  return useYSnapshot(playbookOf(doc).crisisTypes, () => sharedCrisisTypes(doc)) ?? [];
}

/** Severity levels the playbook defines: level number and name, most severe first. */
export function useSeverityLevels(doc: Y.Doc): Array<{ level: number; name: string }> {
  return (
    useYSnapshot(playbookOf(doc).severities, () =>
      sharedSeverities(doc)
        .map((s) => ({ level: s.level, name: s.name }))
        .sort((a, b) => a.level - b.level),
    ) ?? []
  );
}

/** Unit id → name, from the responsibility map. */
export function useUnitNames(doc: Y.Doc): Map<string, string> {
  return useYSnapshot(collectionOf(doc, 'units'), () => new Map(sharedUnits(doc).map((u) => [u.id, u.name]))) ?? new Map();
}

/** The company profile the statement templates are filled from (workspace meta, shared with the statement studio). */
export function useCompanyProfile(doc: Y.Doc): { companyName: string; workspaceName: string; contact: string; contentLanguage: string } {
  return (
    useYSnapshot(metaOf(doc), (m) => ({
      companyName: String(m.get('companyName') ?? ''),
      workspaceName: String(m.get('name') ?? ''),
      contact: String(m.get('contact') ?? ''),
      contentLanguage: String(m.get('contentLanguage') ?? ''),
    })) ?? { companyName: '', workspaceName: '', contact: '', contentLanguage: '' }
  );
}
