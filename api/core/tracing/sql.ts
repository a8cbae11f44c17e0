/**
 * A span per SQL statement, made where the drivers take drizzle's statements: postgres.js's
 * `unsafe` (every drizzle query and `db.execute`) and PGlite's `query`, through proxies around the
 * clients drizzle is given (db/client.ts, only while tracing is on).
 *
 * Invariants: a span carries the statement's text as drizzle built it (values are bind
 * parameters, `$1`…) and never a parameter's value, nor a database error's message (that can
 * quote one: only its SQLSTATE). A write that belongs to a traced span has its transaction id
 * recorded (`wrote`), so the live flush that applies it can link to that span: a transaction
 * asks `pg_current_xact_id_if_assigned()` before it commits, and a write statement outside a
 * transaction is run in one of its own to ask it (BEGIN, the statement, the question, COMMIT:
 * the statement means the same, autocommit is a transaction of one statement). Neither the
 * question nor BEGIN/COMMIT gets a span. Reads outside a transaction are run as they are.
 */
import {
  context,
  SpanKind,
  SpanStatusCode,
  type Span,
  type SpanContext,
  type Tracer,
} from '@opentelemetry/api';
import type { PGlite, Results, Transaction } from '@electric-sql/pglite';
import type postgres from 'postgres';
import { currentWork, currentWriter, DETACHED } from './work.ts';

export interface StatementSpans {
  /** A statement's span, under the current work; undefined outside any span (not traced). */
  start(text: string): Span | undefined;
  /** A write's transaction committing for `writer` (xid null: the transaction wrote nothing). */
  wrote(xid: string | null | undefined, writer: SpanContext): void;
}

/** Statements that may write: run in a transaction of their own outside one (see above). */
const WRITE = /^\s*(?:insert|update|delete|merge|with)\b/i;
const FIRST_WORD = /^\s*([a-z]+)/i;
const XID = 'select pg_current_xact_id_if_assigned()::text as x';

export function statementSpans(tracer: Tracer, remember: (xid: bigint, writer: SpanContext) => void) {
  return {
    start(text) {
      const parent = currentWork();
      if (!parent) return undefined;
      const operation = (FIRST_WORD.exec(text)?.[1] ?? 'SQL').toUpperCase();
      return tracer.startSpan(
        operation,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'db.system.name': 'postgresql',
            'db.operation.name': operation,
            'db.query.text': text,
          },
        },
        parent,
      );
    },
    wrote(xid, writer) {
      if (xid) remember(BigInt(xid), writer);
    },
  } satisfies StatementSpans;
}

function ended(span: Span, result: unknown): void {
  const rows = Array.isArray(result) ? result : (result as Partial<Results> | undefined)?.rows;
  if (Array.isArray(rows)) span.setAttribute('db.response.returned_rows', rows.length);
  span.end();
}

function failed(span: Span, error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  const type = typeof code === 'string' ? code : error instanceof Error ? error.name : 'error';
  if (typeof code === 'string') span.setAttribute('db.response.status_code', code);
  span.setAttribute('error.type', type);
  span.setStatus({ code: SpanStatusCode.ERROR, message: type });
  span.end();
}

/** What a proxy leaves as it is: the client's own property, its methods bound to the client. */
function forward(target: object, property: string | symbol, receiver: unknown): unknown {
  const value: unknown = Reflect.get(target, property, receiver);
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
}

/** A plain promise's statement, measured. */
function measured<T>(work: Promise<T>, span: Span | undefined): Promise<T> {
  if (!span) return work;
  return work.then(
    (result) => {
      ended(span, result);
      return result;
    },
    (error: unknown) => {
      failed(span, error);
      throw error;
    },
  );
}

type Pending = ReturnType<postgres.Sql['unsafe']>;
/** `then` as a thenable has it, the value unknown. */
type Then = (onFulfilled?: (value: unknown) => unknown, onRejected?: (error: unknown) => unknown) => unknown;

/**
 * A postgres.js query, measured: it runs when first awaited (postgres.js queries are lazy and
 * drizzle may still call `.values()` on it), so the span ends through its own `then`.
 */
function measuredQuery<Q extends PromiseLike<unknown>>(query: Q, span: Span | undefined): Q {
  if (!span) return query;
  const then = (query as unknown as { then: Then }).then;
  let open = true;
  const settled = (end: () => void) => {
    if (open) end();
    open = false;
  };
  const measuredThen: Then = function (this: Q, onFulfilled, onRejected) {
    return then.call(
      this,
      (result) => {
        settled(() => ended(span, result));
        return onFulfilled ? onFulfilled(result) : result;
      },
      (error) => {
        settled(() => failed(span, error));
        if (onRejected) return onRejected(error);
        throw error;
      },
    );
  };
  (query as unknown as { then: Then }).then = measuredThen;
  return query;
}

async function postgresXid(tx: postgres.TransactionSql): Promise<string | null | undefined> {
  const [row] = await tx.unsafe<{ x: string | null }[]>(XID);
  return row?.x;
}

