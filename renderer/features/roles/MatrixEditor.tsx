import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { confirm } from '../../ui/confirm';
import { navigate, workspacePath } from '../../app/router';
import { SectionHeader } from '../../ui/fields';
import { copyCrisisTypeCells, removeCells, setCell } from '../../../shared/roles/raci';
import { setFirstResponder } from '../../../shared/roles/roleMap';
import { cellKey, isRaciRole, PHASES, RACI_ROLES, type RoleCrisisType, type RoleMap } from '../../../shared/roles/types';
import type { IssueIndex, RoleIssue } from '../../../shared/roles/validate';
import { InlineIssues, IssueBadge } from './IssueList';

interface Props {
  doc: Y.Doc;
  map: RoleMap;
  index: IssueIndex;
  workspaceId: string;
  selectedId: string | null;
}

/**
 * The RACI matrix, one crisis type at a time: units down, phases across, one role per cell,
 * the first responder above. Each cell is its own Yjs key, so people editing different cells
 * at once never overwrite each other. Problems show in the column they concern.
 */
export function MatrixEditor({ doc, map, index, workspaceId, selectedId }: Props) {
  const { t } = useTranslation('roles');
  if (map.crisisTypes.length === 0) return <p className="muted">{t('matrix.noCrisisTypes')}</p>;
  const selected = map.crisisTypes.find((c) => c.id === selectedId) ?? map.crisisTypes[0]!;
  const typeIssues = (ct: RoleCrisisType): RoleIssue[] => [...typeLevelIssues(index, ct), ...PHASES.flatMap((p) => index.rows.get(`${ct.id}|${p}`) ?? [])];
  return (
    <div className="master-detail">
      <aside className="master">
        <SectionHeader title={t('matrix.crisisTypes')} />
        <ol className="master-list">
          {map.crisisTypes.map((c) => (
            <li key={c.id} className={c.id === selected.id ? 'active' : ''}>
              <a href={workspacePath(workspaceId, 'roles', 'matrix', c.id)} data-testid="matrix-type-link">
                {c.name || t('untitled')}
              </a>{' '}
              <IssueBadge issues={typeIssues(c)} />
            </li>
          ))}
        </ol>
      </aside>
      <section className="detail">
        <CrisisTypeMatrix key={selected.id} doc={doc} map={map} index={index} crisisType={selected} onCopied={() => navigate(workspacePath(workspaceId, 'roles', 'matrix', selected.id))} />
      </section>
    </div>
  );
}

/** Issues of a crisis type as a whole: not mapped, and everything about its first responder. */
function typeLevelIssues(index: IssueIndex, ct: RoleCrisisType): RoleIssue[] {
  const all = [...(index.crisisTypes.get(ct.id) ?? []), ...(index.units.get(ct.firstResponderUnitId) ?? []).filter((i) => i.crisisTypeId === ct.id)];
  return all.filter((i, n) => all.findIndex((j) => j.id === i.id) === n);
}

