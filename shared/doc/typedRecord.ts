import { z } from 'zod';
import { recordId, type YRecord } from './collection.js';
import { write, type Origin } from './origins.js';
import { readSet, writeSet } from './sets.js';

/**
 * Typed access to a record's primitive fields, generated from one zod definition.
 *
 * A record kind is defined once, as a function of a field factory (`FieldKit`). The definition is
 * built twice: strict (the trust boundary: what a person, a peer's form or an import may write)
 * and lenient (reading our own document, where a peer's half-written or older record must still
 * render: a missing or invalid field reads as its default). From that one definition come:
 * - `read(rec)`: the record's fields as a typed plain object (lenient; never throws);
 * - `check(rec)`: what is wrong with a stored record (strict), for diagnostics and migrations;
 * - `set(rec, key, value, origin)`: one validated write (a set field is written as a set);
 * - `init(fields)`: validated fields for a new record (strict), or a clear error;
 * - `stored(fields)`: what a new record needs to store of them — a field holding "none" ('' or
 *   null) that reads as exactly that when absent is left out (one struct less per field: the
 *   generated 100× workspace's people and statements store 18,000 fewer, bench P13).
 * Set fields are stored as `Y.Map<true>` (./sets.ts) and read as string arrays; a comma list
 * written by a laptop on schema 1 reads the same.
 */