/**
 * A write statement outside a transaction, in one of its own (see the header). Stands for the
 * postgres.js query drizzle asked for: `.values()` then awaited, or awaited as it is.
 */
function ownTransaction(
  sql: postgres.Sql,
  spans: StatementSpans,
  writer: SpanContext,
  ...[query, parameters, options]: Parameters<postgres.Sql['unsafe']>
): Pending {
  let values = false;
  let result: Promise<unknown> | undefined;
  const run = () =>
    (result ??= sql.begin(async (tx) => {
      const statement = tx.unsafe(query, parameters, options);
      const rows: unknown = await measuredQuery(values ? statement.values() : statement, spans.start(query));
      spans.wrote(await postgresXid(tx), writer);
      return rows;
    }));
  const pending = {
    values() {
      values = true;
      return pending;
    },
    then: ((onFulfilled, onRejected) => run().then(onFulfilled, onRejected)) satisfies Then,
  };
  return pending as unknown as Pending;
}

/** The last argument of begin/savepoint is the transaction's callback: it gets the traced client. */
function wrapCallback(
  args: unknown[],
  wrap: (tx: postgres.TransactionSql) => postgres.TransactionSql,
  after?: (tx: postgres.TransactionSql) => Promise<void>,
): unknown[] {
  const last = args.length - 1;
  const run = args[last] as (tx: postgres.TransactionSql) => unknown;
  args[last] = async (tx: postgres.TransactionSql) => {
    const returned = await run(wrap(tx));
    // postgres.js also takes an array of queries, which it runs pipelined
    const result: unknown = Array.isArray(returned) ? await Promise.all(returned) : returned;
    await after?.(tx);
    return result;
  };
  return args;
}

/** postgres.js (server mode): `unsafe`, `begin` and `savepoint` traced, everything else as it is. */
export function tracePostgres<T extends postgres.Sql | postgres.TransactionSql>(
  sql: T,
  spans: StatementSpans,
  inTransaction = false,
): T {
  const traced = (tx: postgres.TransactionSql) => tracePostgres(tx, spans, true);
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (...args: Parameters<postgres.Sql['unsafe']>) => {
          const writer = !inTransaction && WRITE.test(args[0]) ? currentWriter() : undefined;
          if (writer) return ownTransaction(target as postgres.Sql, spans, writer, ...args);
          return measuredQuery(target.unsafe(...args), spans.start(args[0]));
        };
      }
      if (property === 'begin' && !inTransaction) {
        return (...args: unknown[]) => {
          const writer = currentWriter();
          const after =
            writer && (async (tx: postgres.TransactionSql) => spans.wrote(await postgresXid(tx), writer));
          return (target as postgres.Sql).begin(
            ...(wrapCallback(args, traced, after) as Parameters<postgres.Sql['begin']>),
          );
        };
      }
      if (property === 'savepoint') {
        return (...args: unknown[]) =>
          (target as postgres.TransactionSql).savepoint(
            ...(wrapCallback(args, traced) as Parameters<postgres.TransactionSql['savepoint']>),
          );
      }
      return forward(target, property, receiver);
    },
  });
}

type Query = PGlite['query'];

async function pgliteXid(tx: Transaction): Promise<string | null | undefined> {
  return (await tx.query<{ x: string | null }>(XID)).rows[0]?.x;
}

function traceTransaction(tx: Transaction, spans: StatementSpans): Transaction {
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property === 'query') {
        return ((text, params, options) =>
          measured(target.query(text, params, options), spans.start(text))) as Query;
      }
      return forward(target, property, receiver);
    },
  });
}

/**
 * PGlite (embedded): `query` and `transaction` traced, everything else as it is. Its notifications
 * are delivered inside the committing writer's call: `listen` callbacks run DETACHED (work.ts).
 */
export function tracePglite(client: PGlite, spans: StatementSpans): PGlite {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'query') {
        return ((text, params, options) => {
          const writer = WRITE.test(text) ? currentWriter() : undefined;
          if (!writer) return measured(target.query(text, params, options), spans.start(text));
          return target.transaction(async (tx) => {
            const result = await measured(tx.query(text, params, options), spans.start(text));
            spans.wrote(await pgliteXid(tx), writer);
            return result;
          });
        }) as Query;
      }
      if (property === 'listen') {
        return (channel: string, callback: (payload: string) => void, tx?: Transaction) =>
          target.listen(channel, (payload) => context.with(DETACHED, () => callback(payload)), tx);
      }
      if (property === 'transaction') {
        return <T>(run: (tx: Transaction) => Promise<T>) => {
          const writer = currentWriter();
          return target.transaction(async (tx) => {
            const result = await run(traceTransaction(tx, spans));
            if (writer) spans.wrote(await pgliteXid(tx), writer);
            return result;
          });
        };
      }
      return forward(target, property, receiver);
    },
  });
}
