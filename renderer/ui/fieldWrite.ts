import type { z } from 'zod';
import type { YRecord } from '../../shared/doc/collection';
import type { Origin } from '../../shared/doc/origins';
import { RecordFieldError } from '../../shared/doc/typedRecord';
import { issueOf, type ValidationIssue } from '../../shared/validationIssues';

/**
 * What a bound field (./fields.tsx) needs of a record's definition to write through it: a
 * `RecordDefinition` (shared/doc/typedRecord.ts) fits as it is. `strict` is only read to word a
 * refusal in the person's language (zod's own text is English).
 */
export interface FieldDefinition<F> {
  readonly name: string;
  readonly strict: z.ZodType<F>;
  /** Validates, then writes; throws RecordFieldError (nothing written) when the value is refused. */
  set<K extends keyof F & string>(rec: YRecord, key: K, value: F[K], origin: Origin): void;
}

/** The keys of F whose values are of type V: the fields a text (string) or number field may bind. */
export type KeysOfType<F, V> = { [K in keyof F & string]-?: [F[K]] extends [V] ? K : never }[keyof F & string];

/** What became of one write: stored (or already so), or refused with what to tell the person. */
export type FieldWriteResult =
  | { ok: true }
  | {
      ok: false;
      /** "member.name: …": the definition's English text, naming the record kind and field. */
      error: string;
      field: string;
      /** The refusal as data the UI words in its language (`issues.<code>` of the playbook namespace). */
      issue: ValidationIssue;
    };

/**
 * Writes `raw` into one field of a record through its definition. A refused value leaves the
 * document untouched (the definition validates before its transaction) and comes back as a
 * result, not an exception, so the field can keep what the person typed and say why. Any other
 * error (a bug) is thrown as before.
 */
export function writeField<F, K extends keyof F & string>(record: YRecord, def: FieldDefinition<F>, key: K, raw: unknown, origin: Origin): FieldWriteResult {
  try {
    def.set(record, key, raw as F[K], origin);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof RecordFieldError)) throw error;
    return { ok: false, error: error.message, field: error.field, issue: issueFor(def, key, raw, error) };
  }
}

/** The zod issue of the refused value alone (its field's strict schema), or a generic 'invalid'. */
function issueFor<F>(def: FieldDefinition<F>, key: string, raw: unknown, error: RecordFieldError): ValidationIssue {
  // Both definitions build `strict` as a zod object; its shape gives the field's own schema.
  const schema = (def.strict as unknown as { shape?: Record<string, z.ZodType | undefined> }).shape?.[key];
  const parsed = schema?.safeParse(raw);
  const first = parsed && !parsed.success ? parsed.error.issues[0] : undefined;
  return first ? issueOf(first, raw) : { path: '', code: 'invalid', params: {}, message: error.message };
}
