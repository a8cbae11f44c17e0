import { NotFoundError } from '../errors.ts';

/** A GraphQL ID as a row id. An id that cannot exist is simply not found. */
export function parseId(value: string, what: string): number {
  const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0 || n > 2_147_483_647)
    throw new NotFoundError(what, JSON.stringify(value));
  return n;
}

export function optionalId(value: string | null | undefined, what: string): number | null {
  return value === null || value === undefined ? null : parseId(value, what);
}
