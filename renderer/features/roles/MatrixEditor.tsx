import { useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { confirm } from '../../ui/confirm';
import { navigate, workspacePath } from '../../app/router';
import { SectionHeader } from '../../ui/fields';
import { copyCrisisTypeCells, removeCells } from '../../../shared/roles/raci';
import { setFirstResponder } from '../../../shared/roles/roleMap';
import { PHASES, RACI_ROLES, type RoleCrisisType, type RoleMap } from '../../../shared/roles/types';
import type { IssueIndex, RoleIssue } from '../../../shared/roles/validate';
import { VirtualList, virtualRowProps } from '../../ui/VirtualList';
import { InlineIssues, IssueBadge } from './IssueList';
import { MatrixTable } from './MatrixTable';

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
        {/* Past 200 crisis types only the links in view; the selected one scrolled into view. */}
        <VirtualList
          as="ol"
          className="master-list"
          items={map.crisisTypes}
          itemKey={(c) => c.id}
          estimateSize={26}
          activeIndex={map.crisisTypes.indexOf(selected)}
          maxHeight="70vh"
          renderRow={(c, v) => (
            <li className={c.id === selected.id ? 'active' : ''} {...virtualRowProps(v)}>
              <a href={workspacePath(workspaceId, 'roles', 'matrix', c.id)} data-testid="matrix-type-link" aria-current={c.id === selected.id ? 'page' : undefined}>
                {c.name || t('untitled')}
              </a>{' '}
              <IssueBadge issues={typeIssues(c)} />
            </li>
          )}
        />
      </aside>
      <section className="detail">
        <CrisisTypeMatrix key={selected.id} doc={doc} map={map} index={index} crisisType={selected} onCopied={() => navigate(workspacePath(workspaceId, 'roles', 'matrix', selected.id))} />
      </section>
    </div>
  );
}

/** Up to this many crisis types / units a picker lists them all from the start. */
const LIST_AT_ONCE = 50;

/** Issues of a crisis type as a whole: not mapped, and everything about its first responder. */
function typeLevelIssues(index: IssueIndex, ct: RoleCrisisType): RoleIssue[] {
  const all = [...(index.crisisTypes.get(ct.id) ?? []), ...(index.units.get(ct.firstResponderUnitId) ?? []).filter((i) => i.crisisTypeId === ct.id)];
  const seen = new Set<string>();
  return all.filter((i) => !seen.has(i.id) && (seen.add(i.id), true));
}

function CrisisTypeMatrix({ doc, map, index, crisisType: ct, onCopied }: { doc: Y.Doc; map: RoleMap; index: IssueIndex; crisisType: RoleCrisisType; onCopied: () => void }) {
  const { t } = useTranslation('roles');
  const name = ct.name || t('untitled');
  const frIssues = typeLevelIssues(index, ct);
  // The pickers list every crisis type / unit only once touched (1,300 and 1,000 at 100×).
  const [allTypes, setAllTypes] = useState(map.crisisTypes.length <= LIST_AT_ONCE);
  const [allUnits, setAllUnits] = useState(map.units.length <= LIST_AT_ONCE);
  const expandTypes = () => !allTypes && setAllTypes(true);
  const expandUnits = () => !allUnits && setAllUnits(true);
  const frUnit = map.units.find((u) => u.id === ct.firstResponderUnitId);
  return (
    <div data-testid="matrix" data-crisis-type={ct.name}>
      <div className="detail-header">
        <h2>{name}</h2>
        <span className="row">
          <select
            aria-label={t('matrix.copyFrom')}
            data-testid="matrix-copy-from"
            value=""
            data-all={allTypes}
            onPointerDown={expandTypes}
            onFocus={expandTypes}
            onKeyDown={expandTypes}
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
            {(allTypes ? map.crisisTypes : [])
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
        <select
          aria-label={t('matrix.firstResponder')}
          data-testid="first-responder"
          data-all={allUnits}
          value={ct.firstResponderUnitId}
          onPointerDown={expandUnits}
          onFocus={expandUnits}
          onKeyDown={expandUnits}
          onChange={(e) => setFirstResponder(doc, ct.id, e.target.value, 'user')}
        >
          <option value="">{t('notSet')}</option>
          {ct.firstResponderUnitId && !frUnit && <option value={ct.firstResponderUnitId}>{t('notSet')}</option>}
          {(allUnits ? map.units : frUnit ? [frUnit] : []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name || t('untitled')}
            </option>
          ))}
        </select>
      </label>
      <InlineIssues issues={frIssues} />
      {map.units.length === 0 ? <p className="muted">{t('matrix.noUnits')}</p> : <MatrixTable doc={doc} map={map} index={index} crisisType={ct} />}
      <ul className="roles-legend muted small">
        {RACI_ROLES.map((r) => (
          <li key={r}>{t(`roleHelp.${r}`)}</li>
        ))}
      </ul>
    </div>
  );
}
