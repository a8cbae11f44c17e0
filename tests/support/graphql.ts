/**
 * GraphQL documents more than one test file sends, built in one place so that the files differ only
 * in what they select: the goal's create, update and read (`goalDocuments`), and the types of what
 * they read back (`LeaderboardFigures`). The strings are what the files wrote out before; the API
 * sees the same requests.
 */

/**
 * createGoal (input `$i`, selecting `fields` and then `createExtra`), updateGoal (`$id`, `$i` and
 * the expectedVersion `$v`) and goal (`$id`), each selecting `fields`.
 */
export function goalDocuments(
  fields: string,
  createExtra = '',
): { CREATE: string; UPDATE: string; GET: string } {
  const created = createExtra ? `${fields} ${createExtra}` : fields;
  return {
    CREATE: `mutation($i: CreateGoalInput!) { createGoal(input: $i) { ${created} } }`,
    UPDATE: `mutation($id: ID!, $i: UpdateGoalInput!, $v: Int) { updateGoal(id: $id, input: $i, expectedVersion: $v) { ${fields} } }`,
    GET: `query($id: ID!) { goal(id: $id) { ${fields} } }`,
  };
}

/** A leaderboard entry's place and figures as the API names them (LeaderboardEntry), without its user. */
export interface LeaderboardFigures {
  rank: number;
  medal: string | null;
  revenue: string;
  ordersWon: number;
  leadsCreated: number;
  opportunitiesClosed: number;
  conversionRate: number | null;
}
