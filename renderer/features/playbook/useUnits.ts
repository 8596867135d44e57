import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import { listRecords, type YCollection, recordId } from '../../../shared/doc/collection';
import { useYSnapshot } from '../../hooks/useY';

/** Id and name of every unit (not the whole records: 1,400 of them at 100×). */
function idsAndNames(coll: YCollection): Array<{ id: string; name: string }> {
  return listRecords(coll).map((rec) => ({ id: recordId(rec), name: String(rec.get('name') ?? '') }));
}

/** Unit options for "owner" selects: the responsibility map's units, plus "not set". */
export function useUnitOptions(doc: Y.Doc): Array<{ value: string; label: string }> {
  const { t } = useTranslation('playbook');
  const units = useYSnapshot(collectionOf(doc, 'units'), idsAndNames) ?? [];
  return [{ value: '', label: t('noUnit') }, ...units.map((u) => ({ value: u.id, label: u.name || t('untitled') }))];
}
