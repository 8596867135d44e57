import { useMemo } from 'react';
import * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { playbookOf } from '../../../shared/doc/workspaceDoc';
import { addRecord, listRecords, toPlain, type PlainRecord, type YCollection, type YRecord, recordId } from '../../../shared/doc/collection';
import { useChildren } from '../../hooks/useCollection';
import { useYSnapshot } from '../../hooks/useY';
import { navigate, workspacePath } from '../../app/router';
import { TextField, NumberField, RecordActions, SectionHeader } from '../../ui/fields';
import { PlaybookRecords } from '../../ui/schemaDefinition';
import { UnitSelectField } from './UnitSelect';
import { useUnitOptions } from './useUnits';
import { focusNewRecord, recordIdProps } from '../../ui/focusNew';
import { PresenceBadge } from '../sync/PresenceBadge';
import { presenceFocusProps } from '../../sync/presence';
import { DragHandle, SortableItem, SortableRecords } from '../../ui/sortable';
import { VIRTUAL_THRESHOLD, VirtualList, virtualRowProps } from '../../ui/VirtualList';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const plainText = (v: unknown): string => (typeof v === 'string' ? v : v instanceof Y.AbstractType ? String(v.toJSON()) : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** Id and name of each crisis type: all the list needs (the selected one is read in full). */
function listHeads(coll: YCollection): Array<{ id: string; name: string }> {
  return listRecords(coll).map((rec) => ({ id: recordId(rec), name: plainText(rec.get('name')) }));
}

export function CrisisTypesEditor({ doc, selectedId, workspaceId }: { doc: Y.Doc; selectedId: string | null; workspaceId: string }) {
  const { t } = useTranslation('playbook');
  const coll = playbookOf(doc).crisisTypes;
  const types = useYSnapshot(coll, listHeads) ?? [];
  const head = types.find((c) => c.id === selectedId) ?? types[0];
  // Read again with every change of the list (`types` is a fresh snapshot then).
  const selected = useMemo(() => {
    const rec = head && coll.get(head.id);
    return rec ? toPlain(rec) : undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- types: a new snapshot after any change
  }, [coll, head?.id, types]);
  const select = (id: string) => navigate(workspacePath(workspaceId, 'playbook', 'crisisTypes', id));
  const link = (c: { id: string; name: string }) => (
    <a href={workspacePath(workspaceId, 'playbook', 'crisisTypes', c.id)} data-testid="crisis-type-link" aria-current={c.id === selected?.id ? 'page' : undefined}>
      {c.name || t('untitled')}
    </a>
  );

  return (
    <div className="master-detail">
      <aside className="master">
        <SectionHeader title={t('crisis.list')}>
          <button type="button" data-testid="add-crisis-type" onClick={() => select(focusNewRecord(addRecord(coll, { key: '', name: '', description: '', response: '', firstResponderUnitId: '', steps: [], escalation: [] }, 'user')))}>
            + {t('actions.add')}
          </button>
        </SectionHeader>
        {types.length > VIRTUAL_THRESHOLD ? (
          // A year of work (1,300 types at 100×): only the links in view; reordering with the ↑/↓ of the detail.
          <VirtualList
            as="ol"
            className="master-list"
            items={types}
            itemKey={(c) => c.id}
            estimateSize={30}
            activeIndex={selected ? types.findIndex((c) => c.id === selected.id) : -1}
            maxHeight="70vh"
            renderRow={(c, v) => (
              <li className={c.id === selected?.id ? 'active' : ''} {...virtualRowProps(v)}>
                {link(c)} <PresenceBadge recordId={c.id} />
              </li>
            )}
          />
        ) : (
          <SortableRecords coll={coll} ids={types.map((c) => c.id)} nameOf={(id) => types.find((c) => c.id === id)?.name ?? ''}>
            <ol className="master-list">
              {types.map((c) => (
                <SortableItem id={c.id} key={c.id} className={c.id === selected?.id ? 'active' : ''}>
                  <DragHandle name={c.name} /> {link(c)} <PresenceBadge recordId={c.id} />
                </SortableItem>
              ))}
            </ol>
          </SortableRecords>
        )}
      </aside>
      <section className="detail">{selected ? <CrisisTypeDetail key={selected.id} coll={coll} type={selected} index={types.findIndex((c) => c.id === selected.id)} count={types.length} onSelect={select} /> : <p className="muted">{t('crisis.none')}</p>}</section>
    </div>
  );
}

function CrisisTypeDetail({ coll, type, index, count, onSelect }: { coll: YCollection; type: PlainRecord; index: number; count: number; onSelect: (id: string) => void }) {
  const { t } = useTranslation('playbook');
  const rec = coll.get(type.id);
  const units = useUnitOptions(coll.doc!);
  if (!rec) return null;
  const name = str(type.name);
  return (
    <div className="crisis-type" data-testid="crisis-type-detail" {...presenceFocusProps(type.id)} {...recordIdProps(type.id)}>
      <div className="detail-header">
        {!type.key && <span className="badge">{t('crisis.custom')}</span>}
        <RecordActions coll={coll} id={type.id} index={index} count={count} name={name} onDuplicated={onSelect} duplicatePatch={{ name: name + t('copySuffix'), key: '' }} />
      </div>
      <TextField record={rec} def={PlaybookRecords.crisisType} field="name" label={t('crisis.name')} value={name} testId="crisis-name" placeholder={t('crisis.newName')} />
      <TextField record={rec} field="description" label={t('crisis.description')} value={str(type.description)} multiline collaborative testId="crisis-description" />
      <TextField record={rec} field="response" label={t('crisis.response')} value={str(type.response)} multiline collaborative testId="crisis-response" />
      <UnitSelectField record={rec} def={PlaybookRecords.crisisType} field="firstResponderUnitId" label={t('crisis.firstResponder')} value={str(type.firstResponderUnitId)} units={units} />
      <StepsEditor parent={rec} units={units} />
      <EscalationEditor parent={rec} units={units} />
    </div>
  );
}

function StepsEditor({ parent, units }: { parent: YRecord; units: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation('playbook');
  const { coll: steps, list, ensure } = useChildren(parent, 'steps');
  return (
    <section className="subsection">
      <SectionHeader title={t('crisis.steps')}>
        <button type="button" data-testid="add-step" onClick={() => focusNewRecord(addRecord(ensure(), { title: '', ownerUnitId: '', targetMinutes: 60, checklist: [] }, 'user'))}>
          + {t('actions.add')}
        </button>
      </SectionHeader>
      <SortableRecords coll={steps} ids={list.map((s) => s.id)} nameOf={(id) => str(list.find((s) => s.id === id)?.title)}>
        <ol className="record-list">
          {list.map((s, i) => {
            const rec = steps?.get(s.id);
            if (!steps || !rec) return null;
            return (
              <SortableItem id={s.id} key={s.id} className="record" data-testid="step" {...recordIdProps(s.id)}>
                <div className="record-row">
                  <TextField record={rec} field="title" label={t('step.title')} value={str(s.title)} testId="step-title" placeholder={t('step.newTitle')} collaborative />
                  <UnitSelectField record={rec} def={PlaybookRecords.step} field="ownerUnitId" label={t('step.owner')} value={str(s.ownerUnitId)} units={units} testId="step-owner" />
                  <NumberField record={rec} def={PlaybookRecords.step} field="targetMinutes" label={t('step.targetMinutes')} value={num(s.targetMinutes)} max={60 * 24 * 30} testId="step-minutes" />
                  <RecordActions coll={steps} id={s.id} index={i} count={list.length} name={str(s.title)} />
                </div>
                <ChecklistEditor parent={rec} />
              </SortableItem>
            );
          })}
        </ol>
      </SortableRecords>
    </section>
  );
}

function ChecklistEditor({ parent }: { parent: YRecord }) {
  const { t } = useTranslation('playbook');
  const { coll: items, list, ensure } = useChildren(parent, 'checklist');
  return (
    <div className="checklist">
      <span className="small muted">{t('step.checklist')}</span>
      <SortableRecords coll={items} ids={list.map((c) => c.id)} nameOf={(id) => str(list.find((c) => c.id === id)?.text)}>
        <ul>
          {list.map((c, i) => {
            const rec = items?.get(c.id);
            return items && rec ? (
              <SortableItem id={c.id} key={c.id} className="record-row" {...recordIdProps(c.id)}>
                <TextField record={rec} field="text" label={t('step.item')} value={str(c.text)} placeholder={t('step.newItem')} collaborative testId="checklist-item" />
                <RecordActions coll={items} id={c.id} index={i} count={list.length} name={str(c.text)} />
              </SortableItem>
            ) : null;
          })}
        </ul>
      </SortableRecords>
      <button type="button" className="link" data-testid="add-checklist-item" onClick={() => focusNewRecord(addRecord(ensure(), { text: '' }, 'user'))}>
        + {t('step.newItem')}
      </button>
    </div>
  );
}

function EscalationEditor({ parent, units }: { parent: YRecord; units: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation('playbook');
  const { coll: chain, list, ensure } = useChildren(parent, 'escalation');
  return (
    <section className="subsection">
      <SectionHeader title={t('crisis.escalation')}>
        <button type="button" data-testid="add-escalation" onClick={() => focusNewRecord(addRecord(ensure(), { unitId: '', withinMinutes: 30, note: '' }, 'user'))}>
          + {t('actions.add')}
        </button>
      </SectionHeader>
      <SortableRecords coll={chain} ids={list.map((e) => e.id)} nameOf={(id) => units.find((u) => u.value === list.find((e) => e.id === id)?.unitId)?.label ?? ''}>
        <ol className="record-list">
          {list.map((e, i) => {
            const rec = chain?.get(e.id);
            return chain && rec ? (
              <SortableItem id={e.id} key={e.id} className="record record-row" {...recordIdProps(e.id)}>
                <UnitSelectField record={rec} def={PlaybookRecords.escalation} field="unitId" label={t('escalation.unit')} value={str(e.unitId)} units={units} />
                <NumberField record={rec} def={PlaybookRecords.escalation} field="withinMinutes" label={t('escalation.withinMinutes')} value={num(e.withinMinutes)} max={60 * 24 * 30} />
                <TextField record={rec} field="note" label={t('escalation.note')} value={str(e.note)} collaborative />
                <RecordActions coll={chain} id={e.id} index={i} count={list.length} name={units.find((u) => u.value === e.unitId)?.label ?? ''} />
              </SortableItem>
            ) : null;
          })}
        </ol>
      </SortableRecords>
    </section>
  );
}
