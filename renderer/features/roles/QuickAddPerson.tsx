import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { parseQuickAdd, quickAddPerson, type QuickAddError, type QuickAddField } from '../../../shared/roles/quickAdd';
import type { RoleMap } from '../../../shared/roles/types';
import { focusNewRecord } from '../../ui/focusNew';

interface Props {
  doc: Y.Doc;
  map: RoleMap;
  /** The unit shown beside the row: the new person's unit unless another is chosen. */
  defaultUnitId: string;
  /** Shows the new person's unit (so its row, and the focus, can land there). */
  onAdded: (unitId: string, memberId: string) => void;
}

interface Draft {
  name: string;
  unitId: string;
  contact: string;
  relation: string;
}

/** unitId '' = the unit shown beside the row. */
const EMPTY: Omit<Draft, 'unitId'> = { name: '', contact: '', relation: '' };

/** Past this many choices a picker lists only its current choice until touched (a year of people and units stays light). */
const LAZY_OPTIONS = 200;

/**
 * One row that adds a person in one go: name, unit, "phone or e-mail", backup relation, Enter.
 * The row keeps its own draft (IME-safe: nothing reaches the document while typing). A refused
 * row keeps every value and says what is wrong next to it; an accepted one is written in one
 * transaction with origin 'user', the row is emptied for the next person and the focus moves
 * into the new person's row to add the rest (title, handle, key role).
 */
export function QuickAddPerson({ doc, map, defaultUnitId, onAdded }: Props) {
  const { t } = useTranslation('roles');
  const [draft, setDraft] = useState<Draft>({ ...EMPTY, unitId: '' });
  const [errors, setErrors] = useState<QuickAddError[]>([]);
  const form = useRef<HTMLFormElement>(null);
  // Long pickers fill in when touched (focus, pointer, key) — rendered before the list opens.
  const [touched, setTouched] = useState(false);
  const touch = () => {
    if (!touched) setTouched(true);
  };
  // The unit follows the one shown until someone picks another.
  const unitId = draft.unitId || defaultUnitId;
  const set = (field: QuickAddField) => (e: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [field]: e.target.value }));
    setErrors((list) => list.filter((x) => x.field !== field));
  };
  const errorOf = (field: QuickAddField) => errors.find((e) => e.field === field);
  const invalid = (field: QuickAddField) => (errorOf(field) ? { 'aria-invalid': true, 'aria-describedby': `qa-error-${field}` } : {});

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const result = parseQuickAdd({ ...draft, unitId }, map);
    if (!result.ok) {
      setErrors(result.errors);
      const first = result.errors[0];
      if (first) form.current?.querySelector<HTMLElement>(`[data-field="${first.field}"]`)?.focus();
      return;
    }
    const id = quickAddPerson(doc, result.person, Date.now(), 'user');
    setErrors([]);
    setDraft({ ...EMPTY, unitId: '' });
    onAdded(result.person.unitId, id);
    focusNewRecord(id);
  };
  // Enter submits from the selects too (browsers submit a form on Enter only from text inputs).
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing && e.target instanceof HTMLSelectElement) submit(e);
  };

  if (map.units.length === 0) return null;
  const people = map.units.flatMap((u) => u.members.map((m) => ({ m, unitName: u.name || t('untitled') })));
  const units = !touched && map.units.length > LAZY_OPTIONS ? map.units.filter((u) => u.id === unitId) : map.units;
  const lazyPeople = !touched && people.length > LAZY_OPTIONS;
  const byPeople = lazyPeople ? people.filter(({ m }) => draft.relation === `by:${m.id}`) : people;
  const forPeople = lazyPeople ? people.filter(({ m }) => draft.relation === `for:${m.id}`) : people;
  const label = (key: 'byPerson' | 'forPerson', name: string, unit: string) => t(`quickAdd.${key}`, { name: name || t('untitled'), unit });
  return (
    <form ref={form} className="roles-quick-add" data-testid="quick-add-person" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <h3 className="roles-group-title">{t('quickAdd.title')}</h3>
      <div className="record-row">
        <label className="field">
          <span>{t('member.name')}</span>
          <input type="text" data-testid="qa-name" data-field="name" maxLength={200} value={draft.name} placeholder={t('member.newName')} onChange={set('name')} {...invalid('name')} />
        </label>
        <label className="field">
          <span>{t('quickAdd.unit')}</span>
          <select data-testid="qa-unit" data-field="unitId" value={unitId} onChange={set('unitId')} onPointerDown={touch} onFocus={touch} onKeyDown={touch} {...invalid('unitId')}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name || t('untitled')}
                {u.kind === 'external' ? ` (${t('unit.external')})` : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('quickAdd.contact')}</span>
          <input type="text" data-testid="qa-contact" data-field="contact" maxLength={400} value={draft.contact} placeholder={t('quickAdd.contactPlaceholder')} onChange={set('contact')} {...invalid('contact')} />
        </label>
        <label className="field">
          <span>{t('quickAdd.relation')}</span>
          <select data-testid="qa-backup" data-field="relation" value={draft.relation} onChange={set('relation')} onPointerDown={touch} onFocus={touch} onKeyDown={touch} {...invalid('relation')}>
            <option value="">{t('quickAdd.noBackup')}</option>
            <optgroup label={t('quickAdd.backedUpBy')}>
              {byPeople.map(({ m, unitName }) => (
                <option key={m.id} value={`by:${m.id}`}>
                  {label('byPerson', m.name, unitName)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('quickAdd.standsInFor')}>
              {forPeople.map(({ m, unitName }) => (
                <option key={m.id} value={`for:${m.id}`}>
                  {label('forPerson', m.name, unitName)}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <button type="submit" className="primary" data-testid="qa-submit">
          + {t('quickAdd.add')}
        </button>
      </div>
      {errors.length > 0 && (
        <div role="alert">
          <ul className="roles-issues" data-testid="qa-errors">
            {errors.map((e) => (
              <li key={e.field} id={`qa-error-${e.field}`} className="roles-issue-error" data-testid="qa-error" data-field={e.field} data-code={e.code}>
                ✖ {t(`quickAdd.errors.${e.code}`, { value: e.value ?? '' })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
