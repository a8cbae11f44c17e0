/**
 * GET /export/...: CSV and XLSX downloads of performance, goals and leaderboard for a period and
 * team, with the REST API's columns and the GraphQL queries' scope.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPeriods, periodStart } from '../../api/domain/periods.ts';
import { GOAL_COLUMNS, LEADERBOARD_COLUMNS, PERIOD_COLUMNS } from '../../api/transport/rest/shapes.ts';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { rest } from '../support/rest.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;
let month: string;

async function download(path: string, as: string | null = 'admin@example.com') {
  const response = await fetch(`${server.url}${path}`, {
    headers: as ? { authorization: `Bearer ${await server.token(as)}` } : {},
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

function csvRows(bytes: Buffer): string[][] {
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // BOM: Excel reads UTF-8
  return parse(bytes.subarray(3));
}

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  month = periodStart('MONTHLY', await server.today());
  const now = new Date().toISOString();
  await recordActivity(server, [
    {
      userId: org.reps.east1.id,
      kind: 'ORDER_WON',
      amount: '1234.56',
      occurredAt: now,
      externalId: 'e-1',
    },
    {
      userId: org.reps.east2.id,
      kind: 'ORDER_WON',
      amount: '99.00',
      occurredAt: now,
      externalId: 'e-2',
    },
    {
      userId: org.reps.west1.id,
      kind: 'ORDER_WON',
      amount: '5000.00',
      occurredAt: now,
      externalId: 'e-3',
    },
  ]);
  for (const body of [
    { user_id: org.reps.east1.id, goal_type: 'Revenue', target_value: 2000 },
    { user_id: org.reps.west1.id, goal_type: 'Revenue', target_value: 2000 },
    { team_id: org.teams.east, goal_type: 'Orders', target_value: 10 },
  ]) {
    const r = await rest(server, 'POST', '/api/performance', {
      body: { type: 'goal', period_type: 'monthly', period_start: month, ...body },
    });
    expect(r.status).toBe(201);
  }
});
afterAll(() => server?.close());

describe('GET /export', () => {
  it('streams performance as CSV, with the REST API’s columns, for one team', async () => {
    const r = await download(`/export/performance?format=csv&period=monthly&team_id=${org.teams.east}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="pulse-performance-monthly-${month}-team-${org.teams.east}.csv"`,
    );
    const [header, ...rows] = csvRows(r.bytes);
    expect(header).toEqual([...PERIOD_COLUMNS]);
    const byName = new Map(rows.map((row) => [row[1] ?? '', row]));
    expect([...byName.keys()].sort()).toEqual(['Alice Able', 'Bob Baker', 'Erin East']);
    expect(byName.get('Alice Able')?.[PERIOD_COLUMNS.indexOf('total_revenue')]).toBe('1234.56');
  });

  it('exports the leaderboard as XLSX with money as numbers', async () => {
    const r = await download('/export/leaderboard?format=xlsx');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, ...LEADERBOARD_COLUMNS]);
    const first = sheet?.getRow(2);
    expect(first?.getCell(LEADERBOARD_COLUMNS.indexOf('user_name') + 1).value).toBe('Carol Cruz');
    expect(first?.getCell(LEADERBOARD_COLUMNS.indexOf('total_revenue') + 1).value).toBe(5000);
    expect(first?.getCell(LEADERBOARD_COLUMNS.indexOf('medal') + 1).value).toBe('gold');
    expect(sheet?.rowCount).toBe(1 + 3); // the 3 reps who sold (the 2 managers are not ranked)
  });

  it('exports a team’s goals with its members’ goals, for the period asked', async () => {
    const r = await download(`/export/goals?team_id=${org.teams.east}&period=${month}`);
    const [header, ...rows] = csvRows(r.bytes);
    expect(header).toEqual([...GOAL_COLUMNS]);
    const col = (name: (typeof GOAL_COLUMNS)[number]) => GOAL_COLUMNS.indexOf(name);
    expect(
      rows.map((row) => [row[col('user_name')], row[col('team_name')], row[col('goal_type')]]).sort(),
    ).toEqual([
      ['', 'East', 'Orders'],
      ['Alice Able', '', 'Revenue'],
    ]);
    const past = await download(
      `/export/goals?team_id=${org.teams.east}&date=${addPeriods('MONTHLY', month, -1)}`,
    );
    expect(csvRows(past.bytes)).toEqual([[...GOAL_COLUMNS]]);
  });

  it('keeps the GraphQL scope: own figures for a REP, leaderboards only for a VIEWER', async () => {
    const mine = csvRows((await download('/export/performance', org.reps.east1.email)).bytes);
    expect(mine.slice(1).map((row) => row[1])).toEqual(['Alice Able']);
    expect((await download('/export/performance', org.viewer)).status).toBe(403);
    expect((await download('/export/goals', org.viewer)).status).toBe(403);
    expect((await download('/export/leaderboard?format=xlsx', org.viewer)).status).toBe(200);
    expect((await download('/export/leaderboard', null)).status).toBe(401);
  });

  it('answers 400 for a bad format or parameter and 404 for an unknown report', async () => {
    const bad = await rest(server, 'GET', '/export/performance?format=pdf&team=1');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { code: 'BAD_USER_INPUT', fields: [{ field: 'format' }, { field: 'team' }] },
    });
    expect((await rest(server, 'GET', '/export/salaries')).status).toBe(404);
  });
});
