/**
 * A span per GraphQL operation: over HTTP from an Apollo plugin (registered only while tracing is
 * on), over WebSocket around each subscription's `subscribe` (the source stream: arguments, the
 * resolver's scope checks and first reads; the events that follow are executed once per board
 * version for every subscriber and belong to the flush that published them, not to a span each).
 *
 * Invariants: the span is named `<type> <operation name>` (the first root field when the
 * operation has no name) and carries neither the document nor the variables, whose literals may be
 * anyone's data; a failed operation's status says the contract's error codes, never a message
 * (a message can quote a value: an externalId).
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { context, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import {
  getOperationAST,
  Kind,
  type ExecutionArgs,
  type GraphQLError,
  type OperationDefinitionNode,
} from 'graphql';
import { enterOperation, leaveOperation, OWN } from './work.ts';

/** The span's name and attributes for an operation. */
function describe(operation: OperationDefinitionNode, name: string | null | undefined): [string, Attributes] {
  const fields = operation.selectionSet.selections.flatMap((s) =>
    s.kind === Kind.FIELD ? [s.name.value] : [],
  );
  const operationName = name ?? operation.name?.value;
  const attributes: Attributes = {
    'graphql.operation.type': operation.operation,
    'pulse.graphql.root_fields': fields,
  };
  if (operationName) attributes['graphql.operation.name'] = operationName;
  return [`${operation.operation} ${operationName ?? fields[0] ?? ''}`.trim(), attributes];
}

function failed(span: Span, errors: readonly Pick<GraphQLError, 'extensions'>[]): void {
  const codes = [
    ...new Set(
      errors.map((e) =>
        typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR',
      ),
    ),
  ];
  span.setAttribute('pulse.graphql.error_codes', codes);
  span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(', ') });
}

export function operationPlugin(tracer: Tracer): ApolloServerPlugin<BaseContext> {
  return {
    requestDidStart() {
      const span = tracer.startSpan('graphql');
      enterOperation(trace.setSpan(context.active(), span));
      return Promise.resolve({
        didResolveOperation({ operation, operationName }) {
          if (!operation) return Promise.resolve();
          const [name, attributes] = describe(operation, operationName);
          span.updateName(name);
          span.setAttributes(attributes);
          return Promise.resolve();
        },
        didEncounterErrors({ errors }) {
          failed(span, errors);
          return Promise.resolve();
        },
        willSendResponse() {
          leaveOperation();
          span.end();
          return Promise.resolve();
        },
      });
    },
  };
}

export function traceSubscribe<R>(
  tracer: Tracer,
  subscribe: (args: ExecutionArgs) => Promise<R>,
): (args: ExecutionArgs) => Promise<R> {
  return (args) => {
    const operation = getOperationAST(args.document, args.operationName);
    const [name, attributes] = operation ? describe(operation, args.operationName) : ['subscription', {}];
    const span = tracer.startSpan(name, { attributes });
    const work = trace.setSpan(context.active(), span).setValue(OWN, true);
    return context
      .with(work, () => subscribe(args))
      .then(
        (result) => {
          const errors = (result as { errors?: readonly GraphQLError[] } | null)?.errors;
          if (errors?.length) failed(span, errors);
          span.end();
          return result;
        },
        (error: unknown) => {
          failed(span, [{ extensions: {} }]);
          span.end();
          throw error;
        },
      );
  };
}
