/**
 * Download a report (performance, goals, leaderboard) as CSV or XLSX for the period and team the
 * dashboard shows, or beside it the PDF performance report of the person, team or everyone shown
 * (a REP: their own; a screen gets no PDF button, the server refuses it one). Offers only what the
 * role may export (a VIEWER: leaderboards; a REP: no goals or figures of another team); the server
 * enforces the same scope and its refusals are shown.
 * "Saved <file>" is a toast under the control that takes no layout space (the summary cards below
 * do not move) and goes after a few seconds; its polite live region is always there, so it is read.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Role } from '../gql/graphql.ts';
import { getAuth } from '../lib/auth.ts';
import {
  EXPORT_FORMATS,
  ExportError,
  fetchExport,
  fetchPdfReport,
  saveFile,
  type ExportFormat,
  type ExportReport,
} from './download.ts';
import { selectionDate, selectionLabel } from './PeriodPicker.tsx';
import { useViewer, type PeriodSelection } from './viewer.ts';

const REPORT_NAMES: Record<ExportReport, string> = {
  performance: 'Performance',
  goals: 'Goals',
  leaderboard: 'Leaderboard',
};

const FORMAT_NAMES: Record<ExportFormat, string> = {
  csv: 'CSV',
  xlsx: 'Excel (XLSX)',
};

/** The reports a role may export for a team (null: all teams), as api/core/permissions.ts allows. */
export function exportableReports(
  role: Role,
  ownTeamId: string | null,
  teamId: string | null,
): ExportReport[] {
  if (role === 'VIEWER') return ['leaderboard'];
  // a REP reads their own figures and their own team's goals: another team's would be empty or refused
  if (role === 'REP' && teamId !== null && teamId !== ownTeamId) return ['leaderboard'];
  return ['performance', 'goals', 'leaderboard'];
}

/** Why a role's report list is short (null: nothing is left out), said next to the greyed-out select. */
export function exportLimitReason(
  role: Role,
  ownTeamId: string | null,
  teamId: string | null,
): string | null {
  if (role === 'VIEWER') return 'Screens export the leaderboard only.';
  if (role === 'REP' && teamId !== null && teamId !== ownTeamId)
    return 'Another team’s performance and goals are its manager’s to export: choose your own team for yours.';
  return null;
}

/** How long "Saved <file>" stays on screen. */
export const SAVED_SHOWN_MS = 6000;

type Status =
  | { phase: 'idle' }
  | { phase: 'busy' }
  | { phase: 'saved'; filename: string }
  | { phase: 'failed'; message: string; what: string };

/**
 * Whose PDF report the dashboard's choices ask for: the person chosen, else (a manager or admin)
 * the team chosen, else everyone; a REP's is always their own (the server's default for them).
 */
export function pdfReportScope(
  role: Role,
  personId: string | null,
  teamId: string | null,
): { userId: string | null; teamId: string | null } {
  if (personId) return { userId: personId, teamId: null };
  if (role === 'REP') return { userId: null, teamId: null };
  return { userId: null, teamId };
}

export function ExportControl({
  period,
  teamId,
  person = null,
}: {
  period: PeriodSelection;
  teamId: string | null;
  /** The person the dashboard shows (null: everyone of the team, or of all teams). */
  person?: { id: string; name: string } | null;
}) {
  const viewer = useViewer();
  const reports = exportableReports(viewer.me.role, viewer.me.teamId, teamId);
  const [chosen, setChosen] = useState<ExportReport>(reports[0] ?? 'leaderboard');
  const report = reports.includes(chosen) ? chosen : (reports[0] ?? 'leaderboard');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const titleId = useId();
  const scopeId = useId();
  const reasonId = useId();
  const reason = exportLimitReason(viewer.me.role, viewer.me.teamId, teamId);
  const teamName = teamId
    ? (viewer.teams.find((t) => t.id === teamId)?.name ?? `team ${teamId}`)
    : 'all teams';
  const pdfId = useId();
  const pdfScope = pdfReportScope(viewer.me.role, person?.id ?? null, teamId);
  const pdfWho = pdfScope.userId ? (person?.name ?? 'you') : viewer.me.role === 'REP' ? 'you' : teamName;

  useEffect(() => {
    if (status.phase !== 'saved') return undefined;
    const timer = setTimeout(() => setStatus((s) => (s === status ? { phase: 'idle' } : s)), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [status]);

  /** Fetches one file with the signed-in credential and saves it, saying how it went. */
  const save = async (
    fetchFile: (token: string | null) => Promise<{ blob: Blob; filename: string }>,
    what: string,
  ) => {
    const auth = getAuth();
    if (auth.phase !== 'signed-in' || status.phase === 'busy') return;
    const token = auth.credential.kind === 'token' ? auth.credential.token : null;
    setStatus({ phase: 'busy' });
    try {
      const file = await fetchFile(token);
      saveFile(file.blob, file.filename);
      setStatus({ phase: 'saved', filename: file.filename });
    } catch (error) {
      setStatus({
        phase: 'failed',
        message: error instanceof ExportError ? error.message : 'Could not save the report.',
        what,
      });
    }
  };

  const download = (event: FormEvent) => {
    event.preventDefault();
    void save(
      (token) =>
        fetchExport(
          { report, format, periodType: period.periodType, date: selectionDate(period), teamId },
          token,
        ),
      `${REPORT_NAMES[report].toLowerCase()} report`,
    );
  };

  const downloadPdf = () =>
    save(
      (token) =>
        fetchPdfReport({ periodType: period.periodType, date: selectionDate(period), ...pdfScope }, token),
      'PDF report',
    );

  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      if (status.phase !== 'busy') setStatus({ phase: 'idle' });
    };

  return (
    <div className="export">
      <form className="export-form" aria-labelledby={titleId} onSubmit={download}>
        <span className="export-title" id={titleId}>
          Export
        </span>
        <label className="inline-field">
          <span>Report</span>
          <select
            value={report}
            onChange={(e) => change(setChosen)(e.target.value as ExportReport)}
            disabled={reports.length < 2}
            title={reason ?? undefined}
            aria-describedby={reason ? reasonId : undefined}
          >
            {reports.map((r) => (
              <option key={r} value={r}>
                {REPORT_NAMES[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>Format</span>
          <select value={format} onChange={(e) => change(setFormat)(e.target.value as ExportFormat)}>
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_NAMES[f]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" aria-describedby={scopeId} disabled={status.phase === 'busy'}>
          {status.phase === 'busy' ? 'Preparing…' : 'Download'}
        </button>
        <span id={scopeId} className="visually-hidden">
          {REPORT_NAMES[report]}, {selectionLabel(period)}, {teamName}, {FORMAT_NAMES[format]}
        </span>
        {viewer.me.role === 'VIEWER' ? null : (
          <>
            <button
              type="button"
              aria-describedby={pdfId}
              disabled={status.phase === 'busy'}
              onClick={() => void downloadPdf()}
            >
              Download PDF report
            </button>
            <span id={pdfId} className="visually-hidden">
              Performance report, {selectionLabel(period)}, {pdfWho}, PDF
            </span>
          </>
        )}
      </form>
      {reason ? (
        <p className="export-reason muted small" id={reasonId}>
          {reason}
        </p>
      ) : null}
      {status.phase === 'failed' ? (
        <p className="error export-message" role="alert">
          Could not export the {status.what}: {status.message}
        </p>
      ) : null}
      <div className="export-status" role="status" aria-live="polite">
        {status.phase === 'saved' ? <p className="export-toast">Saved {status.filename}</p> : null}
      </div>
    </div>
  );
}