export class RecordFieldError extends Error {
  constructor(
    readonly record: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${record}.${field}: ${detail}`);
    this.name = 'RecordFieldError';
  }
}

/**
 * A field schema with what the definition needs to know about it: whether it is stored as a set,
 * and (lenient kit) a plain reader that gives exactly what the lenient schema would — reading a
 * thousand records per render through zod costs 4× more (tests/unit/doc/typedRecord.test.ts
 * checks the two agree on every kind of bad value).
 */
type Field<T> = z.ZodType<T> & { readonly __set?: true; readonly __read?: (value: unknown) => T };

/** Builds field schemas; the same calls give the strict or the lenient schema. */
export interface FieldKit {
  readonly lenient: boolean;
  /** A record id (strict: non-empty). */
  id(): Field<string>;
  /** Free text up to `max` characters. */
  text(max: number, fallback?: string): Field<string>;
  /** A reference to another record's id ('' = none). */
  ref(): Field<string>;
  number(range: { min?: number; max?: number; int?: boolean }, fallback: number): Field<number>;
  /** A flag; absent reads as `fallback` (so a record need not store a default flag). */
  bool(fallback: boolean): Field<boolean>;
  /** A number or null (e.g. a time not reached yet). */
  numberOrNull(range: { min?: number; max?: number }): Field<number | null>;
  oneOf<T extends string>(values: readonly T[], fallback: T): Field<T>;
  /** A set of known items, stored as a set (unknown items read as absent, not the whole set). */
  setOf<T extends string>(values: readonly T[]): Field<T[]>;
}

const REF_MAX = 200;

function field<T>(schema: z.ZodType<T>, extra: { set?: true; read?: (value: unknown) => T }): Field<T> {
  return Object.assign(schema, { ...(extra.set ? { __set: true as const } : {}), ...(extra.read ? { __read: extra.read } : {}) });
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function strictKit(): FieldKit {
  return {
    lenient: false,
    id: () => z.string().min(1, 'id is empty').max(REF_MAX),
    text: (max) => z.string().max(max),
    ref: () => z.string().max(REF_MAX),
    number: ({ min = -Number.MAX_VALUE, max = Number.MAX_VALUE, int = false }) => (int ? z.number().int() : z.number()).finite().min(min).max(max),
    numberOrNull: ({ min = -Number.MAX_VALUE, max = Number.MAX_VALUE }) => z.number().finite().min(min).max(max).nullable(),
    bool: (fallback) => z.boolean().default(fallback) as unknown as z.ZodType<boolean>,
    oneOf: <T extends string>(values: readonly T[]) => z.enum(values as readonly [T, ...T[]]) as unknown as z.ZodType<T>,
    setOf: <T extends string>(values: readonly T[]) => field(z.array(z.enum(values as readonly [T, ...T[]])).max(values.length) as unknown as z.ZodType<T[]>, { set: true }),
  };
}

function lenientKit(): FieldKit {
  const text = (fallback: string) => field(z.string().catch(fallback), { read: (v) => (typeof v === 'string' ? v : fallback) });
  return {
    lenient: true,
    id: () => text(''),
    text: (_max, fallback = '') => text(fallback),
    ref: () => text(''),
    number: (_range, fallback) => field(z.number().finite().catch(fallback), { read: (v) => (isFiniteNumber(v) ? v : fallback) }),
    numberOrNull: () => field(z.number().finite().nullable().catch(null), { read: (v) => (isFiniteNumber(v) ? v : null) }),
    bool: (fallback) => field(z.boolean().catch(fallback), { read: (v) => (typeof v === 'boolean' ? v : fallback) }),
    oneOf: <T extends string>(values: readonly T[], fallback: T) => {
      const known = new Set<unknown>(values);
      return field((z.enum(values as readonly [T, ...T[]]) as unknown as z.ZodType<T>).catch(fallback) as unknown as z.ZodType<T>, {
        read: (v) => (known.has(v) ? (v as T) : fallback),
      });
    },
    setOf: <T extends string>(values: readonly T[]) => {
      const known = new Set<unknown>(values);
      const keep = (items: unknown): T[] => (Array.isArray(items) ? (items.filter((i) => known.has(i)) as T[]) : []);
      return field(
        z
          .array(z.string())
          .catch([])
          .transform((items) => keep(items)) as unknown as z.ZodType<T[]>,
        { set: true, read: keep },
      );
    },
  };
}

type Shape = Record<string, Field<unknown>>;
type Fields<S extends Shape> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

export interface RecordDefinition<S extends Shape> {
  readonly name: string;
  readonly strict: z.ZodType<Fields<S>>;
  readonly lenient: z.ZodType<Fields<S>>;
  readonly keys: readonly (keyof S & string)[];
  /** The fields stored as sets. */
  readonly sets: ReadonlySet<string>;
  /** The record's fields, typed and defaulted (never throws). */
  read(rec: YRecord): Fields<S>;
  /** Problems of the stored fields under the strict schema ([] when none). */
  check(rec: YRecord): string[];
  /** Writes one field after validating it; throws RecordFieldError (nothing written) when invalid. */
  set<K extends keyof S & string>(rec: YRecord, key: K, value: Fields<S>[K], origin: Origin): void;
  /** Validated fields of a new record; throws RecordFieldError naming the first bad field. */
  init(fields: Fields<S>): Fields<S>;
  /** Whether `rec` already holds `value` for `key` (a field left out by `stored` holds its none value). */
  holds(rec: YRecord, key: string, value: unknown): boolean;
  /** `fields` without the ones holding '' or null that read back the same when absent (the id stays: it is the record's key). */
  stored<F extends Partial<Fields<S>>>(fields: F): Partial<F>;
}

export type RecordFields<D> = D extends RecordDefinition<infer S> ? Fields<S> : never;

function problem(error: z.ZodError): { field: string; text: string } {
  const issue = error.issues[0];
  const field = issue ? String(issue.path[0] ?? '') : '';
  const rest = issue && issue.path.length > 1 ? `${issue.path.slice(1).join('.')}: ` : '';
  return { field, text: issue ? `${rest}${issue.message}` : 'invalid value' };
}

/** Defines a record kind from one description of its fields (see the file comment). */
export function defineRecord<S extends Shape>(name: string, describe: (f: FieldKit) => S): RecordDefinition<S> {
  const strictShape = describe(strictKit());
  const lenientShape = describe(lenientKit());
  const strict = z.object(strictShape) as unknown as z.ZodType<Fields<S>>;
  const lenient = z.object(lenientShape) as unknown as z.ZodType<Fields<S>>;
  const keys = Object.keys(strictShape) as (keyof S & string)[];
  const sets: ReadonlySet<string> = new Set(keys.filter((k) => strictShape[k]!.__set));

  const view = (rec: YRecord): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const value = key === 'id' ? recordId(rec) : rec.get(key);
      out[key] = sets.has(key) ? readSet(value) : value;
    }
    return out;
  };
  const readers = keys.map((key) => {
    const read = lenientShape[key]!.__read;
    if (!read) throw new Error(`Record ${name}: field ${key} has no plain reader`);
    return [key, read] as const;
  });
  const readerOf = new Map<string, (value: unknown) => unknown>(readers);
  /** '' or null in a field that reads exactly so when absent: what `stored` leaves out. */
  const isLeftOutNone = (key: string, value: unknown): boolean =>
    key !== 'id' && (value === '' || value === null) && !sets.has(key) && readerOf.get(key)?.(undefined) === value;
  const holds = (rec: YRecord, key: string, value: unknown): boolean => rec.get(key) === value || (!rec.has(key) && isLeftOutNone(key, value));

  return {
    name,
    strict,
    lenient,
    keys,
    sets,
    read(rec) {
      const out: Record<string, unknown> = {};
      for (const [key, read] of readers) {
        // A record's id is its key in its collection (collection.ts).
        const value = key === 'id' ? recordId(rec) : rec.get(key);
        out[key] = read(sets.has(key) ? readSet(value) : value);
      }
      return out as Fields<S>;
    },
    check(rec) {
      const result = strict.safeParse(view(rec));
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || name}: ${i.message}`);
    },
    set(rec, key, value, origin) {
      const schema = strictShape[key];
      if (!schema) throw new RecordFieldError(name, key, 'no such field');
      if (key === 'id') throw new RecordFieldError(name, key, 'a record id cannot change');
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new RecordFieldError(name, key, problem(parsed.error).text);
      const doc = rec.doc;
      if (!doc) throw new RecordFieldError(name, key, 'the record is not part of a document');
      const next = parsed.data;
      if (sets.has(key)) {
        write(doc, origin, () => writeSet(rec, key, next as string[]));
        return;
      }
      // Unchanged, or "none" written to a field left out as none (`stored`): nothing to write.
      if (holds(rec, key, next)) return;
      write(doc, origin, () => rec.set(key, next));
    },
    init(fields) {
      const parsed = strict.safeParse(fields);
      if (parsed.success) return parsed.data;
      const p = problem(parsed.error);
      throw new RecordFieldError(name, p.field, p.text);
    },
    holds,
    stored(fields) {
      return Object.fromEntries(Object.entries(fields).filter(([key, value]) => !isLeftOutNone(key, value))) as Partial<typeof fields>;
    },
  };
}
