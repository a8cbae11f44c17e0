/**
 * /api/performance/goals/:id — GET, PATCH (target_value, current_value, description, optional
 * expected_version) and DELETE, over the goal service GraphQL uses.
 *
 * Decisions (docs/rest-api.md):
 * - `status` cannot be written: it is derived from progress (achieved >= 100 %, ...) by the
 *   database; a PATCH that sends it is refused with 400 naming the field.
 * - `current_value` is stored for Custom goals only. Every other goal type tracks its value from
 *   recorded activity, so (as in GraphQL) a sent current_value is ignored; the response shows the
 *   tracked value and the header `X-Pulse-Ignored: current_value` says so.
 * - With `expected_version`, a goal someone else changed first gives 409 with the current goal.
 */
import type { Request, Response } from 'express';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { NotFoundError } from '../../core/errors.ts';
import { assertNotViewer } from '../../core/permissions.ts';
import { deleteGoal, goal, updateGoal } from '../../modules/goals/goal.service.ts';
import { Fields } from './fields.ts';
import { jsonBody } from './performance.post.ts';
import { loadNames, restGoal } from './shapes.ts';

function goalId(req: Request): string {
  const f = new Fields({ id: req.params.id });
  const id = f.id('id', true);
  f.done();
  return id ?? '';
}

async function readGoal(ctx: AppContext, id: string) {
  // a screen allowed its team's goals reads them over GraphQL, where field visibility applies;
  // this shape carries fields it does not show (description, created_by)
  assertNotViewer(requireViewer(ctx));
  const found = await goal(ctx, id);
  if (!found) throw new NotFoundError('Goal', id);
  return found;
}

export async function getGoalRoute(req: Request, res: Response, ctx: AppContext): Promise<void> {
  const found = await readGoal(ctx, goalId(req));
  res.json(restGoal(found, await loadNames(ctx, [found.userId], [found.teamId])));
}

export async function patchGoalRoute(req: Request, res: Response, ctx: AppContext): Promise<void> {
  const id = goalId(req);
  const f = new Fields(jsonBody(req));
  const targetValue = f.number('target_value');
  const currentValue = f.number('current_value');
  const description = f.text('description');
  const expectedVersion = f.int('expected_version');
  if (f.has('status')) {
    f.raw('status');
    f.errors.add(
      'status',
      'is derived from progress (achieved >= 100 %, on track >= 75 %, ...); change target_value',
    );
  }
  if (targetValue === null) f.errors.add('target_value', 'must not be null');
  f.rejectUnknown();
  f.done();
  const updated = await updateGoal(
    ctx,
    id,
    { targetValue, currentValue, ...(description !== undefined ? { description } : {}) },
    expectedVersion ?? null,
  );
  if (currentValue != null && updated.metric !== 'CUSTOM') res.setHeader('X-Pulse-Ignored', 'current_value');
  res.json(restGoal(updated, await loadNames(ctx, [updated.userId], [updated.teamId])));
}

export async function deleteGoalRoute(req: Request, res: Response, ctx: AppContext): Promise<void> {
  const id = await deleteGoal(ctx, goalId(req));
  res.json({ id: Number(id), deleted: true });
}
