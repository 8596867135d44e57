import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { playbookOf } from '../../../shared/doc/workspaceDoc';
import { addRecord, listPlain, type YRecord } from '../../../shared/doc/collection';
import { useYSnapshot } from '../../hooks/useY';
import { useChildren } from '../../hooks/useCollection';
import { TextField, NumberField, SelectField, RecordActions, SectionHeader } from '../../ui/fields';
import { PlaybookRecords } from '../../ui/schemaDefinition';
import { useUnitOptions } from './useUnits';
import { focusNewRecord, recordIdProps } from '../../ui/focusNew';
import { duplicateLevels, nextFreeLevel } from '../../../shared/playbook/severityLevels';
import { PresenceBadge } from '../sync/PresenceBadge';
import { presenceFocusProps } from '../../sync/presence';
import { SortableItem, SortableRecords } from '../../ui/sortable';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export function SeveritiesEditor({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation('playbook');
  const coll = playbookOf(doc).severities;
  const list = useYSnapshot(coll, listPlain) ?? [];
  const units = useUnitOptions(doc);
  return (
    <section>
      <SectionHeader title={t('tabs.severities')}>
        <button type="button" data-testid="add-severity" onClick={() => focusNewRecord(addRecord(coll, { level: nextFreeLevel(list), name: '', criteria: '', decisionRights: '', notify: [] }, 'user'))}>
          + {t('actions.add')}
        </button>
      </SectionHeader>
      {duplicateLevels(list).map((d) => (
        <p key={d.level} className="error" role="alert" data-testid="severity-duplicate">
          {t('severity.duplicate', { level: d.level, names: d.indexes.map((i) => t('quoted', { name: str(list[i]!.name) || t('untitled') })).join(t('listSeparator')) })}
        </p>
      ))}
      <SortableRecords coll={coll} ids={list.map((s) => s.id)} nameOf={(id) => str(list.find((s) => s.id === id)?.name)}>
        <ol className="record-list">
          {list.map((s, i) => {
            const rec = coll.get(s.id);
            return rec ? (
              <SortableItem id={s.id} key={s.id} className="record" data-testid="severity" {...presenceFocusProps(s.id)} {...recordIdProps(s.id)}>
                <PresenceBadge recordId={s.id} />
                <div className="record-row">
                  <NumberField record={rec} def={PlaybookRecords.severity} field="level" label={t('severity.level')} value={num(s.level)} min={1} max={9} />
                  <TextField record={rec} def={PlaybookRecords.severity} field="name" label={t('severity.name')} value={str(s.name)} placeholder={t('severity.newName')} testId="severity-name" />
                  <RecordActions coll={coll} id={s.id} index={i} count={list.length} name={str(s.name)} />
                </div>
                <TextField record={rec} field="criteria" label={t('severity.criteria')} value={str(s.criteria)} multiline collaborative />
                <TextField record={rec} field="decisionRights" label={t('severity.decisionRights')} value={str(s.decisionRights)} multiline collaborative />
                <NotifyEditor parent={rec} units={units} />
              </SortableItem>
            ) : null;
          })}
        </ol>
      </SortableRecords>
    </section>
  );
}

function NotifyEditor({ parent, units }: { parent: YRecord; units: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation('playbook');
  const { coll, list, ensure } = useChildren(parent, 'notify');
  return (
    <div className="subsection">
      <SectionHeader title={t('severity.notify')}>
        <button type="button" data-testid="add-notify" onClick={() => focusNewRecord(addRecord(ensure(), { who: '', withinMinutes: 30 }, 'user'))}>
          + {t('actions.add')}
        </button>
      </SectionHeader>
      <SortableRecords coll={coll} ids={list.map((n) => n.id)} nameOf={(id) => units.find((u) => u.value === list.find((n) => n.id === id)?.who)?.label ?? ''}>
        <ul>
          {list.map((n, i) => {
            const rec = coll?.get(n.id);
            return coll && rec ? (
              <SortableItem id={n.id} key={n.id} className="record-row" {...recordIdProps(n.id)}>
                <SelectField record={rec} def={PlaybookRecords.notify} field="who" label={t('severity.who')} value={str(n.who)} options={units} />
                <NumberField record={rec} def={PlaybookRecords.notify} field="withinMinutes" label={t('severity.withinMinutes')} value={num(n.withinMinutes)} max={60 * 24 * 7} />
                <RecordActions coll={coll} id={n.id} index={i} count={list.length} name={units.find((u) => u.value === n.who)?.label ?? ''} />
              </SortableItem>
            ) : null;
          })}
        </ul>
      </SortableRecords>
    </div>
  );
}
