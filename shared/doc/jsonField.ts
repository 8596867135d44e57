import type { z } from 'zod';

/**
 * A record field holding JSON written by a peer (a hostile input): parsed and validated by
 * `schema`, or null when it is empty, not JSON or not of that shape.
 */
export function parseJsonField<T>(schema: z.ZodType<T>, raw: string): T | null {
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
