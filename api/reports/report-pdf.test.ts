/**
 * renderReportPdf on data made here (no server): the same data give the same bytes, a name too
 * long for its column is cut with "…" instead of running into the next one, a long goal list goes
 * on over pages under its header, empty sections say so, and money is in the given currency.
 * Read back with poppler's pdftotext: required in CI, skipped elsewhere when missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportData } from './report-data.ts';
import { renderReportPdf } from './report-pdf.ts';

const poppler = spawnSync('pdftotext', ['-v']).error === undefined;
if (!poppler && process.env.CI) {
  throw new Error('poppler-utils (pdftotext) is required for the report tests in CI (.ci/run installs it).');
}

const work = mkdtempSync(join(tmpdir(), 'pulse-report-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function pages(pdf: Buffer): string[] {
  const file = join(work, `r-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

const LONG_NAME = 'Bartholomew Maximilian Featherstonehaugh-Cholmondeley the Third of Somewhere';

function data(overrides: Partial<ReportData> = {}): ReportData {
  return {
    scope: { kind: 'team', id: 3, name: 'Zoë’s Team' },
    periodType: 'MONTHLY',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    partial: false,
    generatedAt: new Date('2026-12-01T08:00:00Z'),
    currency: 'EUR',
    timeZone: 'Europe/Paris',
    summary: {
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      revenue: '1234.50',
      ordersWon: 3,
      leadsCreated: 4,
      opportunitiesClosed: 5,
      conversionRate: 75,
      winRate: 60,
    },
    comparedWith: null,
    goals: [],
    leaderboard: {
      teamId: 3,
      rows: [{ rank: 1, userId: 9, name: LONG_NAME, team: 'Zoë’s Team', revenue: '1234.50', ordersWon: 3 }],
      totalEntries: 1,
      unrankedCount: 0,
    },
    trend: { title: 'Revenue, last 12 months', unit: 'money', points: [{ label: 'Nov', value: 1234.5 }] },
    trendRevenue: ['1234.50'],
    badges: [],
    ...overrides,
  };
}

describe.skipIf(!poppler)('renderReportPdf (pdftotext reads it back; skipped without poppler-utils)', () => {
  it('gives the same bytes for the same data', async () => {
    const [a, b] = await Promise.all([renderReportPdf(data()), renderReportPdf(data())]);
    expect(a.equals(b)).toBe(true);
  });

  it('cuts a name too long for its column with "…", and says what is empty', async () => {
    const [page, ...more] = pages(await renderReportPdf(data(), { organisation: 'Acme Sales' }));
    expect(more).toEqual([]);
    expect(page).toContain('ACME SALES');
    expect(page).toContain('Performance report: Zoë’s Team (team)');
    expect(page).toMatch(/#1\s+Bartholomew Maximilian[^\n]*…\s+Zoë’s Team\s+3\s+€1,234\.50/);
    expect(page).not.toContain(LONG_NAME);
    expect(page).toContain('No monthly goals for this period.');
    expect(page).toContain('No badges earned in this period.');
    expect(page).toContain('Nothing to compare with');
  });

  it('goes on over pages with a long goal list, its header repeated, every page numbered', async () => {
    const goals = Array.from({ length: 80 }, (_, i) => ({
      owner: `Seller ${String(i + 1).padStart(2, '0')}`,
      metric: 'ORDERS',
      targetValue: 10,
      currentValue: i % 12,
      achievementPercentage: ((i % 12) / 10) * 100,
      status: i % 12 >= 10 ? 'ACHIEVED' : 'BEHIND',
      description: null,
    }));
    const text = pages(await renderReportPdf(data({ goals })));
    expect(text.length).toBeGreaterThanOrEqual(3);
    const rows = text.flatMap((page, p) =>
      [...page.matchAll(/Seller (\d\d)\s+Orders won\s+(\d+) of 10/g)].map((m) => ({
        p,
        seller: Number(m[1]),
      })),
    );
    expect(rows.map((r) => r.seller)).toEqual(goals.map((_, i) => i + 1));
    for (const [p, page] of text.entries()) {
      expect(page).toContain(`Page ${p + 1} of ${text.length}`);
      if (p > 0 && rows.some((r) => r.p === p))
        expect(page).toMatch(/Goals \(continued\)\s+For\s+Goal\s+Progress/);
    }
  });
});
