import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { collectionOf } from '../../../shared/doc/workspaceDoc';
import { listPlain } from '../../../shared/doc/collection';
import { useYSnapshot } from '../../hooks/useY';

/** Unit options for "owner" selects: the responsibility map's units, plus "not set". */
export function useUnitOptions(doc: Y.Doc): Array<{ value: string; label: string }> {
  const { t } = useTranslation('playbook');
  const units = useYSnapshot(collectionOf(doc, 'units'), listPlain) ?? [];
  return [{ value: '', label: t('noUnit') }, ...units.map((u) => ({ value: u.id, label: String(u.name ?? '') || t('untitled') }))];
}
