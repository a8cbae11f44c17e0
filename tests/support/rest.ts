/** Plain HTTP helpers for the non-GraphQL routes (REST API, CSV import, export). */
import type { ImportReport as Report } from '../../api/transport/import/activities-import.ts';
import type { TestServer } from './server.ts';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A JSON request; `as` is an email (a token is signed for it), a token, or null for none. */
export async function rest<T = unknown>(
  server: TestServer,
  method: string,
  path: string,
  options: { body?: unknown; as?: string | null; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const as = options.as === undefined ? 'admin@example.com' : options.as;
  const token = as === null ? null : as.includes('@') ? await server.token(as) : as;
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (CSV exports): the text itself
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

export interface RestErrorBody {
  error: { code: string; message: string; fields: { field: string; message: string }[] };
}

/** The field names of a REST error response. */
export function errorFields(result: HttpResult): string[] {
  return (result.body as RestErrorBody).error.fields.map((f) => f.field);
}

/** The report POST /import/activities answers, or (when refused) its error body. */
export type ImportReport = Report & { error?: { code: string; fields: { field: string }[] } };

/**
 * POST /import/activities?mode=… (default skip) with this CSV: as the body with content type
 * `type` (default text/csv), or with `multipart` as the file of a form (after a text field).
 * `as` is an email (a token is signed for it), a token, or null for none; the admin by default.
 */
export async function importCsv(
  server: TestServer,
  csv: string,
  options: { mode?: string; as?: string | null; multipart?: boolean; type?: string } = {},
): Promise<{ status: number; body: ImportReport }> {
  const as = options.as === undefined ? 'admin@example.com' : options.as;
  const token = as === null ? null : as.includes('@') ? await server.token(as) : as;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let body: string | FormData = csv;
  if (options.multipart) {
    body = new FormData();
    body.append('note', 'from the ERP');
    body.append('file', new Blob([csv], { type: 'text/csv' }), 'activities.csv');
  } else headers['content-type'] = options.type ?? 'text/csv';
  const response = await fetch(`${server.url}/import/activities?mode=${options.mode ?? 'skip'}`, {
    method: 'POST',
    headers,
    body,
  });
  return { status: response.status, body: (await response.json()) as ImportReport };
}
