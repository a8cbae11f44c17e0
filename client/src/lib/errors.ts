/** Reads the contract's error shape (extensions.code, extensions.fields) out of Apollo errors. */
import { CombinedGraphQLErrors } from '@apollo/client/errors';

export interface ApiError {
  code: string | null;
  message: string;
  fields: Record<string, string>;
  extensions: Record<string, unknown>;
}

export function apiError(error: unknown): ApiError | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const e of error.errors) {
      const list = (e.extensions?.fields ?? []) as { field?: unknown; message?: unknown }[];
      for (const f of list) {
        if (typeof f.field === 'string' && typeof f.message === 'string' && !fields[f.field])
          fields[f.field] = f.message;
      }
    }
    return {
      code: typeof extensions.code === 'string' ? extensions.code : null,
      message: first?.message ?? error.message,
      fields,
      extensions,
    };
  }
  const message =
    error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
  return { code: 'NETWORK', message: `Could not reach the server (${message}).`, fields: {}, extensions: {} };
}

export function errorCode(error: unknown): string | null {
  return apiError(error)?.code ?? null;
}

/**
 * A BAD_USER_INPUT refusal's messages for the fields a form shows, as sentences on those fields
 * (`{ name: 'name' }` turns "must not be empty" into "The name must not be empty."); null when the
 * error is another kind or names none of them, so the caller shows it as the form's error.
 */
export function fieldErrors<K extends string>(
  error: ApiError | null,
  labels: Record<K, string>,
): Partial<Record<K, string>> | null {
  if (error?.code !== 'BAD_USER_INPUT') return null;
  const found: Partial<Record<K, string>> = {};
  for (const field of Object.keys(labels) as K[]) {
    const message = error.fields[field];
    if (message) found[field] = `The ${labels[field]} ${message}.`;
  }
  return Object.keys(found).length ? found : null;
}
