/** Plain HTTP helpers for the non-GraphQL routes (REST API, import, export). */
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
