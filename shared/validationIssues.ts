import type { z } from 'zod';

/**
 * Validation problems as data the UI words in its own language: a code (an i18n key under
 * `issues.` of the namespace that shows it), the parameters the message needs, and the path.
 * zod's own messages are English and stay out of the UI.
 */
export type IssueCode =
  | 'required'
  | 'expectedNumber'
  | 'expectedText'
  | 'expectedList'
  | 'expectedObject'
  | 'expectedYesNo'
  | 'expectedOther'
  | 'tooSmall'
  | 'tooBig'
  | 'tooShort'
  | 'tooLong'
  | 'tooFew'
  | 'tooMany'
  | 'notInteger'
  | 'notOneOf'
  | 'badFormat'
  | 'unknownKeys'
  | 'duplicateId'
  | 'unknownUnit'
  | 'duplicateLevel'
  | 'versionTooNew'
  | 'notJson'
  | 'invalid';

export interface ValidationIssue {
  /** Where: "severities[1].level" ('' = the whole file). */
  path: string;
  code: IssueCode;
  params: Record<string, string | number>;
  /** zod's English text, for logs and tests only. */
  message: string;
}

/** "severities[1].level" from ['severities', 1, 'level']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const EXPECTED: Record<string, IssueCode> = { number: 'expectedNumber', int: 'notInteger', string: 'expectedText', array: 'expectedList', object: 'expectedObject', boolean: 'expectedYesNo' };

/** One zod issue as a `ValidationIssue`; `input` is what was validated (to tell "missing" from "wrong type"). */
export function issueOf(issue: z.core.$ZodIssue, input?: unknown): ValidationIssue {
  const path = formatPath(issue.path);
  const base = { path, message: issue.message };
  switch (issue.code) {
    case 'invalid_type': {
      if (input !== undefined && valueAt(input, issue.path) === undefined) return { ...base, code: 'required', params: {} };
      return { ...base, code: EXPECTED[issue.expected] ?? 'expectedOther', params: { expected: String(issue.expected) } };
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
      if (!small && issue.path[issue.path.length - 1] === 'version' && issue.path.length === 1) return { ...base, code: 'versionTooNew', params: { limit } };
      const origin = (issue as { origin?: string }).origin;
      const code: IssueCode = origin === 'string' ? (small ? 'tooShort' : 'tooLong') : origin === 'array' || origin === 'set' ? (small ? 'tooFew' : 'tooMany') : small ? 'tooSmall' : 'tooBig';
      return { ...base, code, params: { limit } };
    }
    case 'invalid_value':
      return { ...base, code: 'notOneOf', params: { values: issue.values.map(String).join(', ') } };
    case 'invalid_format':
      return { ...base, code: 'badFormat', params: { format: issue.format } };
    case 'unrecognized_keys':
      return { ...base, code: 'unknownKeys', params: { keys: issue.keys.join(', ') } };
    case 'not_multiple_of':
      return { ...base, code: 'notInteger', params: {} };
    case 'custom': {
      const p = (issue.params ?? {}) as Record<string, unknown>;
      const code = typeof p.i18n === 'string' ? (p.i18n as IssueCode) : 'invalid';
      const params: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(p)) if (k !== 'i18n' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
      return { ...base, code, params };
    }
    default:
      return { ...base, code: 'invalid', params: {} };
  }
}

/** Every issue of a failed parse. */
export function issuesOf(error: z.ZodError, input?: unknown): ValidationIssue[] {
  return error.issues.map((i) => issueOf(i, input));
}
