import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { realIncidents } from '../../../shared/incidents/incidents';
import type { Incident } from '../../../shared/incidents/types';
import { workspacePath } from '../../app/router';
import { TextField } from '../../ui/fields';
import { formatDateTime } from '../../i18n/format';
import { useCompanyProfile, useIncidentList } from './hooks';

/** Where an incident's room lives: drills under the drills section, real incidents here. */
export function incidentPath(workspaceId: string, incident: Pick<Incident, 'id' | 'drill'>, ...rest: string[]): string {
  return workspacePath(workspaceId, incident.drill ? 'drills' : 'incidents', incident.id, ...rest);
}

export function IncidentBadges({ incident }: { incident: Pick<Incident, 'drill' | 'state' | 'drillFlagTampered'> }) {
  const { t } = useTranslation('incidents');
  return (
    <>
      {incident.drill && (
        <span className="badge badge-drill" data-testid="drill-badge">
          {t('badge.drill')}
        </span>
      )}
      <span className={`badge ${incident.state === 'closed' ? '' : 'badge-active'}`}>{incident.state === 'closed' ? t('badge.closed') : t('badge.active')}</span>
      {incident.drillFlagTampered && (
        <span className="badge badge-warn" title={t('badge.tampered')}>
          ⚠ {t('badge.tampered')}
        </span>
      )}
    </>
  );
}

function IncidentItems({ items, workspaceId }: { items: Incident[]; workspaceId: string }) {
  const { t, i18n } = useTranslation('incidents');
  return (
    <ul className="card-list">
      {items.map((inc) => (
        <li key={inc.id} className="card" data-testid="incident-item">
          <a className="card-title" href={incidentPath(workspaceId, inc)}>
            {inc.title}
          </a>
          <IncidentBadges incident={inc} />
          <span className="badge">{t('severityLevel', { level: inc.severity })}</span>
          <span className="muted small">{t('room.t0', { time: formatDateTime(i18n.language, inc.t0, { zone: false }) })}</span>
        </li>
      ))}
    </ul>
  );
}

/** The incidents section's start page: declare, the list of real incidents, drills apart. */
export function IncidentList({ doc, workspaceId }: { doc: Y.Doc; workspaceId: string }) {
  const { t } = useTranslation('incidents');
  const all = useIncidentList(doc);
  const profile = useCompanyProfile(doc);
  const real = realIncidents(all);
  const drills = all.filter((i) => i.drill);
  return (
    <main className="page incidents-page">
      <div className="row">
        <h1>{t('title')}</h1>
        <span className="spacer" />
        <a className="button primary" href={workspacePath(workspaceId, 'incidents', 'new')} data-testid="declare-incident">
          {t('declare')}
        </a>
      </div>
      <h2>{t('realHeading')}</h2>
      <p className="muted small" data-testid="real-report">
        {t('reportLine', { count: real.length, active: real.filter((i) => i.state === 'active').length })} {t('drillsExcluded')}
      </p>
      {real.length === 0 ? <p className="muted">{t('empty')}</p> : <IncidentItems items={real} workspaceId={workspaceId} />}
      {drills.length > 0 && (
        <>
          <h2>{t('drillHeading')}</h2>
          <IncidentItems items={drills} workspaceId={workspaceId} />
        </>
      )}
      <details className="profile-card">
        <summary>{t('profile.title')}</summary>
        <div className="record-row">
          <TextField record={metaOf(doc)} field="companyName" label={t('profile.company')} value={profile.companyName} testId="company-name" />
          <TextField record={metaOf(doc)} field="contact" label={t('profile.contact')} value={profile.contact} testId="press-contact" />
        </div>
        <a href={workspacePath(workspaceId, 'company')}>{t('profile.more')}</a>
      </details>
    </main>
  );
}
