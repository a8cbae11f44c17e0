/**
 * What the HTTP server is given by app.ts: shared by the files that mount its parts (server.ts,
 * apollo.ts, graphql-route.ts), so none of them imports another for its type.
 */
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Config, OrgSettings } from '../../config.ts';
import type { Metrics } from '../../core/metrics.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import type { ViewerDirectory } from '../../live/caches/directory.ts';
import type { PeriodCache } from '../../live/caches/period-cache.ts';
import type { LiveHub } from '../../live/hub.ts';
import type { OidcSignIn } from '../../modules/auth/oidc.ts';
import type { AuthService } from '../../modules/auth/service.ts';

export interface HttpDeps {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  schema: GraphQLSchema;
  jwtSecret: string;
  org: OrgSettings;
  /** Who each token's user is (live/caches/directory.ts), shared with the WebSocket server. */
  directory: ViewerDirectory;
  /** Leaderboards kept in memory by the live hub, for queries (LiveHub.readBoard). */
  boards?: Pick<LiveHub, 'readBoard'>;
  /** Team figures kept until their period changes (live/caches/period-cache.ts). */
  figures?: Pick<PeriodCache, 'get'>;
  /** Sign-in and sessions (auth/): /auth routes, and the session cookie on /graphql. */
  auth?: AuthService;
  /** Single sign-on (OIDC_ISSUER): /auth/oidc routes. */
  oidc?: OidcSignIn | undefined;
  /** For /readyz: whether the listener hears every change, and whether the process is stopping. */
  readiness?: () => { listener: boolean; stopping: boolean };
  /** Prometheus metrics (core/metrics.ts): every request observed; /metrics on this port with METRICS_TOKEN. */
  metrics?: Metrics;
}
