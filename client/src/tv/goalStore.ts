/**
 * The TV's goals, keyed by id. goalChanged sends every active goal on (re)subscription and then
 * each change; goalRemoved sends deletions. A goal deleted while the screen was offline is never
 * announced, so after a reconnection the goals the new snapshot did not repeat are pruned, and so
 * are goals whose period has ended. Bounded by the number of active goals.
 */
export interface TvGoal {
  id: string;
  periodEnd: string;
  teamId: string | null;
}

export interface GoalStore<G extends TvGoal> {
  readonly goals: ReadonlyMap<string, { goal: G; epoch: number }>;
}

export function upsertGoal<G extends TvGoal>(store: GoalStore<G>, goal: G, epoch: number): GoalStore<G> {
  const goals = new Map(store.goals);
  goals.set(goal.id, { goal, epoch });
  return { goals };
}

export function removeGoal<G extends TvGoal>(store: GoalStore<G>, id: string): GoalStore<G> {
  if (!store.goals.has(id)) return store;
  const goals = new Map(store.goals);
  goals.delete(id);
  return { goals };
}

/** Drops goals not seen since connection `epoch` began, and goals that ended before `today`. */
export function pruneGoals<G extends TvGoal>(
  store: GoalStore<G>,
  epoch: number,
  today: string,
): GoalStore<G> {
  let changed = false;
  const goals = new Map<string, { goal: G; epoch: number }>();
  for (const [id, item] of store.goals) {
    if (item.epoch < epoch || item.goal.periodEnd < today) changed = true;
    else goals.set(id, item);
  }
  return changed ? { goals } : store;
}
