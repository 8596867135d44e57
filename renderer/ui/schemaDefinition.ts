import type { z } from 'zod';
import { setField, type Primitive, type YRecord } from '../../shared/doc/collection';
import { RecordFieldError } from '../../shared/doc/typedRecord';
import {
  CrisisTypeSchema,
  EscalationStepSchema,
  NotifyRuleSchema,
  ResponseStepSchema,
  SeverityLevelSchema,
  WarningSignalSchema,
} from '../../shared/playbook/schema';
import type { FieldDefinition } from './fieldWrite';

/**
 * The playbook's records are defined by the strict zod objects of shared/playbook/schema.ts (the
 * import's trust boundary), not by `defineRecord`. This gives one of them the `set` a bound field
 * writes through (./fieldWrite.ts), with `RecordDefinition.set`'s rules: validate the one field,
 * refuse with RecordFieldError (nothing written), never change an id. Only primitive fields can be
 * bound; a nested list (a step's checklist) is refused rather than written as a plain value.
 */
export function schemaDefinition<F extends Record<string, unknown>>(name: string, strict: z.ZodObject & z.ZodType<F>): FieldDefinition<F> {
  const shape = strict.shape as Record<string, z.ZodType | undefined>;
  return {
    name,
    strict,
    set(rec: YRecord, key: string, value: unknown, origin) {
      const schema = shape[key];
      if (!schema) throw new RecordFieldError(name, key, 'no such field');
      if (key === 'id') throw new RecordFieldError(name, key, 'a record id cannot change');
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new RecordFieldError(name, key, parsed.error.issues[0]?.message ?? 'invalid value');
      const next = parsed.data;
      if (next !== null && typeof next === 'object') throw new RecordFieldError(name, key, 'not a plain field');
      if (!rec.doc) throw new RecordFieldError(name, key, 'the record is not part of a document');
      setField(rec, key, next as Primitive, origin);
    },
  };
}

/** The playbook records its editors bind plain fields of (Y.Text fields are not written through these). */
export const PlaybookRecords = {
  severity: schemaDefinition('severity', SeverityLevelSchema),
  notify: schemaDefinition('notify', NotifyRuleSchema),
  crisisType: schemaDefinition('crisisType', CrisisTypeSchema),
  step: schemaDefinition('step', ResponseStepSchema),
  escalation: schemaDefinition('escalation', EscalationStepSchema),
  signal: schemaDefinition('signal', WarningSignalSchema),
};
