import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../gql/graphql.ts';
import { setToken } from '../lib/auth.ts';
import { exportPath, filenameFrom, reportPath } from './download.ts';
import { shiftPeriod } from '../lib/periods.ts';
import { ExportControl, exportableReports, pdfReportScope, SAVED_SHOWN_MS } from './ExportControl.tsx';
import { ViewerContext, type PeriodSelection, type ViewerInfo } from './viewer.ts';

function viewerAs(role: Role, teamId: string | null = '1'): ViewerInfo {
  const teams = [
    { id: '1', name: 'Enterprise', managerId: '9', members: [] },
    { id: '2', name: 'West', managerId: '8', members: [] },
  ];
  return {
    me: { id: '5', name: 'Pat', email: 'pat@example.com', role, teamId, teamName: 'Enterprise' },
    teams: role === 'VIEWER' ? [] : teams,
    sellers: [],
    writableTeamIds: new Set(),
    canReadOthers: role === 'ADMIN' || role === 'MANAGER',
    canReadGoals: role !== 'VIEWER',
    canReadTeamFigures: role === 'ADMIN' || role === 'MANAGER',
  };
}

// the organisation's today (the server's clock), deliberately not this machine's
const ORG_TODAY = '2026-03-15';
const MONTH: PeriodSelection = { periodType: 'MONTHLY', offset: 0, today: ORG_TODAY };

function renderControl(
  role: Role,
  {
    period = MONTH,
    teamId = null as string | null,
    person = null as { id: string; name: string } | null,
  } = {},
) {
  return render(
    <ViewerContext.Provider value={viewerAs(role)}>
      <ExportControl period={period} teamId={teamId} person={person} />
    </ViewerContext.Provider>,
  );
}

const reportOptions = () =>
  within(screen.getByLabelText('Report'))
    .getAllByRole('option')
    .map((o) => o.textContent);

let fetchMock: ReturnType<typeof vi.fn>;
let clicked: { href: string; download: string }[];

beforeEach(() => {
  setToken('header.payload.signature');
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  clicked = [];
  // jsdom has no object URLs and does not save files: record what would be saved
  URL.createObjectURL = vi.fn(() => 'blob:pulse/1');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  setToken(null);
});

