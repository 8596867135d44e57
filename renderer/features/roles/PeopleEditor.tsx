import { useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { confirm } from '../../ui/confirm';
import { navigate, workspacePath } from '../../app/router';
import { SectionHeader, TextField } from '../../ui/fields';
import { deriveAbbr } from '../../../shared/roles/abbr';
import { freshnessOf } from '../../../shared/roles/freshness';
import { MemberRecord, UnitRecord } from '../../../shared/roles/records';
import { addMember, addUnit, markReviewed, removeMember, removeUnit, updateMember, updateUnit } from '../../../shared/roles/roleMap';
import type { Member, RoleMap, RoleUnit } from '../../../shared/roles/types';
import type { IssueIndex } from '../../../shared/roles/validate';
import { InlineIssues, IssueBadge } from './IssueList';
import { PersonSelect } from './PersonSelect';
import { QuickAddPerson } from './QuickAddPerson';
import { memberRecord, unitRecord } from './records';
import { focusNewRecord, recordIdProps } from '../../ui/focusNew';
import { VirtualList, virtualRowProps, type VirtualRow } from '../../ui/VirtualList';
import { formatDaysAgo, relativeTimeFormat } from '../../i18n/format';

interface Props {
  doc: Y.Doc;
  map: RoleMap;
  index: IssueIndex;
  now: number;
  workspaceId: string;
  selectedId: string | null;
}

/** Units and external partners with their people, contacts, key roles, backups and reviews. */
export function PeopleEditor({ doc, map, index, now, workspaceId, selectedId }: Props) {
  const { t } = useTranslation('roles');
  const selected = map.units.find((u) => u.id === selectedId) ?? map.units[0];
  const go = (id: string) => navigate(workspacePath(workspaceId, 'roles', 'people', id));
  const groups = [
    { kind: 'internal' as const, label: t('unit.internal') },
    { kind: 'external' as const, label: t('unit.external') },
  ];
  return (
    <>
      <QuickAddPerson doc={doc} map={map} defaultUnitId={selected?.id ?? ''} onAdded={(unitId) => go(unitId)} />
      <div className="master-detail">
        <aside className="master">
          <SectionHeader title={t('unit.list')} />
          <div className="row roles-add-buttons">
            <button type="button" data-testid="add-unit" onClick={() => go(focusNewRecord(addUnit(doc, { name: '', kind: 'internal' }, 'user')))}>
              + {t('unit.add')}
            </button>
            <button type="button" data-testid="add-partner" onClick={() => go(focusNewRecord(addUnit(doc, { name: '', kind: 'external' }, 'user')))}>
              + {t('unit.addExternal')}
            </button>
          </div>
          {groups.map((g) => (
            <div key={g.kind}>
              <h3 className="roles-group-title">{g.label}</h3>
              <UnitLinks units={map.units.filter((u) => u.kind === g.kind)} selectedId={selected?.id} index={index} workspaceId={workspaceId} />
            </div>
          ))}
        </aside>
        <section className="detail">
          {selected ? <UnitDetail key={selected.id} doc={doc} map={map} unit={selected} index={index} now={now} onRemoved={() => navigate(workspacePath(workspaceId, 'roles', 'people'))} /> : <p className="muted">{t('unit.select')}</p>}
        </section>
      </div>
    </>
  );
}

function UnitDetail({ doc, map, unit, index, now, onRemoved }: { doc: Y.Doc; map: RoleMap; unit: RoleUnit; index: IssueIndex; now: number; onRemoved: () => void }) {
  const { t } = useTranslation('roles');
  // A person just added: scrolled into view (and kept rendered) in a long, virtualized list.
  const [added, setAdded] = useState<string | null>(null);
  const rec = unitRecord(doc, unit.id);
  if (!rec) return null;
  const frFor = map.crisisTypes.filter((c) => c.firstResponderUnitId === unit.id).map((c) => c.name || t('untitled'));
  const unitOnly = (index.units.get(unit.id) ?? []).filter((i) => !i.memberId);
  return (
    <div data-testid="unit-detail" {...recordIdProps(unit.id)}>
      <div className="detail-header">
        <h2>{unit.name || t('untitled')}</h2>
        <button
          type="button"
          className="danger"
          data-testid="remove-unit"
          onClick={async () => {
            if (!(await confirm({ title: t('unit.remove'), body: t('unit.confirmRemove', { name: unit.name }), confirmLabel: t('unit.remove'), danger: true }))) return;
            removeUnit(doc, unit.id, 'user');
            onRemoved();
          }}
        >
          {t('unit.remove')}
        </button>
      </div>
      {frFor.length > 0 && <p className="muted small">{t('unit.firstResponderFor', { types: frFor.join('、') })}</p>}
      <div className="record-row">
        <TextField record={rec} def={UnitRecord} field="name" label={t('unit.name')} value={unit.name} testId="unit-name" maxLength={120} placeholder={unit.kind === 'external' ? t('unit.newExternal') : t('unit.newName')} />
        <TextField record={rec} def={UnitRecord} field="abbr" label={t('unit.abbr', { auto: deriveAbbr(unit.name) })} value={unit.abbr} testId="unit-abbr" maxLength={12} />
        <label className="field">
          <span>{t('unit.kind')}</span>
          <select aria-label={t('unit.kind')} value={unit.kind} onChange={(e) => updateUnit(doc, unit.id, { kind: e.target.value === 'external' ? 'external' : 'internal' }, 'user')}>
            <option value="internal">{t('unit.internal')}</option>
            <option value="external">{t('unit.external')}</option>
          </select>
        </label>
      </div>
      <TextField record={rec} def={UnitRecord} field="duties" label={t('unit.duties')} value={unit.duties} multiline />
      <InlineIssues issues={unitOnly} />
      <SectionHeader title={t('unit.people')}>
        <button
          type="button"
          data-testid="add-member"
          onClick={() => setAdded(focusNewRecord(addMember(doc, unit.id, { name: '' }, 'user')))}
        >
          + {t('member.add')}
        </button>
      </SectionHeader>
      {unit.members.length === 0 && <p className="muted">{t('unit.noPeople')}</p>}
      {/* Heavy rows (fields and pickers): only the ones in view past 100 people in a unit. */}
      <VirtualList
        as="ol"
        className="record-list roles-members"
        items={unit.members}
        itemKey={(m) => m.id}
        estimateSize={150}
        threshold={100}
        activeIndex={added ? unit.members.findIndex((m) => m.id === added) : -1}
        renderRow={(m, v) => <MemberRow doc={doc} map={map} unit={unit} member={m} index={index} now={now} virtual={v} />}
      />
    </div>
  );
}

/** The units of one group (internal, external) as links; past 200 only those in view, the selected one scrolled into view. */
function UnitLinks({ units, selectedId, index, workspaceId }: { units: RoleUnit[]; selectedId: string | undefined; index: IssueIndex; workspaceId: string }) {
  const { t } = useTranslation('roles');
  return (
    <VirtualList
      as="ol"
      className="master-list"
      items={units}
      itemKey={(u) => u.id}
      estimateSize={26}
      activeIndex={units.findIndex((u) => u.id === selectedId)}
      maxHeight="60vh"
      renderRow={(u, v) => (
        <li className={u.id === selectedId ? 'active' : ''} {...virtualRowProps(v)}>
          <a href={workspacePath(workspaceId, 'roles', 'people', u.id)} data-testid="unit-link" aria-current={u.id === selectedId ? 'page' : undefined}>
            {u.name || t('untitled')}
          </a>{' '}
          <IssueBadge issues={index.units.get(u.id)} />
        </li>
      )}
    />
  );
}

function MemberRow({ doc, map, unit, member, index, now, virtual }: { doc: Y.Doc; map: RoleMap; unit: RoleUnit; member: Member; index: IssueIndex; now: number; virtual?: VirtualRow }) {
  const { t, i18n } = useTranslation('roles');
  const rec = memberRecord(doc, unit.id, member.id);
  if (!rec) return null;
  const fresh = freshnessOf(member.reviewedAt, now);
  return (
    <li className={`record roles-member fresh-${fresh.status}`} data-testid="member" data-name={member.name} {...recordIdProps(member.id)} {...virtualRowProps(virtual)}>
      <div className="record-row">
        <TextField record={rec} def={MemberRecord} field="name" label={t('member.name')} value={member.name} testId="member-name" maxLength={120} placeholder={t('member.newName')} />
        <TextField record={rec} def={MemberRecord} field="title" label={t('member.title')} value={member.title} testId="member-title" maxLength={120} />
        <TextField record={rec} def={MemberRecord} field="phone" label={t('member.phone')} value={member.phone} testId="member-phone" maxLength={60} />
        <TextField record={rec} def={MemberRecord} field="email" label={t('member.email')} value={member.email} testId="member-email" maxLength={200} />
        <TextField record={rec} def={MemberRecord} field="handle" label={t('member.handle')} value={member.handle} testId="member-handle" maxLength={120} />
      </div>
      <div className="record-row">
        <label className="roles-check">
          <input type="checkbox" data-testid="member-key" checked={member.isKey} onChange={(e) => updateMember(doc, unit.id, member.id, { keyRole: e.target.checked ? member.keyRoleName || true : false }, 'user')} />
          {t('member.key')}
        </label>
        {member.isKey && <KeyRoleName value={member.keyRoleName} label={t('member.keyRoleName')} onCommit={(name) => updateMember(doc, unit.id, member.id, { keyRole: name.trim() || true }, 'user')} />}
        <label className="field">
          <span>{t('member.backup')}</span>
          <PersonSelect map={map} unit={unit} selfId={member.id} value={member.backupMemberId} label={t('member.backup')} emptyLabel={t('notSet')} testId="member-backup" onChange={(id) => updateMember(doc, unit.id, member.id, { backupMemberId: id }, 'user')} />
        </label>
        <label className="field">
          <span>{t('member.reviewer')}</span>
          <PersonSelect map={map} unit={unit} selfId={member.id} value={member.reviewerMemberId} label={t('member.reviewer')} emptyLabel={t('member.reviewerAuto')} testId="member-reviewer" onChange={(id) => updateMember(doc, unit.id, member.id, { reviewerMemberId: id }, 'user')} />
        </label>
        <span className={`badge freshness freshness-${fresh.status}`} data-testid="member-freshness" data-status={fresh.status}>
          {t(`freshness.${fresh.status}`, { count: fresh.daysSince ?? 0, ago: formatDaysAgo(i18n.language, fresh.daysSince ?? 0), when: relativeTimeFormat(i18n.language).format(fresh.daysLeft ?? 0, 'day') })}
        </span>
        <button type="button" data-testid="member-confirm" onClick={() => markReviewed(doc, unit.id, member.id, Date.now(), 'user')}>
          ✓ {t('member.confirm')}
        </button>
        <button
          type="button"
          className="danger"
          aria-label={`${t('member.remove')} ${member.name}`}
          onClick={() => {
            void confirm({ title: t('member.remove'), body: t('member.confirmRemove', { name: member.name }), confirmLabel: t('member.remove'), danger: true }).then((ok) => ok && removeMember(doc, unit.id, member.id, 'user'));
          }}
        >
          ✕
        </button>
      </div>
      <InlineIssues issues={index.members.get(member.id)} />
    </li>
  );
}

/** The key role's name: kept local while typing (IME-safe), written on blur or Enter. */
function KeyRoleName({ value, label, onCommit }: { value: string; label: string; onCommit: (v: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        aria-label={label}
        data-testid="member-key-role"
        maxLength={60}
        value={draft ?? value}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) commit();
        }}
      />
    </label>
  );
}
