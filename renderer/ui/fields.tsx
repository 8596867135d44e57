import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setField, moveRecord, duplicateRecord, removeRecord, type YCollection, type YRecord } from '../../shared/doc/collection';
import { readText } from '../../shared/playbook/textFields';
import type { ValidationIssue } from '../../shared/validationIssues';
import { holdDraft } from '../workspace/flush';
import { writeField, type FieldDefinition, type KeysOfType } from './fieldWrite';
import { TextFieldBinding } from './textBinding';
import { DragHandle } from './sortable';

/** A field without a definition: any key, written as given (the type behind an absent `def`). */
export type Unbound = Record<string, never>;

/** Binding to a record field, through the record's definition when there is one. */
export interface BoundProps<F, V> {
  record: YRecord;
  /** With `def`, one of the definition's fields holding a V (never `id`: a record id cannot change). */
  field: Exclude<KeysOfType<F, V>, 'id'>;
  /**
   * The record's definition (e.g. `MemberRecord`): each write is validated by it; a refused value
   * is not written, stays in the field as typed and is explained beside it.
   */
  def?: FieldDefinition<F>;
}

interface FieldProps<F> extends BoundProps<F, string> {
  label: string;
  value: string;
  multiline?: boolean;
  placeholder?: string;
  testId?: string;
  maxLength?: number;
  /**
   * Edited as a text CRDT (shared/playbook/textFields.ts): for free text two people plausibly
   * type into at once. `value` is then only the first text shown; the field follows the document.
   * Such a field is not a plain write: `def` is not used for it (the binding keeps `maxLength`).
   */
  collaborative?: boolean;
}

/**
 * Writes one value of a bound field: through `def` when given (a refusal comes back as the issue
 * to show, nothing written), else straight to the record as before.
 */
function useFieldWrite<F>(record: YRecord, field: string, def: FieldDefinition<F> | undefined) {
  const [refused, setRefused] = useState<ValidationIssue | null>(null);
  const commit = (value: string | number): boolean => {
    if (!def) {
      setField(record, field, value, 'user');
      return true;
    }
    const result = writeField(record, def, field as keyof F & string, value, 'user');
    setRefused(result.ok ? null : result.issue);
    return result.ok;
  };
  return { refused, commit, clear: () => setRefused(null) };
}

/** Why a value was not written, in the UI's language; the input points at it (aria-describedby). */
function Refusal({ id, label, issue }: { id: string; label: string; issue: ValidationIssue }) {
  const { t } = useTranslation('playbook');
  return (
    <span id={id} className="error small" role="alert" data-testid="field-error">
      {t('field.notSaved', { label, problem: t(`issues.${issue.code}`, issue.params) })}
    </span>
  );
}

/**
 * A text field bound to one field of a Yjs record. Each change is written at once with origin
 * 'user' — except during IME composition (how Chinese is typed), when the text stays local
 * until the composition ends, so a peer's update can never break a half-typed word. Meanwhile
 * the text is held as a draft that leaving the page (or hiding it) writes.
 */
export function TextField<F = Unbound>(props: FieldProps<F>) {
  return props.collaborative ? <CollaborativeTextField {...props} /> : <PlainTextField {...props} />;
}

function PlainTextField<F>({ record, field, def, label, value, multiline, placeholder, testId, maxLength = 4000 }: FieldProps<F>) {
  const composing = useRef(false);
  const [draft, setDraft] = useState<string | null>(null);
  const latest = useRef<string | null>(null);
  const release = useRef<(() => void) | null>(null);
  const errorId = useId();
  const { refused, commit: write } = useFieldWrite(record, field, def);
  const shown = draft ?? value;
  const commit = (text: string) => write(text.slice(0, maxLength));
  /** Writes `text`; a refused text stays shown (as the draft) so nothing typed is lost. */
  const settle = (text: string) => setDraft(commit(text) ? null : text);
  useEffect(() => () => release.current?.(), []);
  const common = {
    'aria-label': label,
    'aria-invalid': refused ? true : undefined,
    'aria-describedby': refused ? errorId : undefined,
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
      settle(e.currentTarget.value);
    },
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (composing.current) {
        latest.current = e.target.value;
        setDraft(e.target.value);
      } else settle(e.target.value);
    },
  };
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      {refused && <Refusal id={errorId} label={label} issue={refused} />}
    </label>
  );
}

/** The text CRDT flavour of TextField: the input is bound to the field's Y.Text (ui/textBinding.ts). */
function CollaborativeTextField<F>({ record, field, label, multiline, placeholder, testId, maxLength = 4000 }: FieldProps<F>) {
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
 * value is still stored — bad input is never silently dropped. With `def`, a number in range is
 * still refused when the definition refuses it (e.g. its own bounds), the same way.
 */
export function NumberField<F = Unbound>({ record, field, def, label, value, min = 0, max = 100000, testId }: BoundProps<F, number> & { label: string; value: number; min?: number; max?: number; testId?: string }) {
  const { t } = useTranslation('playbook');
  const [text, setText] = useState<string | null>(null);
  const errorId = useId();
  const { refused, commit, clear } = useFieldWrite(record, field, def);
  const outOfRange = text !== null && !refused;
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
          const inRange = e.target.value !== '' && Number.isFinite(n) && n >= min && n <= max;
          if (inRange && commit(Math.round(n))) setText(null);
          else {
            // The range message, not an earlier refusal, says what is wrong with this text.
            if (!inRange) clear();
            setText(e.target.value);
          }
        }}
        aria-invalid={text !== null}
        aria-describedby={text !== null ? errorId : undefined}
      />
      {outOfRange && (
        <span id={errorId} className="error small" role="alert" data-testid="number-field-error">
          {t('field.numberRange', { min, max, saved: value })}
        </span>
      )}
      {text !== null && refused && <Refusal id={errorId} label={label} issue={refused} />}
    </label>
  );
}

/** A choice bound to a record field; with `def`, a refused choice stays selected and is explained. */
export function SelectField<F = Unbound>({ record, field, def, label, value, options, testId }: BoundProps<F, string> & { label: string; value: string; options: Array<{ value: string; label: string }>; testId?: string }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const errorId = useId();
  const { refused, commit } = useFieldWrite(record, field, def);
  return (
    <label className="field">
      <span>{label}</span>
      <select
        aria-label={label}
        data-testid={testId}
        value={chosen ?? value}
        onChange={(e) => setChosen(commit(e.target.value) ? null : e.target.value)}
        aria-invalid={refused ? true : undefined}
        aria-describedby={refused ? errorId : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {refused && <Refusal id={errorId} label={label} issue={refused} />}
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
