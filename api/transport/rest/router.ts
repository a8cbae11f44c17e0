/**
 * The original REST API of Ocean ERP v4 (tests/fixtures/seed-rest-api.md), kept working for teams that move here:
 *   GET    /api/performance?type=summary|current|leaderboard|goals|achievements|period|team|trends|contests|contest
 *   POST   /api/performance            (type = goal | achievement | performance)
 *   GET    /api/performance/goals/:id
 *   PATCH  /api/performance/goals/:id
 *   DELETE /api/performance/goals/:id
 * A thin adapter: every route calls the services GraphQL calls, with the same bearer token, scope
 * checks and validation. Bodies and responses use the seed's snake_case names; errors are
 * `{ "error": { "code", "message", "fields" } }` with 400/401/403/404/409.
 * Bearer tokens are sent by the client explicitly (no cookies), so cross-site requests cannot
 * borrow a session: no CSRF token is needed.
 */
import express, { type Request, type Response, type Router } from 'express';
import { NotFoundError } from '../../core/errors.ts';
import { deleteGoalRoute, getGoalRoute, patchGoalRoute } from './goals.ts';
import { jsonBody, route, sendError, type RestDeps } from './respond.ts';
import { getPerformance } from './performance.get.ts';
import { GOAL_FIELDS, POST_FIELDS, postPerformanceRoute } from './performance.post.ts';

export function restRouter(deps: RestDeps & { maxBody: string }): Router {
  const router = express.Router();
  // read after the caller is authenticated (route), never before
  const json = jsonBody(deps.maxBody);
  router.get('/performance', route(deps, getPerformance));
  router.post('/performance', route(deps, postPerformanceRoute, POST_FIELDS, json));
  router.get('/performance/goals/:id', route(deps, getGoalRoute));
  router.patch('/performance/goals/:id', route(deps, patchGoalRoute, GOAL_FIELDS, json));
  router.delete('/performance/goals/:id', route(deps, deleteGoalRoute));
  router.use((req: Request, res: Response) => {
    sendError(res, new NotFoundError('Route', `${req.method} ${req.baseUrl}${req.path}`), deps.logger);
  });
  return router;
}
