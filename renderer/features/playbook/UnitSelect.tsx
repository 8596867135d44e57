import { useState } from 'react';
import { SelectField, type BoundProps, type Unbound } from '../../ui/fields';

/** Up to this many units a picker lists them all from the start. */
const LIST_AT_ONCE = 50;

/**
 * A unit picker bound to a record field. With many units (1,400 at 100×, and one picker per
 * step and escalation step) it lists only "no unit" and the unit it holds until it is touched
 * (pointer, focus, key: the update is rendered before the list opens), then every unit.
 */
export function UnitSelectField<F = Unbound>({ record, field, def, label, value, units, testId }: BoundProps<F, string> & { label: string; value: string; units: Array<{ value: string; label: string }>; testId?: string }) {
  const [all, setAll] = useState(false);
  const expand = () => {
    if (!all) setAll(true);
  };
  const options = all || units.length <= LIST_AT_ONCE ? units : units.filter((o) => o.value === '' || o.value === value);
  return (
    <div className="unit-select" style={{ display: 'contents' }} data-all={all} onPointerDown={expand} onFocus={expand} onKeyDown={expand}>
      <SelectField record={record} field={field} def={def} label={label} value={value} options={options} testId={testId} />
    </div>
  );
}
