/**
 * Errors over the WebSocket, formatted as over HTTP (one formatter: errors.ts).
 *
 * Invariant: a refusal that is the client's (graphql-js's parse, validation and variable
 * coercion errors carry no code and wrap no error of ours) reaches the client as BAD_USER_INPUT
 * naming its field, exactly as HTTP reports it; anything a resolver or stream threw keeps its own
 * code, and the formatter masks what is internal. Why here and not in graphql-ws: graphql-ws
 * sends its errors as `toJSON()` unformatted, which would leak internals and differ from HTTP.
 */
import { GraphQLError, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { fieldOf } from '../../core/graphql/error-fields.ts';

type Format = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Errors of a subscription (refusals or events), formatted, the client's naming their field. */
export function formatAll(
  format: Format,
  errors: readonly GraphQLError[],
  document?: DocumentNode,
): GraphQLFormattedError[] {
  return errors.map((raw) => {
    // graphql-js's own refusals (parse, validation, variable coercion) carry no code and wrap no
    // error of ours: they are the client's, unlike anything a resolver or stream threw. A
    // variable a scalar refused (Int beyond 32 bits) wraps that scalar's codeless GraphQLError,
    // before anything ran (no path).
    const refusedVariable =
      raw.path === undefined &&
      raw.originalError instanceof GraphQLError &&
      raw.originalError.extensions.code === undefined;
    const error =
      (raw.originalError && !refusedVariable) || raw.extensions.code !== undefined
        ? raw
        : new GraphQLError(raw.message, {
            nodes: raw.nodes,
            path: raw.path,
            extensions: { code: 'BAD_USER_INPUT' },
          });
    const formatted = format(error.toJSON(), error);
    const field =
      document && formatted.extensions?.code === 'BAD_USER_INPUT' ? fieldOf(error, document) : undefined;
    return field === undefined
      ? formatted
      : {
          ...formatted,
          extensions: { ...formatted.extensions, fields: [{ field, message: formatted.message }] },
        };
  });
}

/** graphql-js's refusals of a document, as the client's errors naming their field. */
export function refusals(errors: readonly GraphQLError[], document: DocumentNode): GraphQLError[] {
  return errors.map((error) => {
    if (error.extensions.code !== undefined) return error;
    const field = fieldOf(error, document) ?? 'query';
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field, message: error.message }] },
    });
  });
}
