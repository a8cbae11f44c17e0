/**
 * Input validation with zod, reported the contract's way: BAD_USER_INPUT with every offending
 * field. Services validate before they write, so a refused request writes nothing.
 */
import type { z } from 'zod';
import { BadInputError, type FieldError, type FieldErrors } from './errors.ts';

function issuesToFields(issues: readonly z.core.$ZodIssue[], prefix: string): FieldError[] {
  return issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.'),
    message: issue.message,
  }));
}

/** Parses input or throws BAD_USER_INPUT naming each bad field (paths relative to the argument). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new BadInputError(issuesToFields(result.error.issues, prefix));
  return result.data;
}

/**
 * Like parseInput, but adds the issues to `errors` instead of throwing, so a service can run its
 * other checks and report every bad field at once. Undefined when the input did not parse.
 */
export function collectInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  errors: FieldErrors,
  prefix = '',
): z.output<S> | undefined {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const f of issuesToFields(result.error.issues, prefix)) errors.add(f.field, f.message);
  return undefined;
}

/** The Postgres error behind a driver or drizzle error (drizzle wraps it in `cause`). */
export function pgErrorOf(
  error: unknown,
): { code?: string; constraint?: string; constraint_name?: string } | null {
  let e: unknown = error;
  for (let depth = 0; depth < 3 && e && typeof e === 'object'; depth += 1) {
    const candidate = e as { code?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return candidate as { code?: string; constraint?: string };
    }
    e = candidate.cause;
  }
  return null;
}

/** Whether an error is a unique violation (of the named constraint or index, when given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(error);
  if (pg?.code !== '23505') return false;
  const name = pg.constraint ?? pg.constraint_name;
  return constraint === undefined || name === constraint;
}
