import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { SelectField, type BoundProps } from '../../ui/fields';
import { listRecords, type YCollection, type YRecord, recordId } from '../../../shared/doc/collection';
import { write } from '../../../shared/doc/origins';
import { writeSet } from '../../../shared/doc/sets';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import { LANGUAGES } from '../../../shared/languages';
import { CHANNEL_KEYS } from '../../../shared/statements/channels';
import { STATEMENT_KINDS, StatementRecord, type StatementFields } from '../../../shared/statements/types';
import { useYSnapshot } from '../../hooks/useY';

type Option = { value: string; label: string };
const NONE: Option[] = [];

/** A collection's records as options (read once per change of the collection: 1,000 units, 1,300 crisis types, 300 incidents at 100×). */
const optionsOf = (label: string) => (coll: YCollection): Option[] => listRecords(coll).map((r) => ({ value: recordId(r), label: String(r.get(label) ?? '') }));
const readUnitOptions = optionsOf('name');
const readTypeOptions = optionsOf('name');
const readIncidentOptions = optionsOf('title');

/**
 * A select over a long list (units, crisis types, incidents) with a "none" entry first. Memoized:
 * a change of a field it does not show (e.g. the last editor, set by the first keystroke) does
 * not rebuild its thousand options.
 */
const ListSelect = memo(function ListSelect({ none, options, ...props }: Omit<BoundProps<StatementFields, string>, 'def'> & { label: string; value: string; none: string; options: Option[]; testId?: string }) {
  const all = useMemo(() => [{ value: '', label: none }, ...options], [none, options]);
  return <SelectField {...props} def={StatementRecord} options={all} />;
});

/** Kind, language, owner, crisis type, incident and target channels of a statement. */
export const MetaFields = memo(function MetaFields({ doc, rec, fields, editable }: { doc: Y.Doc; rec: YRecord; fields: StatementFields; editable: boolean }) {
  const { t } = useTranslation('statements');
  const units = useYSnapshot(collectionOf(doc, 'units'), readUnitOptions) ?? NONE;
  const types = useYSnapshot(collectionOf(doc, 'crisisTypes'), readTypeOptions) ?? NONE;
  const incidents = useYSnapshot(collectionOf(doc, 'incidents'), readIncidentOptions) ?? NONE;
  const channels: readonly string[] = fields.channels;

  const toggleChannel = (key: string, on: boolean) => {
    const next = CHANNEL_KEYS.filter((k) => (k === key ? on : channels.includes(k)));
    write(rec.doc!, 'user', () => writeSet(rec, 'channels', next));
  };

  if (!editable) {
    return (
      <p className="meta-line muted">
        {t(`kind.${fields.kind}`)} · {t(`language.${fields.language}`)} · {channels.map((c) => t(`channel.${c}`)).join(t('listSeparator'))}
      </p>
    );
  }
  return (
    <div className="meta-fields">
      <div className="record-row">
        <SelectField record={rec} def={StatementRecord} field="kind" label={t('fields.kind')} value={fields.kind} options={STATEMENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} testId="statement-kind" />
        <SelectField record={rec} def={StatementRecord} field="language" label={t('fields.language')} value={fields.language} options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))} testId="statement-language" />
        <ListSelect record={rec} field="ownerUnitId" label={t('fields.owner')} value={fields.ownerUnitId} none={t('fields.noOwner')} options={units} testId="statement-owner" />
        <ListSelect record={rec} field="crisisTypeId" label={t('fields.crisisType')} value={fields.crisisTypeId} none={t('fields.noCrisisType')} options={types} />
        <ListSelect record={rec} field="incidentId" label={t('fields.incident')} value={fields.incidentId} none={t('fields.noIncident')} options={incidents} />
      </div>
      <fieldset className="channels">
        <legend>{t('fields.channels')}</legend>
        {CHANNEL_KEYS.map((k) => (
          <label key={k} className="channel-option">
            <input type="checkbox" checked={channels.includes(k)} data-testid={`channel-${k}`} onChange={(e) => toggleChannel(k, e.target.checked)} />
            {t(`channel.${k}`)}
          </label>
        ))}
      </fieldset>
    </div>
  );
});