function CrisisTypeMatrix({ doc, map, index, crisisType: ct, onCopied }: { doc: Y.Doc; map: RoleMap; index: IssueIndex; crisisType: RoleCrisisType; onCopied: () => void }) {
  const { t } = useTranslation('roles');
  const name = ct.name || t('untitled');
  const frIssues = typeLevelIssues(index, ct);
  const mapped = map.units.some((u) => PHASES.some((p) => map.cells.has(cellKey(ct.id, p, u.id))));
  return (
    <div data-testid="matrix" data-crisis-type={ct.name}>
      <div className="detail-header">
        <h2>{name}</h2>
        <span className="row">
          <select
            aria-label={t('matrix.copyFrom')}
            data-testid="matrix-copy-from"
            value=""
            onChange={(e) => {
              const from = map.crisisTypes.find((c) => c.id === e.target.value);
              if (!from) return;
              void confirm({ title: t('matrix.copyFrom'), body: t('matrix.confirmCopy', { from: from.name, to: name }) }).then((ok) => {
                if (!ok) return;
                copyCrisisTypeCells(doc, from.id, ct.id, 'user');
                onCopied();
              });
            }}
          >
            <option value="">{t('matrix.copyFrom')}</option>
            {map.crisisTypes
              .filter((c) => c.id !== ct.id)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name || t('untitled')}
                </option>
              ))}
          </select>
          <button type="button" className="danger" onClick={() => void confirm({ title: t('matrix.clear'), body: t('matrix.confirmClear', { name }), confirmLabel: t('matrix.clear'), danger: true }).then((ok) => ok && removeCells(doc, (c) => c.crisisTypeId === ct.id, 'user'))}>
            {t('matrix.clear')}
          </button>
        </span>
      </div>
      <label className="field roles-fr">
        <span>{t('matrix.firstResponder')}</span>
        <select aria-label={t('matrix.firstResponder')} data-testid="first-responder" value={ct.firstResponderUnitId} onChange={(e) => setFirstResponder(doc, ct.id, e.target.value, 'user')}>
          <option value="">{t('notSet')}</option>
          {ct.firstResponderUnitId && !map.units.some((u) => u.id === ct.firstResponderUnitId) && <option value={ct.firstResponderUnitId}>{t('notSet')}</option>}
          {map.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name || t('untitled')}
            </option>
          ))}
        </select>
      </label>
      <InlineIssues issues={frIssues} />
      {map.units.length === 0 ? (
        <p className="muted">{t('matrix.noUnits')}</p>
      ) : (
        <table className="roles-matrix">
          <thead>
            <tr>
              <th scope="col">{t('matrix.unit')}</th>
              {PHASES.map((p) => {
                const errors = (index.rows.get(`${ct.id}|${p}`) ?? []).length;
                return (
                  <th key={p} scope="col" className={errors ? 'has-error' : ''} data-testid="phase-head" data-phase={p} data-errors={errors}>
                    {t(`phases.${p}`)} {errors ? '✖' : ''}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {map.units.map((u) => (
              <tr key={u.id} className={u.kind === 'external' ? 'external' : ''}>
                <th scope="row">
                  {u.name || t('untitled')}
                  {u.kind === 'external' && <span className="muted small"> · {t('unit.external')}</span>}
                </th>
                {PHASES.map((p) => {
                  const role = map.cells.get(cellKey(ct.id, p, u.id)) ?? '';
                  const rowErrors = (index.rows.get(`${ct.id}|${p}`) ?? []).length > 0;
                  return (
                    <td key={p} className={`raci-cell${role ? ` role-${role}` : ''}${rowErrors ? ' has-error' : ''}`}>
                      <select
                        aria-label={t('matrix.cellLabel', { crisisType: name, phase: t(`phases.${p}`), unit: u.name || t('untitled') })}
                        data-testid="raci-cell"
                        data-phase={p}
                        data-unit={u.name}
                        aria-invalid={rowErrors}
                        value={role}
                        onChange={(e) => setCell(doc, ct.id, p, u.id, isRaciRole(e.target.value) ? e.target.value : null, 'user')}
                      >
                        <option value="">{t('roles.none')}</option>
                        {RACI_ROLES.map((r) => (
                          <option key={r} value={r} title={t(`roleHelp.${r}`)}>
                            {r} {t(`roles.${r}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" />
              {PHASES.map((p) => {
                const issues = index.rows.get(`${ct.id}|${p}`);
                return (
                  <td key={p} className="roles-phase-status" data-testid="phase-status" data-phase={p}>
                    {issues?.length ? <InlineIssues issues={issues} testId="cell-issue" /> : mapped ? <span className="roles-ok">{t('matrix.rowOk')}</span> : null}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
      )}
      <ul className="roles-legend muted small">
        {RACI_ROLES.map((r) => (
          <li key={r}>{t(`roleHelp.${r}`)}</li>
        ))}
      </ul>
    </div>
  );
}
