import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { navigate, workspacePath } from '../../app/router';
import { useSession } from '../../session/sessionStore';
import type { YRecord } from '../../../shared/doc/collection';
import type { GateState } from '../../../shared/statements/approval';
import { addVersion } from '../../../shared/statements/history';
import type { StatementFields } from '../../../shared/statements/types';
import { release, returnToDraft, startRevision, submitForReview } from '../../../shared/statements/workflow';
import { runAction } from './actions';
import { formatDateTime } from './format';

/** The derived status, what voided it, and the next workflow steps. */
export const StatusBar = memo(function StatusBar({ doc, wsId, rec, fields, gate }: { doc: Y.Doc; wsId: string; rec: YRecord; fields: StatementFields; gate: GateState & { checking: boolean } }) {
  const { t } = useTranslation('statements');
  const userName = useSession((s) => s.userName);
  const language = useSession((s) => s.language);
  const by = userName || t('someone');
  const role = (r: string) => t(`role.${r}`);
  return (
    <div className={`status-bar status-${gate.status}`} data-testid="status-bar" data-status={gate.status} data-checking={gate.checking ? 'true' : 'false'}>
      <span className={`status-badge status-${gate.status}`} data-testid="statement-status">
        {t(`status.${gate.status}`)}
      </span>
      {gate.checking && gate.stage === 'in_review' && <span className="muted small">{t('gate.checking')}</span>}
      {gate.voided.map((a) => (
        <span key={a.id} className="voided" data-testid="approval-void" role="status">
          {t('gate.voided', { role: role(a.role), by: a.by, at: formatDateTime(a.at, language) })}
        </span>
      ))}
      {gate.changedSinceRelease && (
        <span className="voided" role="status">
          {t('gate.changedSinceRelease')}
        </span>
      )}
      <span className="spacer" />
      {fields.stage === 'draft' && (
        <button type="button" data-testid="submit-review" onClick={() => runAction(t, () => submitForReview(doc, fields.id, by))}>
          {t('actions.submit')}
        </button>
      )}
      {fields.stage === 'in_review' && (
        <button type="button" onClick={() => runAction(t, () => returnToDraft(doc, fields.id, by))}>
          {t('actions.toDraft')}
        </button>
      )}
      {fields.stage === 'in_review' && (
        <button type="button" className="primary" data-testid="release" disabled={gate.status !== 'approved'} title={gate.status !== 'approved' ? t('actions.releaseNeedsApproval') : undefined} onClick={() => runAction(t, () => release(doc, fields.id, by))}>
          {t('actions.release')}
        </button>
      )}
      {fields.stage === 'released' && (
        <button
          type="button"
          onClick={() =>
            runAction(t, () => {
              const id = startRevision(doc, fields.id, by, t('actions.revisionTitle', { title: fields.title }));
              navigate(workspacePath(wsId, 'statements', id));
            })
          }
        >
          {t('actions.revise')}
        </button>
      )}
      {(fields.stage === 'draft' || fields.stage === 'in_review') && (
        <button type="button" data-testid="save-version" onClick={() => runAction(t, () => addVersion(rec, { by, reason: 'manual', label: '' }, 'user'))}>
          {t('actions.saveVersion')}
        </button>
      )}
      <a className="button-link" data-testid="export-pdf" href={workspacePath(wsId, 'statements', fields.id, 'print')}>
        {t('actions.export')}
      </a>
    </div>
  );
});
