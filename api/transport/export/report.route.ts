/**
 * GET /export/report?format=pdf&period=monthly&date=...&user_id=...|team_id=...&limit=...
 * The performance report (api/reports/) of one person (user_id), one team (team_id) or the
 * organisation (neither) as a PDF download, for the period of `period` containing `date`
 * (default this month). Its figures are read through the services, so the scope is the other
 * exports' and GraphQL's: a REP gets their own report (no scope given: theirs; another person's
 * or a team's: 403), team figures are managers' and admins', a VIEWER is refused (a report is
 * people's figures, not a board). Parameters are checked before anything is read: an unknown one,
 * a format other than pdf, or both user_id and team_id is a 400 naming the field.
 * At most REPORT_MAX_CONCURRENT reports are drawn at once in the process, REPORT_MAX_CONCURRENT_PER_USER
 * of one person's (http/slots.ts: 429 with Retry-After beyond), since each holds the CPU while drawn.
 * Mounted by exportRouter, before its `/:report`, under the same request scope and server limits.
 */
import type { Request, Response } from 'express';
import { LIMITS } from '../../../schema/db/constants.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import type { Slots } from '../http/slots.ts';
import { collectReport, type ReportScope } from '../../reports/report-data.ts';
import { renderReportPdf } from '../../reports/report-pdf.ts';
import { Fields } from '../rest/fields.ts';
import { lower } from '../rest/names.ts';

/** Leaderboard rows in a report unless `limit` says otherwise (at most LIMITS.leaderboardLimit). */
export const REPORT_LEADERBOARD_ROWS = 25;

export async function sendPdfReport(
  req: Request,
  res: Response,
  ctx: AppContext,
  slots: Slots,
): Promise<void> {
  const q = new Fields(req.query);
  const format = q.text('format') ?? 'pdf';
  if (format.toLowerCase() !== 'pdf') q.errors.add('format', 'must be pdf');
  const { periodType, date } = q.period();
  const userId = q.id('user_id');
  const teamId = q.id('team_id');
  if (userId !== undefined && teamId !== undefined)
    q.errors.add('team_id', 'names a team, user_id a person: give one of them (neither: the organisation)');
  const limit = q.int('limit');
  if (limit !== undefined && (limit < 1 || limit > LIMITS.leaderboardLimit))
    q.errors.add('limit', `must be between 1 and ${LIMITS.leaderboardLimit}`);
  q.rejectUnknown();
  q.done();
  const scope: ReportScope | null =
    userId !== undefined
      ? { kind: 'person', userId }
      : teamId !== undefined
        ? { kind: 'team', teamId }
        : null;
  // a slot for the whole report (its reads, then the drawing), taken once the request is known valid
  const release = slots.takeOrRefuse(requireViewer(ctx).id);
  let data: Awaited<ReturnType<typeof collectReport>>;
  let pdf: Buffer;
  try {
    data = await collectReport(ctx, {
      scope,
      periodType,
      date,
      leaderboardLimit: limit ?? REPORT_LEADERBOARD_ROWS,
    });
    pdf = await renderReportPdf(data);
  } finally {
    release();
  }
  const who =
    data.scope.kind === 'person'
      ? `-user-${data.scope.id}`
      : data.scope.kind === 'team'
        ? `-team-${data.scope.id}`
        : '';
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="pulse-report-${lower(periodType)}-${data.periodStart}${who}.pdf"`,
  );
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', String(pdf.length));
  res.end(pdf);
}
