/**
 * The weekly digest's PDF attachments: the week's performance report (api/reports/report-pdf.ts) of
 * each team the digest covers for a manager, or of the whole organisation for an admin, collected
 * THROUGH THE SERVICES as the recipient (their viewer, read when the mail is sent), so a PDF is
 * scoped and says what their own GET /export/report download of that week would. Rendered when the
 * mail is sent, not stored in the outbox (a PDF is large, and is made from the figures again). A
 * report that cannot be made is logged and left out: the digest itself still goes.
 */
import type { Logger } from 'pino';
import type { OrgSettings } from '../../config.ts';
import { createContext } from '../../core/context.ts';
import type { Database } from '../../db/client.ts';
import { readViewer } from '../../live/caches/directory.ts';
import { collectReport, type ReportScope } from '../../reports/report-data.ts';
import { renderReportPdf } from '../../reports/report-pdf.ts';
import type { DigestTeam } from './digest-data.ts';
import type { MailAttachment } from './digest-mail.ts';

/** Leaderboard rows in a digest's report (the download's default). */
const LEADERBOARD_ROWS = 25;

export type DigestReports = (mail: { email: string; payload: unknown }) => Promise<MailAttachment[]>;

export function createDigestReports(deps: { db: Database; org: OrgSettings; logger: Logger }): DigestReports {
  return async (mail) => {
    const payload = (mail.payload ?? {}) as { week_start?: unknown; teams?: unknown };
    const week = typeof payload.week_start === 'string' ? payload.week_start : null;
    const viewer = await readViewer(deps.db, mail.email);
    if (!week || !viewer) return [];
    const teams = Array.isArray(payload.teams) ? (payload.teams as DigestTeam[]) : [];
    const scopes: ReportScope[] =
      viewer.role === 'ADMIN'
        ? [{ kind: 'organisation' }]
        : teams.map((t) => ({ kind: 'team', teamId: String(t.team_id) }));
    const ctx = createContext({ db: deps.db, org: deps.org, viewer, logger: deps.logger });
    const out: MailAttachment[] = [];
    for (const scope of scopes) {
      try {
        const data = await collectReport(ctx, {
          scope,
          periodType: 'WEEKLY',
          date: week,
          leaderboardLimit: LEADERBOARD_ROWS,
        });
        out.push({
          filename: `pulse-report-weekly-${week}${scope.kind === 'team' ? `-team-${scope.teamId}` : ''}.pdf`,
          content: await renderReportPdf(data),
          contentType: 'application/pdf',
        });
      } catch (error) {
        deps.logger.error({ err: error, week, scope }, 'notifications: a digest’s PDF report failed');
      }
    }
    return out;
  };
}
