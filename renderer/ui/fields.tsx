import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setField, moveRecord, duplicateRecord, removeRecord, type YCollection, type YRecord } from '../../shared/doc/collection';
import { readText } from '../../shared/playbook/textFields';
import { holdDraft } from '../workspace/flush';
import { TextFieldBinding } from './textBinding';
import { DragHandle } from './sortable';

interface FieldProps {
  record: YRecord;
  field: string;
  label: string;
  value: string;
  multiline?: boolean;
  placeholder?: string;
  testId?: string;
  maxLength?: number;
  /**
   * Edited as a text CRDT (shared/playbook/textFields.ts): for free text two people plausibly
   * type into at once. `value` is then only the first text shown; the field follows the document.
   */
  collaborative?: boolean;
}

/**
 * A text field bound to one field of a Yjs record. Each change is written at once with origin
 * 'user' — except during IME composition (how Chinese is typed), when the text stays local
 * until the composition ends, so a peer's update can never break a half-typed word. Meanwhile
 * the text is held as a draft that leaving the page (or hiding it) writes.
 */
export function TextField(props: FieldProps) {
  return props.collaborative ? <CollaborativeTextField {...props} /> : <PlainTextField {...props} />;
}

function PlainTextField({ record, field, label, value, multiline, placeholder, testId, maxLength = 4000 }: FieldProps) {
  const composing = useRef(false);
  const [draft, setDraft] = useState<string | null>(null);
  const latest = useRef<string | null>(null);
  const release = useRef<(() => void) | null>(null);
  const shown = draft ?? value;
  const commit = (text: string) => setField(record, field, text.slice(0, maxLength), 'user');
  useEffect(() => () => release.current?.(), []);
  const common = {
    'aria-label': label,
    'data-testid': testId,
    value: shown,
    placeholder,
    maxLength,
    onCompositionStart: () => {
      composing.current = true;
      // Leaving the page mid-composition still writes what is shown.
      release.current ??= holdDraft(() => {
        if (latest.current !== null) commit(latest.current);
      });
    },
    onCompositionEnd: (e: React.CompositionEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      composing.current = false;
      release.current?.();
      release.current = null;
      latest.current = null;
      commit(e.currentTarget.value);
      setDraft(null);
    },
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (composing.current) {
        latest.current = e.target.value;
        setDraft(e.target.value);
      } else {
        commit(e.target.value);
        setDraft(null);
      }
    },
  };
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
    </label>
  );
}

/** The text CRDT flavour of TextField: the input is bound to the field's Y.Text (ui/textBinding.ts). */
function CollaborativeTextField({ record, field, label, multiline, placeholder, testId, maxLength = 4000 }: FieldProps) {
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const binding = useRef<TextFieldBinding | null>(null);
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    const b = new TextFieldBinding(el, record, field, { maxLength, focused: () => el.ownerDocument.activeElement === el });
    binding.current = b;
    return () => {
      b.destroy();
      binding.current = null;
    };
  }, [record, field, maxLength]);
  const common = {
    ref: input,
    'aria-label': label,
    'data-testid': testId,
    // Uncontrolled: the binding writes what the document holds (and keeps the caret).
    defaultValue: readText(record, field),
    placeholder,
    maxLength,
    onInput: (e: React.FormEvent<HTMLInputElement | HTMLTextAreaElement>) => binding.current?.input((e.nativeEvent as InputEvent).isComposing === true),
    onCompositionStart: () => binding.current?.compositionStart(),
    onCompositionEnd: () => binding.current?.compositionEnd(),
  };
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
    </label>
  );
}

/**
 * A number bound to a record field. Only numbers within [min, max] are written; anything else stays
 * in the field as typed (also after leaving it) with a message saying what is expected and which
 * value is still stored — bad input is never silently dropped.
 */
export function NumberField({ record, field, label, value, min = 0, max = 100000, testId }: { record: YRecord; field: string; label: string; value: number; min?: number; max?: number; testId?: string }) {
  const { t } = useTranslation('playbook');
  const [text, setText] = useState<string | null>(null);
  return (
    <label className="field field-number">
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        aria-label={label}
        data-testid={testId}
        min={min}
        max={max}
        value={text ?? String(value)}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (e.target.value !== '' && Number.isFinite(n) && n >= min && n <= max) {
            setField(record, field, Math.round(n), 'user');
            setText(null);
          } else setText(e.target.value);
        }}
        aria-invalid={text !== null}
      />
      {text !== null && (
        <span className="error small" role="alert" data-testid="number-field-error">
          {t('field.numberRange', { min, max, saved: value })}
        </span>
      )}
    </label>
  );
}

export function SelectField({ record, field, label, value, options, testId }: { record: YRecord; field: string; label: string; value: string; options: Array<{ value: string; label: string }>; testId?: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select aria-label={label} data-testid={testId} value={value} onChange={(e) => setField(record, field, e.target.value, 'user')}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Move / duplicate / remove buttons for one record of a collection (and its drag handle inside a `SortableItem`). */
export function RecordActions({ coll, id, index, count, name, onDuplicated, duplicatePatch }: { coll: YCollection; id: string; index: number; count: number; name: string; onDuplicated?: (id: string) => void; duplicatePatch?: Record<string, string> }) {
  const { t } = useTranslation('playbook');
  return (
    <span className="record-actions">
      <DragHandle name={name} />
      <button type="button" title={t('actions.moveUp')} aria-label={`${t('actions.moveUp')} ${name}`} disabled={index === 0} onClick={() => moveRecord(coll, id, index - 1, 'user')}>
        ↑
      </button>
      <button type="button" title={t('actions.moveDown')} aria-label={`${t('actions.moveDown')} ${name}`} disabled={index >= count - 1} onClick={() => moveRecord(coll, id, index + 1, 'user')}>
        ↓
      </button>
      <button
        type="button"
        title={t('actions.duplicate')}
        aria-label={`${t('actions.duplicate')} ${name}`}
        onClick={() => {
          const copy = duplicateRecord(coll, id, 'user', duplicatePatch);
          if (copy) onDuplicated?.(copy);
        }}
      >
        {t('actions.duplicate')}
      </button>
      <button
        type="button"
        className="danger"
        title={t('actions.remove')}
        aria-label={`${t('actions.remove')} ${name}`}
        // No "are you sure?": the deletion shows a toast with Undo (features/undo), and Ctrl+Z undoes it.
        onClick={() => removeRecord(coll, id, 'user')}
      >
        ✕
      </button>
    </span>
  );
}

export function SectionHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="section-header">
      <h2>{title}</h2>
      {children}
    </div>
  );
}
