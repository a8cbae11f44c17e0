/**
 * Apollo Server for /graphql with the guards every operation passes: CSRF prevention, the
 * operation limits shared with the WebSocket (core/graphql/limits.ts), the response size limit
 * (core/graphql/response-limit.ts, its plugin last so it measures the response as sent), masked
 * errors, no batching. main.ts, not Apollo, owns the termination signals.
 */
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { AppContext } from '../../core/context.ts';
import { createFormatError } from '../../core/errors.ts';
import { errorFieldsPlugin } from '../../core/graphql/error-fields.ts';
import { createOperationLimits, operationLimitsPlugin } from '../../core/graphql/limits.ts';
import { createResponseLimit } from '../../core/graphql/response-limit.ts';
import { tracing } from '../../core/tracing.ts';
import { freshWriterPlugin, noStorePlugin, requestErrorsPlugin, sqlCountPlugin } from './apollo-plugins.ts';
import type { HttpDeps } from './deps.ts';
import { operationTypePlugin } from './metrics-endpoint.ts';

/** Not started yet: the caller starts it before mounting its middleware. */
export function createApollo(deps: HttpDeps, server: Server): ApolloServer<AppContext> {
  const { config, logger } = deps;
  const limits = createOperationLimits(config);
  const responseLimit = createResponseLimit<AppContext>(config.maxResponseBytes);
  return new ApolloServer<AppContext>({
    schema: deps.schema,
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: config.stackTraces,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT: Apollo's own handler would stop Apollo first, and app.stop()
    // then waited on that second stop for ever, so the process ended with the database not closed
    stopOnTerminationSignals: false,
    formatError: ((format) => deps.metrics?.countingErrors('http', format) ?? format)(
      createFormatError({ logger, stackTraces: config.stackTraces, hideSuggestions: config.production }),
    ),
    parseOptions: limits.parseOptions,
    validationRules: [...limits.validationRules],
    stringifyResult: responseLimit.stringifyResult,
    plugins: [
      // both come with CommonJS typings of Apollo's types; the runtime objects are the same
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginCacheControlDisabled(),
      // a span per operation while tracing is on (core/tracing.ts)
      ...(tracing ? [tracing.apolloPlugin] : []),
      noStorePlugin,
      operationLimitsPlugin<AppContext>(limits),
      freshWriterPlugin,
      errorFieldsPlugin<AppContext>(),
      requestErrorsPlugin,
      ...(config.exposeSqlCount ? [sqlCountPlugin] : []),
      ...(deps.metrics ? [operationTypePlugin] : []),
      // last: it measures the response as sent, after the others have added to it
      responseLimit.plugin,
    ],
    logger,
  });
}
