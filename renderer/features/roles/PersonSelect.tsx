import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, RoleMap, RoleUnit } from '../../../shared/roles/types';

interface Props {
  map: RoleMap;
  /** The unit of the row: its people come first and are always listed. */
  unit: RoleUnit;
  /** The row's own person, never offered. */
  selfId: string;
  value: string;
  label: string;
  /** The first option's text (value ''). */
  emptyLabel: string;
  testId?: string;
  onChange: (memberId: string) => void;
}

/**
 * A person picker of a person's row (backup, reviewer). Every row has two, so listing everyone
 * in each made the people tab quadratic (rows × 2 × people). A picker lists its own unit's
 * people (where a backup usually is) and the person it holds; the people of every other unit
 * are added the moment it is touched (pointer, focus, key) — before its list opens, as the
 * update of a discrete event is rendered before the browser's default action runs.
 * A unit of more than `OWN_UNIT_LIMIT` people is not listed before the touch either (only the
 * person held): a row's pickers then cost the same in a unit of 10 or of 2,000, and the tab's
 * DOM grows linearly with people (tests/e2e/scale-sections.spec.ts).
 */
const OWN_UNIT_LIMIT = 20;

export function PersonSelect({ map, unit, selfId, value, label, emptyLabel, testId, onChange }: Props) {
  const { t } = useTranslation('roles');
  const [all, setAll] = useState(false);
  const expand = () => {
    if (!all) setAll(true);
  };
  const group = (u: RoleUnit, people: Member[]): ReactNode =>
    people.length > 0 && (
      <optgroup key={u.id} label={u.name || t('untitled')}>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name || t('untitled')}
          </option>
        ))}
      </optgroup>
    );
  const others = map.units.filter((u) => u.id !== unit.id);
  return (
    <select aria-label={label} data-testid={testId} data-all={all} value={value} onChange={(e) => onChange(e.target.value)} onPointerDown={expand} onFocus={expand} onKeyDown={expand}>
      <option value="">{emptyLabel}</option>
      {group(
        unit,
        unit.members.filter((m) => m.id !== selfId && (all || unit.members.length <= OWN_UNIT_LIMIT || m.id === value)),
      )}
      {others.map((u) => group(u, all ? u.members.filter((m) => m.id !== selfId) : u.members.filter((m) => m.id === value && m.id !== selfId)))}
    </select>
  );
}
