import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { SelectField } from '../../ui/fields';
import { listRecords, type YRecord } from '../../../shared/doc/collection';
import { write } from '../../../shared/doc/origins';
import { writeSet } from '../../../shared/doc/sets';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import { LANGUAGES } from '../../../shared/languages';
import { CHANNEL_KEYS } from '../../../shared/statements/channels';
import { STATEMENT_KINDS, type StatementFields } from '../../../shared/statements/types';
import { useDeepVersion } from './hooks';

/** Kind, language, owner, crisis type, incident and target channels of a statement. */
export const MetaFields = memo(function MetaFields({ doc, rec, fields, editable }: { doc: Y.Doc; rec: YRecord; fields: StatementFields; editable: boolean }) {
  const { t } = useTranslation('statements');
  useDeepVersion(collectionOf(doc, 'units'));
  const units = listRecords(collectionOf(doc, 'units')).map((r) => ({ value: String(r.get('id')), label: String(r.get('name') ?? '') }));
  const types = listRecords(collectionOf(doc, 'crisisTypes')).map((r) => ({ value: String(r.get('id')), label: String(r.get('name') ?? '') }));
  const incidents = listRecords(collectionOf(doc, 'incidents')).map((r) => ({ value: String(r.get('id')), label: String(r.get('title') ?? '') }));
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
        <SelectField record={rec} field="kind" label={t('fields.kind')} value={fields.kind} options={STATEMENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} testId="statement-kind" />
        <SelectField record={rec} field="language" label={t('fields.language')} value={fields.language} options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))} testId="statement-language" />
        <SelectField record={rec} field="ownerUnitId" label={t('fields.owner')} value={fields.ownerUnitId} options={[{ value: '', label: t('fields.noOwner') }, ...units]} testId="statement-owner" />
        <SelectField record={rec} field="crisisTypeId" label={t('fields.crisisType')} value={fields.crisisTypeId} options={[{ value: '', label: t('fields.noCrisisType') }, ...types]} />
        <SelectField record={rec} field="incidentId" label={t('fields.incident')} value={fields.incidentId} options={[{ value: '', label: t('fields.noIncident') }, ...incidents]} />
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