describe('ExportControl', () => {
  it('is a labelled form: report and format choices and a Download button', () => {
    renderControl('MANAGER');
    expect(screen.getByRole('form', { name: 'Export' })).toBeInTheDocument();
    expect(reportOptions()).toEqual(['Performance', 'Goals', 'Leaderboard']);
    expect(
      within(screen.getByLabelText('Format'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['CSV', 'Excel (XLSX)']);
    const button = screen.getByRole('button', { name: 'Download' });
    expect(button).toHaveAccessibleDescription(/Performance, .*, all teams, CSV/);
  });

  it('fetches with the token in the Authorization header and saves under the server’s file name', async () => {
    const period: PeriodSelection = { periodType: 'QUARTERLY', offset: -1, today: ORG_TODAY };
    fetchMock.mockResolvedValue(
      new Response('\uFEFFuser_id,user_name\n1,John Smith\n', {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="pulse-goals-quarterly-2026-07-01-team-2.csv"',
        },
      }),
    );
    renderControl('ADMIN', { period, teamId: '2' });
    fireEvent.change(screen.getByLabelText('Report'), { target: { value: 'goals' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));

    await screen.findByText('Saved pulse-goals-quarterly-2026-07-01-team-2.csv');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    const date = shiftPeriod('QUARTERLY', ORG_TODAY, -1);
    expect(date).toBe('2025-10-01');
    expect(url).toBe(`/export/goals?format=csv&period=quarterly&date=${date}&team_id=2`);
    expect(url).not.toContain('signature'); // never the token in the URL
    expect(init.headers).toEqual({ Authorization: 'Bearer header.payload.signature' });
    expect(clicked).toEqual([
      { href: 'blob:pulse/1', download: 'pulse-goals-quarterly-2026-07-01-team-2.csv' },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Saved pulse-goals');
  });

  it('asks for XLSX of the current period without a date', async () => {
    fetchMock.mockResolvedValue(
      new Response(new Uint8Array([0x50, 0x4b]), {
        headers: {
          'Content-Disposition': 'attachment; filename="pulse-leaderboard-monthly-2026-11-01.xlsx"',
        },
      }),
    );
    renderControl('VIEWER');
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'xlsx' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Export' }));
    await screen.findByText('Saved pulse-leaderboard-monthly-2026-11-01.xlsx');
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/export/leaderboard?format=xlsx&period=monthly');
  });

  it('shows the server’s refusal as an alert, and a network failure too', async () => {
    fetchMock.mockResolvedValueOnce(
      Response.json(
        { error: { code: 'FORBIDDEN', message: 'You may only read your own team’s goals.', fields: [] } },
        { status: 403 },
      ),
    );
    renderControl('REP');
    fireEvent.change(screen.getByLabelText('Report'), { target: { value: 'goals' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not export the goals report: You may only read your own team’s goals.',
    );
    expect(clicked).toEqual([]);

    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Could not reach the server (Failed to fetch).'),
    );

    fetchMock.mockResolvedValueOnce(new Response('<html>bad gateway</html>', { status: 502 }));
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The server answered 502.'));
  });

  it('says it is busy and refuses a second click meanwhile', async () => {
    let answer: (r: Response) => void = () => {};
    fetchMock.mockReturnValue(new Promise<Response>((resolve) => (answer = resolve)));
    renderControl('MANAGER');
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    const busy = await screen.findByRole('button', { name: 'Preparing…' });
    expect(busy).toBeDisabled();
    fireEvent.submit(screen.getByRole('form', { name: 'Export' }));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    answer(new Response('x', { headers: {} }));
    await screen.findByText('Saved pulse-performance.csv'); // no Content-Disposition: a fallback name
  });

  it('says "Saved" in a polite status toast out of the flow, then lets it go', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const saved = (name: string) =>
        new Response('x', { headers: { 'Content-Disposition': `attachment; filename="${name}"` } });
      fetchMock.mockResolvedValueOnce(saved('first.csv')).mockResolvedValueOnce(saved('second.csv'));
      // React runs effects after the test's synchronous steps: let it (a real turn of the loop)
      const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
      const { container } = renderControl('MANAGER');
      // the live region is there, empty, before anything is said (so the announcement is heard)
      const status = screen.getByRole('status');
      expect(status).toHaveAttribute('aria-live', 'polite');
      expect(status).toBeEmptyDOMElement();
      expect(status).toHaveClass('export-status'); // positioned out of the flow (dashboard.css)
      expect(status.parentElement).toBe(container.querySelector('.export'));

      fireEvent.click(screen.getByRole('button', { name: 'Download' }));
      await waitFor(() => expect(status).toHaveTextContent('Saved first.csv'));
      await settle();
      expect(screen.getByRole('status')).toBe(status);
      expect(within(status).getByText('Saved first.csv')).toHaveClass('export-toast');

      act(() => {
        vi.advanceTimersByTime(SAVED_SHOWN_MS - 1000);
      });
      fireEvent.click(screen.getByRole('button', { name: 'Download' }));
      await waitFor(() => expect(status).toHaveTextContent('Saved second.csv'));
      await settle();
      act(() => {
        vi.advanceTimersByTime(SAVED_SHOWN_MS - 1000); // the first one's time is not the second's
      });
      expect(status).toHaveTextContent('Saved second.csv');
      act(() => {
        vi.advanceTimersByTime(1000);
      });
      expect(status).toBeEmptyDOMElement();
      expect(screen.getByRole('status')).toBe(status);
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers only what the role may export, and says why beside the greyed-out choice', () => {
    renderControl('VIEWER');
    expect(reportOptions()).toEqual(['Leaderboard']);
    expect(screen.getByLabelText('Report')).toBeDisabled();
    expect(screen.getByLabelText('Report')).toHaveAccessibleDescription(
      'Screens export the leaderboard only.',
    );
    expect(screen.getByText('Screens export the leaderboard only.')).toBeVisible();
  });

  it('offers a REP no goals or figures of another team', () => {
    expect(exportableReports('REP', '1', null)).toEqual(['performance', 'goals', 'leaderboard']);
    expect(exportableReports('REP', '1', '1')).toEqual(['performance', 'goals', 'leaderboard']);
    expect(exportableReports('REP', '1', '2')).toEqual(['leaderboard']);
    expect(exportableReports('MANAGER', '1', '2')).toEqual(['performance', 'goals', 'leaderboard']);
    renderControl('REP', { teamId: '2' });
    expect(reportOptions()).toEqual(['Leaderboard']);
    expect(screen.getByLabelText('Report')).toHaveAccessibleDescription(/its manager’s to export/);
  });

  it('explains nothing when nothing is left out', () => {
    renderControl('REP', { teamId: '1' });
    expect(screen.getByLabelText('Report')).not.toHaveAccessibleDescription();
    expect(screen.queryByText(/export the leaderboard only|manager’s to export/)).toBeNull();
  });
});

describe('the PDF report button', () => {
  const pdf = () =>
    new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46]), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': 'attachment; filename="pulse-report-monthly-2026-03-01-user-7.pdf"',
      },
    });

  it('downloads the report of the person shown, for the period shown, and saves it', async () => {
    fetchMock.mockResolvedValue(pdf());
    const period: PeriodSelection = { periodType: 'MONTHLY', offset: -1, today: ORG_TODAY };
    renderControl('MANAGER', { period, teamId: '2', person: { id: '7', name: 'Dana Diaz' } });
    const button = screen.getByRole('button', { name: 'Download PDF report' });
    expect(button).toHaveAccessibleDescription(/Performance report, .*, Dana Diaz, PDF/);
    fireEvent.click(button);
    await screen.findByText('Saved pulse-report-monthly-2026-03-01-user-7.pdf');
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(
      `/export/report?format=pdf&period=monthly&date=${shiftPeriod('MONTHLY', ORG_TODAY, -1)}&user_id=7`,
    );
    expect(init.headers).toEqual({ Authorization: 'Bearer header.payload.signature' });
    expect(clicked).toEqual([
      { href: 'blob:pulse/1', download: 'pulse-report-monthly-2026-03-01-user-7.pdf' },
    ]);
  });

  it('asks for the team’s report, or everyone’s, when nobody is chosen; a REP’s own', () => {
    expect(pdfReportScope('MANAGER', null, '2')).toEqual({ userId: null, teamId: '2' });
    expect(pdfReportScope('ADMIN', null, null)).toEqual({ userId: null, teamId: null });
    expect(pdfReportScope('ADMIN', '7', '2')).toEqual({ userId: '7', teamId: null });
    // a REP's team would be refused: the server's default for them is their own report
    expect(pdfReportScope('REP', null, '1')).toEqual({ userId: null, teamId: null });
    renderControl('MANAGER', { teamId: '2' });
    expect(screen.getByRole('button', { name: 'Download PDF report' })).toHaveAccessibleDescription(
      /Performance report, .*, West, PDF/,
    );
  });

  it('shows the server’s refusal, naming the PDF report', async () => {
    fetchMock.mockResolvedValue(
      Response.json(
        { error: { code: 'FORBIDDEN', message: 'You may only read your own figures.', fields: [] } },
        { status: 403 },
      ),
    );
    renderControl('REP', { person: { id: '9', name: 'Someone Else' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download PDF report' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not export the PDF report: You may only read your own figures.',
    );
  });

  it('is not offered to a screen (VIEWER)', () => {
    renderControl('VIEWER');
    expect(screen.queryByRole('button', { name: 'Download PDF report' })).toBeNull();
  });

  it('builds the report path: a person wins over a team', () => {
    expect(reportPath({ periodType: 'WEEKLY', date: null, userId: null, teamId: null })).toBe(
      '/export/report?format=pdf&period=weekly',
    );
    expect(reportPath({ periodType: 'DAILY', date: '2026-11-02', userId: null, teamId: '3' })).toBe(
      '/export/report?format=pdf&period=daily&date=2026-11-02&team_id=3',
    );
    expect(reportPath({ periodType: 'YEARLY', date: null, userId: '4', teamId: '3' })).toBe(
      '/export/report?format=pdf&period=yearly&user_id=4',
    );
  });
});

describe('download helpers', () => {
  it('reads the file name from Content-Disposition', () => {
    expect(filenameFrom('attachment; filename="pulse-goals-monthly-2026-10-01-team-2.csv"')).toBe(
      'pulse-goals-monthly-2026-10-01-team-2.csv',
    );
    expect(filenameFrom('attachment; filename="a.csv"; filename*=UTF-8\'\'r%C3%A9sum%C3%A9.csv')).toBe(
      'résumé.csv',
    );
    expect(filenameFrom('attachment; filename=plain.xlsx')).toBe('plain.xlsx');
    expect(filenameFrom('attachment; filename="../../etc/passwd"')).toBe('.._.._etc_passwd');
    expect(filenameFrom('attachment')).toBeNull();
    expect(filenameFrom(null)).toBeNull();
  });

  it('builds the export path from the period and team', () => {
    expect(
      exportPath({ report: 'performance', format: 'csv', periodType: 'WEEKLY', date: null, teamId: null }),
    ).toBe('/export/performance?format=csv&period=weekly');
    expect(
      exportPath({
        report: 'leaderboard',
        format: 'xlsx',
        periodType: 'DAILY',
        date: '2026-11-02',
        teamId: '3',
      }),
    ).toBe('/export/leaderboard?format=xlsx&period=daily&date=2026-11-02&team_id=3');
  });
});
