/**
 * Moving an embedded install to a Postgres server (npm run move-to-postgres). Invariant: the
 * target ends holding exactly the source's rows, or nothing of them. The target must be empty; it
 * is migrated to this version (as the source is first), then every permanent table of the source
 * is copied in ONE transaction with triggers and foreign-key checks off
 * (session_replication_role = replica: rows arrive as they are, rollups and goal values
 * included — they are not recomputed, since pushed aggregates (recordPerformance) have no
 * activities to recompute them from), sequences are moved past the copied ids, and only after the
 * commit each table is compared on both sides: row count and an order-free checksum of every row's
 * text. Rows travel as JSON text made by the source (row_to_json) and read by the target
 * (json_populate_recordset), so every type converts in Postgres itself, exactly.
 */
import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type postgres from 'postgres';

/** Tables of the running processes' own state, not the organisation's: not copied. */
const TRANSIENT = new Set(['screen_connections']);
/** Rows fetched from the source and inserted into the target at a time. */
export const MOVE_BATCH_ROWS = 5000;

export class MoveError extends Error {}

export interface TableReport {
  table: string;
  rows: number;
  /** Whether count and checksum agree on both sides (after the commit). */
  same: boolean;
}

interface Column {
  name: string;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The source's permanent tables in the public schema, by name; unlogged ones (the live log) are transient. */
async function sourceTables(source: PGlite): Promise<string[]> {
  const { rows } = await source.query<{ name: string }>(
    `select c.relname as name from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relpersistence = 'p'
      order by c.relname`,
  );
  return rows.map((r) => r.name).filter((name) => !TRANSIENT.has(name));
}

/** A table's columns a value can be written to (not generated ones), in their order. */
async function writableColumns(source: PGlite | PgliteTransaction, table: string): Promise<Column[]> {
  const { rows } = await source.query<Column>(
    `select a.attname as name from pg_attribute a
      where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by a.attnum`,
    [`public.${ident(table)}`],
  );
  return rows;
}

/** The target holds no table of its own yet (a new, empty database). */
export async function assertEmptyTarget(target: postgres.Sql): Promise<void> {
  const [held] = await target.unsafe<{ n: number }[]>(
    `select count(*)::int as n from pg_class
      where relkind in ('r', 'p') and relnamespace in ('public'::regnamespace, coalesce(to_regnamespace('drizzle'), 0))`,
  );
  if ((held?.n ?? 0) > 0)
    throw new MoveError(
      'the target database is not empty: give it a new, empty database (e.g. `createdb pulse`)',
    );
}

/** Copies every table (see the header); returns the row counts copied. */
export async function copyTables(
  source: PGlite,
  target: postgres.Sql,
  onTable: (table: string, rows: number) => void = () => {},
): Promise<Map<string, number>> {
  const tables = await sourceTables(source);
  const copied = new Map<string, number>();
  await target.begin(async (tx) => {
    try {
      await tx.unsafe(`set local session_replication_role = replica`);
    } catch (error) {
      throw new MoveError(
        `the target's role may not turn triggers off for the copy (session_replication_role): ` +
          `use a superuser, or rds_superuser on Amazon RDS (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    await tx.unsafe(`set local time zone 'UTC'`);
    // what the target's own migrations inserted (the settings row, the built-in badge rules) makes way
    await tx.unsafe(`truncate ${tables.map((t) => `public.${ident(t)}`).join(', ')} cascade`);
    await source.transaction(async (read: PgliteTransaction) => {
      await read.exec(
        `set transaction isolation level repeatable read, read only; set local time zone 'UTC'`,
      );
      for (const table of tables) {
        // on the transaction's own handle: the database's would wait for this transaction to end
        const columns = (await writableColumns(read, table)).map((c) => ident(c.name)).join(', ');
        await read.exec(
          `declare move_rows no scroll cursor for select row_to_json(t)::text as j from public.${ident(table)} t`,
        );
        let count = 0;
        for (;;) {
          const { rows } = await read.query<{ j: string }>(`fetch ${MOVE_BATCH_ROWS} from move_rows`);
          if (rows.length === 0) break;
          await tx.unsafe(
            `insert into public.${ident(table)} (${columns}) overriding system value
               select ${columns} from json_populate_recordset(null::public.${ident(table)}, $1::json)`,
            [`[${rows.map((r) => r.j).join(',')}]`],
          );
          count += rows.length;
        }
        await read.exec('close move_rows');
        copied.set(table, count);
        onTable(table, count);
      }
    });
    // every sequence a copied column draws from continues after the largest id copied
    const sequences = await tx.unsafe<{ tbl: string; col: string; seq: string }[]>(
      `select c.relname as tbl, a.attname as col, pg_get_serial_sequence(format('public.%I', c.relname), a.attname) as seq
         from pg_class c join pg_attribute a on a.attrelid = c.oid
        where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
          and pg_get_serial_sequence(format('public.%I', c.relname), a.attname) is not null`,
    );
    for (const s of sequences)
      await tx.unsafe(
        `select setval($1::regclass, coalesce((select max(${ident(s.col)}) from public.${ident(s.tbl)}), 0) + 1, false)`,
        [s.seq],
      );
  });
  await target.unsafe('analyze');
  return copied;
}

const CHECKSUM = (table: string) =>
  `select count(*)::text as n,
          coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text as sum
     from public.${ident(table)} t`;

/** Count and checksum of each table on both sides, read in UTC (timestamps print alike). */
export async function compareTables(
  source: PGlite,
  target: postgres.Sql,
  tables: Iterable<string>,
): Promise<TableReport[]> {
  await source.exec(`set time zone 'UTC'`);
  const reports: TableReport[] = [];
  await target.begin(async (tx) => {
    await tx.unsafe(`set local time zone 'UTC'`);
    for (const table of tables) {
      const [mine] = (await source.query<{ n: string; sum: string }>(CHECKSUM(table))).rows;
      const [theirs] = await tx.unsafe<{ n: string; sum: string }[]>(CHECKSUM(table));
      reports.push({
        table,
        rows: Number(mine?.n ?? 0),
        same: mine?.n === theirs?.n && mine?.sum === theirs?.sum,
      });
    }
  });
  return reports;
}
