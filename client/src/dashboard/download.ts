/**
 * Report downloads from the server's `GET /export/<report>` (api/transport/export/: the CSV/XLSX tables
 * and the PDF performance report): fetched with the bearer
 * token in the Authorization header — never in the URL, where it would land in the browser
 * history and the server's access logs — or, signed in with a password, with the session cookie
 * (same-origin credentials, no header); then saved under the name the server gives in
 * Content-Disposition.
 */
import type { PeriodType } from '../gql/graphql.ts';

export const EXPORT_REPORTS = ['performance', 'goals', 'leaderboard'] as const;
export type ExportReport = (typeof EXPORT_REPORTS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  report: ExportReport;
  format: ExportFormat;
  periodType: PeriodType;
  /** A day of the period; null: the server's current period. */
  date: string | null;
  /** null: every team in the caller's scope. */
  teamId: string | null;
}

export function exportPath({ report, format, periodType, date, teamId }: ExportRequest): string {
  const params = new URLSearchParams({ format, period: periodType.toLowerCase() });
  if (date) params.set('date', date);
  if (teamId) params.set('team_id', teamId);
  return `/export/${report}?${params.toString()}`;
}

/** The PDF performance report (GET /export/report) of one person, one team, or (neither) everyone. */
export interface PdfReportRequest {
  periodType: PeriodType;
  date: string | null;
  /** One person's report; wins over teamId. */
  userId: string | null;
  teamId: string | null;
}

export function reportPath({ periodType, date, userId, teamId }: PdfReportRequest): string {
  const params = new URLSearchParams({ format: 'pdf', period: periodType.toLowerCase() });
  if (date) params.set('date', date);
  if (userId) params.set('user_id', userId);
  else if (teamId) params.set('team_id', teamId);
  return `/export/report?${params.toString()}`;
}

/**
 * The file name of a Content-Disposition header: RFC 6266's `filename*=UTF-8''…` first, then
 * `filename="…"` (or unquoted). Path separators are dropped, so a name can never point elsewhere.
 */
export function filenameFrom(header: string | null): string | null {
  if (!header) return null;
  let name: string | null = null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  if (extended) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = null;
    }
  }
  name ??=
    /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(header)?.[1]?.replace(/\\(.)/g, '$1') ??
    /filename\s*=\s*([^;\s]+)/.exec(header)?.[1] ??
    null;
  const safe = name?.replace(/[/\\]/g, '_').trim();
  return safe ? safe : null;
}

/** A refused or failed download, with the server's error code when it sent one. */
export class ExportError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

const SESSION_REFUSED = 'Your session has ended: sign in again to download.';

const STATUS_MESSAGES: Record<number, string> = {
  401: 'The server refused your token (expired or revoked). Sign in again.',
  403: 'Your role may not export this report.',
  404: 'The server does not offer this report.',
};

async function errorOf(response: Response, session: boolean): Promise<ExportError> {
  let code: string | null = null;
  let message: string | null = null;
  try {
    // the REST error shape: { error: { code, message, fields: [{ field, message }] } }
    const body = (await response.json()) as {
      error?: { code?: unknown; message?: unknown; fields?: { field?: unknown; message?: unknown }[] };
    };
    code = typeof body.error?.code === 'string' ? body.error.code : null;
    if (typeof body.error?.message === 'string') message = body.error.message;
    const fields = (body.error?.fields ?? [])
      .filter((f) => typeof f.field === 'string' && typeof f.message === 'string')
      .map((f) => `${String(f.field)} ${String(f.message)}`);
    if (fields.length) message = `${message ?? 'Refused'}: ${fields.join('; ')}`;
  } catch {
    // not JSON (a proxy's error page): the status says enough
  }
  if (session && response.status === 401) message = SESSION_REFUSED;
  return new ExportError(
    message ?? STATUS_MESSAGES[response.status] ?? `The server answered ${response.status}.`,
    response.status,
    code,
  );
}

/**
 * Fetches one report (`token` null: signed in with a session cookie); throws ExportError when the
 * server refuses or cannot be reached.
 */
export function fetchExport(
  request: ExportRequest,
  token: string | null,
  fetchImpl: typeof fetch = fetch,
): Promise<{ blob: Blob; filename: string }> {
  return fetchDownload(exportPath(request), `pulse-${request.report}.${request.format}`, token, fetchImpl);
}

/** Fetches the PDF performance report, as fetchExport does a table. */
export function fetchPdfReport(
  request: PdfReportRequest,
  token: string | null,
  fetchImpl: typeof fetch = fetch,
): Promise<{ blob: Blob; filename: string }> {
  return fetchDownload(reportPath(request), 'pulse-report.pdf', token, fetchImpl);
}

async function fetchDownload(
  path: string,
  fallbackName: string,
  token: string | null,
  fetchImpl: typeof fetch,
): Promise<{ blob: Blob; filename: string }> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      ...(token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ExportError(`Could not reach the server (${why}).`, null, 'NETWORK');
  }
  if (!response.ok) throw await errorOf(response, token === null);
  const filename = filenameFrom(response.headers.get('Content-Disposition')) ?? fallbackName;
  return { blob: await response.blob(), filename };
}

/** Hands a downloaded file to the browser's save mechanism, under `filename`. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // the download has started from the click; the URL is released once the browser has read it
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
