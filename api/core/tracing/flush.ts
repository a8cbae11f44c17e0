/**
 * A span per live hub flush, linked to the spans whose writes it applies.
 *
 * What identifies a write in the change log is its transaction id: a rollup change logged whole
 * (drizzle/functions/sales_performance_notify.sql: up to 40 rows, so every sale) carries
 * `pg_current_xact_id()`, and the statement spans record, before each traced write commits, that
 * id with the span it belongs to (tracing/sql.ts) in `WriteLog`, a map bounded to the most recent
 * WRITE_LOG_SIZE writes. A flush links every id that arrived since the previous one and is in the
 * log. Not linked, and counted on the span instead: writes of other processes (their spans are in
 * their own traces), straight SQL (an ERP's INSERT), writes made outside any traced span or not
 * sampled, rollup changes logged by periods only (statements of more than 40 rows, deletions) and
 * the other messages (goals, badges, users), which carry no transaction id.
 * Flush spans are roots (a flush serves every writer, it is nobody's child), and the statements
 * the flush runs are its children.
 */
import { context, SpanStatusCode, trace, type Link, type SpanContext, type Tracer } from '@opentelemetry/api';
import type { HubTracing, TracedHubStats, TracedMessage } from './types.ts';
import { DETACHED } from './work.ts';

/** Writes remembered for linking: far more than commit between two flushes of a live process. */
export const WRITE_LOG_SIZE = 4096;
/** Distinct transactions one flush links at most (OpenTelemetry keeps 128 links per span by default). */
const LINKS_PER_FLUSH = 1024;

/** Transaction id -> the span that wrote it, the oldest forgotten first. */
export class WriteLog {
  private readonly spans = new Map<bigint, SpanContext>();

  remember(xid: bigint, writer: SpanContext): void {
    if (this.spans.size >= WRITE_LOG_SIZE) this.spans.delete(this.spans.keys().next().value!);
    this.spans.set(xid, writer);
  }

  writer(xid: bigint): SpanContext | undefined {
    return this.spans.get(xid);
  }
}

const COUNTERS = ['recomputations', 'published', 'contestRecomputations', 'reloads'] as const;

export function hubTracing(tracer: Tracer, log: WriteLog, stats: TracedHubStats): HubTracing {
  let xids = new Set<bigint>();
  let notifications = 0;
  let unidentified = 0;
  return {
    arrived(message: TracedMessage) {
      notifications += 1;
      if (message.xid !== undefined && xids.size < LINKS_PER_FLUSH) xids.add(message.xid);
      else if (message.t === 'perf' || message.t === 'all') unidentified += 1;
    },
    async flush(run) {
      const links: Link[] = [];
      for (const xid of xids) {
        const writer = log.writer(xid);
        if (writer) links.push({ context: writer, attributes: { 'pulse.txid': xid.toString() } });
      }
      const span = tracer.startSpan('live flush', {
        root: true,
        links,
        attributes: {
          'pulse.live.notifications': notifications,
          'pulse.live.writes': xids.size,
          'pulse.live.writes_linked': links.length,
          'pulse.live.changes_without_txid': unidentified,
        },
      });
      xids = new Set();
      notifications = 0;
      unidentified = 0;
      const before = COUNTERS.map((c) => stats[c]);
      try {
        const ok = await context.with(trace.setSpan(DETACHED, span), run);
        if (!ok) span.setStatus({ code: SpanStatusCode.ERROR, message: 'flush failed; retrying' });
        return ok;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'flush failed; retrying' });
        throw error;
      } finally {
        COUNTERS.forEach((c, i) => span.setAttribute(`pulse.live.${c}`, stats[c] - (before[i] ?? 0)));
        span.end();
      }
    },
  };
}
