/**
 * Which span the work running now belongs to: what a SQL statement is a child of, and which span
 * a write is linked to from the live flush that applies it.
 *
 * Invariant: a statement is a child of the GraphQL operation it runs for, else of the span active
 * in OpenTelemetry's context (an HTTP request's, a flush's, a subscription's), else it is not
 * traced (the listener's change-log reads and the background jobs make no root spans of their
 * own). Apollo's plugin hooks cannot make the operation's span the active context (they run
 * around the execution, not over it), so the operation is found through the request scope
 * (core/request-scope.ts, one per HTTP request) instead, which the transport puts in
 * OpenTelemetry's context while tracing is on (`inRequest`; off, it costs nothing: the request
 * path never touches the async context then). A context this module entered itself
 * (a flush, a subscription: marked OWN) wins over the request scope: embedded PGlite delivers a
 * commit's notification inside the writer's request, and the flush it starts is not the writer's;
 * the notification itself, and the listener's reads of the change log it wakes, run DETACHED.
 */
import {
  context,
  createContextKey,
  ROOT_CONTEXT,
  trace,
  TraceFlags,
  type Context,
  type SpanContext,
} from '@opentelemetry/api';

/** Marks a context entered by tracing itself (flush, subscription). */
export const OWN = createContextKey('pulse.tracing.own');

/** Nobody's work: what runs in it makes no span, whatever request scope it was started from. */
export const DETACHED = ROOT_CONTEXT.setValue(OWN, true);

/** An HTTP request's scope (core/request-scope.ts RequestScope): only its identity matters here. */
type RequestScope = object;

const operations = new WeakMap<RequestScope, Context>();

/** The HTTP request whose work runs in a context (inRequest). */
const REQUEST = createContextKey('pulse.tracing.request');

/** Whether tracing is on (sdk.ts): only then is the request put in OpenTelemetry's context. */
let tracingRequests = false;

export function traceRequests(on: boolean): void {
  tracingRequests = on;
}

const currentRequestScope = (): RequestScope | undefined =>
  context.active().getValue(REQUEST) as RequestScope | undefined;

/** Runs `fn` as work of the request `scope` while tracing is on; else just runs it. */
export function inRequest<T>(scope: RequestScope | undefined, fn: () => T): T {
  if (!tracingRequests || !scope) return fn();
  return context.with(context.active().setValue(REQUEST, scope), fn);
}

/** The current HTTP request runs this GraphQL operation (its span is in `operation`). */
export function enterOperation(operation: Context): void {
  const scope = currentRequestScope();
  if (scope) operations.set(scope, operation);
}

/** The current request's operation has ended: what its request runs after is not part of it. */
export function leaveOperation(): void {
  const scope = currentRequestScope();
  if (scope) operations.delete(scope);
}

/** The context the work running now belongs to, or undefined when no span is there to join. */
export function currentWork(): Context | undefined {
  const active = context.active();
  if (active.getValue(OWN) === undefined) {
    const scope = currentRequestScope();
    const operation = scope && operations.get(scope);
    if (operation) return operation;
  }
  return trace.getSpan(active) ? active : undefined;
}

/** The sampled span a write made now is linked to from the flush that applies it, if any. */
export function currentWriter(): SpanContext | undefined {
  const work = currentWork();
  const span = work && trace.getSpan(work)?.spanContext();
  return span && span.traceFlags & TraceFlags.SAMPLED ? span : undefined;
}
