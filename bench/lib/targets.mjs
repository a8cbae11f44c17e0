/**
 * The same questions asked of each system: the live leaderboard (current month, by revenue, top
 * 10) and the four M5 read operations. Pulse answers with its own schema; the PostGraphile peers
 * with their generated schema plus bench/peers/peer-functions.sql. `board()` turns any answer into
 * one comparable shape: { version, rows: "name|rank|revenue|orders" [] }.
 */
export const LABELS = {
  pulse: 'Pulse',
  pg4: 'PostGraphile 4',
  pg5: 'PostGraphile 5',
  naive: 'naive (no hub)',
};

const PULSE_BOARD = `leaderboard(periodType: MONTHLY, metric: REVENUE, limit: 10) {
  version periodStart totalEntries entries { rank medal user { name } revenue ordersWon conversionRate winRate } }`;
const PEER_BOARD = `version: benchBoardVersion(periodType: MONTHLY)
  board: benchLeaderboard(periodType: MONTHLY, metric: "REVENUE", lim: 10) {
    nodes { rank medal userId name revenue ordersWon conversionRate winRate } }`;

export const SUBSCRIPTION = {
  pulse: `subscription { leaderboardChanged(periodType: MONTHLY, metric: REVENUE, limit: 10) {
    version periodStart totalEntries entries { rank medal user { name } revenue ordersWon conversionRate winRate } } }`,
  pg4: `subscription { leaderboardChanged { query { ${PEER_BOARD} } } }`,
  pg5: `subscription { leaderboardChanged { query { ${PEER_BOARD} } } }`,
};

export const BOARD_QUERY = {
  pulse: `{ ${PULSE_BOARD} }`,
  naive: `{ ${PULSE_BOARD} }`,
  pg4: `{ ${PEER_BOARD} }`,
  pg5: `{ ${PEER_BOARD} }`,
};

/** Comparable board from a subscription frame's or a query's `data`. */
export function board(kind, data) {
  if (!data) return undefined;
  if (kind === 'pulse' || kind === 'naive') {
    const b = data.leaderboardChanged ?? data.leaderboard;
    return {
      version: b.version,
      rows: b.entries.map((e) => `${e.user.name}|${e.rank}|${e.revenue}|${e.ordersWon}`),
    };
  }
  const q = data.leaderboardChanged?.query ?? data;
  return {
    version: q.version,
    rows: q.board.nodes.map((e) => `${e.name}|${e.rank}|${Number(e.revenue).toFixed(2)}|${e.ordersWon}`),
  };
}

/** Version of a frame without parsing it (cheap enough for 20,000 sockets). */
const VERSION = /"version":"(\d+)"/;
export function versionOf(raw) {
  const m = VERSION.exec(raw);
  return m ? Number(m[1]) : undefined;
}

/**
 * M5 read operations. `monthStart` is the first day of the current month (the PostGraphile
 * relation filter needs the date itself). userId: a seller in the middle of the list.
 */
export function operations({ userId, monthStart }) {
  return {
    summary: {
      title: 'summary (lifetime, one user)',
      pulse: `{ performanceSummary(userId: "${userId}") { user { name } revenue ordersWon leadsCreated opportunitiesCreated
        conversionRate winRate avgDealSize achievementCount firstActivityAt lastActivityAt } }`,
      peer: `{ benchPerformanceSummary(userId: ${userId}) { nodes { name revenue ordersWon leadsCreated opportunitiesCreated
        conversionRate winRate avgDealSize achievementCount firstActivityAt lastActivityAt } } }`,
    },
    trends: {
      title: 'trends (12 months, one user)',
      pulse: `{ trends(userId: "${userId}", periodType: MONTHLY, count: 12) { periodStart periodEnd revenue ordersWon
        leadsCreated conversionRate winRate } }`,
      peer: `{ benchTrends(userId: ${userId}, periodType: MONTHLY, count: 12) { nodes { periodStart periodEnd revenue
        ordersWon leadsCreated conversionRate winRate } } }`,
    },
    team: {
      title: 'team performance (25 teams, members, 3 levels)',
      pulse: `{ teamPerformance(periodType: MONTHLY) { team { name } memberCount revenue avgRevenuePerMember
        conversionRate topPerformer { name } members { user { name } revenue ordersWon } } }`,
      peer: `{ allTeams { nodes { name performance(periodType: MONTHLY) { memberCount revenue
        avgRevenuePerMember conversionRate topPerformerName }
        usersByTeamId { nodes { name
          salesPerformancesByUserId(condition: { periodType: MONTHLY, periodStart: "${monthStart}" }) {
            nodes { revenue ordersWon } } } } } } }`,
    },
    leaderboard: {
      title: 'leaderboard (month, top 10)',
      pulse: BOARD_QUERY.pulse,
      peer: BOARD_QUERY.pg4,
    },
  };
}
