import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setField, moveRecord, duplicateRecord, removeRecord, type YCollection, type YRecord } from '../../shared/doc/collection';

interface FieldProps {
  record: YRecord;
  field: string;
  label: string;
  value: string;
  multiline?: boolean;
  placeholder?: string;
  testId?: string;
  maxLength?: number;
}

/**
 * A text field bound to one field of a Yjs record. Each change is written at once with origin
 * 'user' — except during IME composition (how Chinese is typed), when the text stays local
 * until the composition ends, so a peer's update can never break a half-typed word.
 */
export function TextField({ record, field, label, value, multiline, placeholder, testId, maxLength = 4000 }: FieldProps) {
  const composing = useRef(false);
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value;
  const commit = (text: string) => setField(record, field, text.slice(0, maxLength), 'user');
  const common = {
    'aria-label': label,
    'data-testid': testId,
    value: shown,
    placeholder,
    maxLength,
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: (e: React.CompositionEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      composing.current = false;
      commit(e.currentTarget.value);
      setDraft(null);
    },
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (composing.current) setDraft(e.target.value);
      else {
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

export function NumberField({ record, field, label, value, min = 0, max = 100000, testId }: { record: YRecord; field: string; label: string; value: number; min?: number; max?: number; testId?: string }) {
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
        onBlur={() => setText(null)}
        aria-invalid={text !== null}
      />
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

/** Move / duplicate / remove buttons for one record of a collection. */
export function RecordActions({ coll, id, index, count, name, onDuplicated, duplicatePatch }: { coll: YCollection; id: string; index: number; count: number; name: string; onDuplicated?: (id: string) => void; duplicatePatch?: Record<string, string> }) {
  const { t } = useTranslation('playbook');
  return (
    <span className="record-actions">
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
        onClick={() => {
          if (window.confirm(t('actions.confirmRemove', { name }))) removeRecord(coll, id, 'user');
        }}
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
