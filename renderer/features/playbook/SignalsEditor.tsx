import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { playbookOf } from '../../../shared/doc/workspaceDoc';
import { addRecord, listPlain } from '../../../shared/doc/collection';
import { SIGNAL_SOURCES } from '../../../shared/playbook/types';
import { useYSnapshot } from '../../hooks/useY';
import { TextField, SelectField, RecordActions, SectionHeader } from '../../ui/fields';
import { PlaybookRecords } from '../../ui/schemaDefinition';
import { focusNewRecord, recordIdProps } from '../../ui/focusNew';
import { SortableItem, SortableRecords } from '../../ui/sortable';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function SignalsEditor({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation('playbook');
  const coll = playbookOf(doc).signals;
  const list = useYSnapshot(coll, listPlain) ?? [];
  const sources = SIGNAL_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }));
  return (
    <section>
      <SectionHeader title={t('tabs.signals')}>
        <button type="button" data-testid="add-signal" onClick={() => focusNewRecord(addRecord(coll, { kind: '', source: 'social', threshold: '' }, 'user'))}>
          + {t('actions.add')}
        </button>
      </SectionHeader>
      <SortableRecords coll={coll} ids={list.map((s) => s.id)} nameOf={(id) => str(list.find((s) => s.id === id)?.kind)}>
        <ol className="record-list">
          {list.map((s, i) => {
            const rec = coll.get(s.id);
            return rec ? (
              <SortableItem id={s.id} key={s.id} className="record record-row" data-testid="signal" {...recordIdProps(s.id)}>
                <TextField record={rec} def={PlaybookRecords.signal} field="kind" label={t('signal.kind')} value={str(s.kind)} placeholder={t('signal.newKind')} />
                <SelectField record={rec} def={PlaybookRecords.signal} field="source" label={t('signal.source')} value={str(s.source)} options={sources} />
                <TextField record={rec} field="threshold" label={t('signal.threshold')} value={str(s.threshold)} collaborative />
                <RecordActions coll={coll} id={s.id} index={i} count={list.length} name={str(s.kind)} />
              </SortableItem>
            ) : null;
          })}
        </ol>
      </SortableRecords>
    </section>
  );
}

export function PrinciplesEditor({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation('playbook');
  const coll = playbookOf(doc).principles;
  const list = useYSnapshot(coll, listPlain) ?? [];
  return (
    <section>
      <SectionHeader title={t('tabs.principles')}>
        <button type="button" data-testid="add-principle" onClick={() => focusNewRecord(addRecord(coll, { text: '' }, 'user'))}>
          + {t('actions.add')}
        </button>
      </SectionHeader>
      <SortableRecords coll={coll} ids={list.map((p) => p.id)} nameOf={(id) => str(list.find((p) => p.id === id)?.text).slice(0, 20)}>
        <ol className="record-list">
          {list.map((p, i) => {
            const rec = coll.get(p.id);
            return rec ? (
              <SortableItem id={p.id} key={p.id} className="record record-row" data-testid="principle" {...recordIdProps(p.id)}>
                <TextField record={rec} field="text" label={t('principle.text')} value={str(p.text)} placeholder={t('principle.newText')} multiline collaborative />
                <RecordActions coll={coll} id={p.id} index={i} count={list.length} name={str(p.text).slice(0, 20)} />
              </SortableItem>
            ) : null;
          })}
        </ol>
      </SortableRecords>
    </section>
  );
}
