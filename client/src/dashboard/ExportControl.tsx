/**
 * Download a report (performance, goals, leaderboard) as CSV or XLSX for the period and team the
 * dashboard shows. Offers only what the role may export (a VIEWER: leaderboards; a REP: no goals
 * or figures of another team); the server enforces the same scope and its refusals are shown.
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
  | { phase: 'failed'; message: string };

export function ExportControl({ period, teamId }: { period: PeriodSelection; teamId: string | null }) {
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

  useEffect(() => {
    if (status.phase !== 'saved') return undefined;
    const timer = setTimeout(() => setStatus((s) => (s === status ? { phase: 'idle' } : s)), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const download = async (event: FormEvent) => {
    event.preventDefault();
    const auth = getAuth();
    if (auth.phase !== 'signed-in' || status.phase === 'busy') return;
    const token = auth.credential.kind === 'token' ? auth.credential.token : null;
    setStatus({ phase: 'busy' });
    try {
      const file = await fetchExport(
        { report, format, periodType: period.periodType, date: selectionDate(period), teamId },
        token,
      );
      saveFile(file.blob, file.filename);
      setStatus({ phase: 'saved', filename: file.filename });
    } catch (error) {
      setStatus({
        phase: 'failed',
        message: error instanceof ExportError ? error.message : 'Could not save the report.',
      });
    }
  };

  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      if (status.phase !== 'busy') setStatus({ phase: 'idle' });
    };

  return (
    <div className="export">
      <form className="export-form" aria-labelledby={titleId} onSubmit={(e) => void download(e)}>
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
      </form>
      {reason ? (
        <p className="export-reason muted small" id={reasonId}>
          {reason}
        </p>
      ) : null}
      {status.phase === 'failed' ? (
        <p className="error export-message" role="alert">
          Could not export the {REPORT_NAMES[report].toLowerCase()} report: {status.message}
        </p>
      ) : null}
      <div className="export-status" role="status" aria-live="polite">
        {status.phase === 'saved' ? <p className="export-toast">Saved {status.filename}</p> : null}
      </div>
    </div>
  );
}
