/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  query AuditLog($first: Int!, $before: ID) {\n    auditLog(first: $first, before: $before) {\n      id\n      at\n      actorName\n      actor {\n        id\n        name\n      }\n      action\n      targetType\n      targetId\n      before\n      after\n    }\n  }\n': typeof types.AuditLogDocument;
  '\n  query PreviewBadgeRule($input: PreviewBadgeRuleInput!) {\n    previewBadgeRule(input: $input) {\n      newCount\n      currentCount\n      periods {\n        periodStart\n        current\n        count\n        newCount\n        people {\n          awarded\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n': typeof types.PreviewBadgeRuleDocument;
  '\n  mutation CreateBadgeRule($input: CreateBadgeRuleInput!) {\n    createBadgeRule(input: $input) {\n      id\n    }\n  }\n': typeof types.CreateBadgeRuleDocument;
  '\n  mutation UpdateBadgeRule($id: ID!, $input: UpdateBadgeRuleInput!) {\n    updateBadgeRule(id: $id, input: $input) {\n      id\n    }\n  }\n': typeof types.UpdateBadgeRuleDocument;
  '\n  query BadgeRulesPage {\n    badgeRules {\n      id\n      title\n      description\n      badgeIcon\n      icon\n      metric\n      periodType\n      threshold\n      active\n      awardsFrom\n    }\n  }\n': typeof types.BadgeRulesPageDocument;
  '\n  mutation DeactivateBadgeRule($id: ID!) {\n    deactivateBadgeRule(id: $id) {\n      id\n      active\n    }\n  }\n': typeof types.DeactivateBadgeRuleDocument;
  '\n  fragment OrganisationSettings_organisation on Organisation {\n    timeZone\n    currency\n    timeZonePinned\n    currencyPinned\n    paceWorkingDays\n  }\n': typeof types.OrganisationSettings_OrganisationFragmentDoc;
  '\n  query Organisation {\n    organisation {\n      ...OrganisationSettings_organisation\n    }\n  }\n': typeof types.OrganisationDocument;
  '\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      ...OrganisationSettings_organisation\n    }\n  }\n': typeof types.UpdateOrganisationDocument;
  '\n  fragment PeoplePage_person on User {\n    id\n    name\n    email\n    role\n    active\n    team {\n      id\n      name\n    }\n  }\n': typeof types.PeoplePage_PersonFragmentDoc;
  '\n  query People {\n    users {\n      ...PeoplePage_person\n    }\n  }\n': typeof types.PeopleDocument;
  '\n  fragment IssuedLink_link on IssuedLink {\n    kind\n    link\n    emailed\n    expiresAt\n    user {\n      id\n      name\n      email\n    }\n  }\n': typeof types.IssuedLink_LinkFragmentDoc;
  '\n  mutation InviteUser($input: CreateUserInput!) {\n    inviteUser(input: $input) {\n      ...IssuedLink_link\n    }\n  }\n': typeof types.InviteUserDocument;
  '\n  mutation IssuePasswordLink($userId: ID!) {\n    issuePasswordLink(userId: $userId) {\n      ...IssuedLink_link\n    }\n  }\n': typeof types.IssuePasswordLinkDocument;
  '\n  mutation AddPerson($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      email\n    }\n  }\n': typeof types.AddPersonDocument;
  '\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...PeoplePage_person\n    }\n  }\n': typeof types.UpdateUserDocument;
  '\n  mutation SignOutUserEverywhere($userId: ID!) {\n    signOutEverywhere(userId: $userId)\n  }\n': typeof types.SignOutUserEverywhereDocument;
  '\n  fragment ScreenLayoutDialog_layout on ScreenLayout {\n    boards\n    secondsPerBoard\n    periodType\n    pinned\n    showGoals\n    showContests\n    celebrations\n    saleAmount\n    sound\n  }\n': typeof types.ScreenLayoutDialog_LayoutFragmentDoc;
  '\n  mutation UpdateScreen($id: ID!, $input: UpdateScreenInput!) {\n    updateScreen(id: $id, input: $input) {\n      id\n      name\n      layout {\n        ...ScreenLayoutDialog_layout\n      }\n    }\n  }\n': typeof types.UpdateScreenDocument;
  '\n  fragment ScreensPage_screen on Screen {\n    id\n    name\n    active\n    pairedAt\n    lastSeenAt\n    team {\n      id\n      name\n    }\n  }\n': typeof types.ScreensPage_ScreenFragmentDoc;
  '\n  query Screens {\n    screens {\n      ...ScreensPage_screen\n      layout {\n        ...ScreenLayoutDialog_layout\n      }\n      health {\n        online\n        clientVersion\n        resolution\n        reconnects24h\n        offlineTooLong\n      }\n    }\n  }\n': typeof types.ScreensDocument;
  '\n  mutation PairScreen($input: PairScreenInput!) {\n    pairScreen(input: $input) {\n      ...ScreensPage_screen\n    }\n  }\n': typeof types.PairScreenDocument;
  '\n  mutation RevokeScreen($id: ID!) {\n    revokeScreen(id: $id) {\n      id\n      active\n      lastSeenAt\n    }\n  }\n': typeof types.RevokeScreenDocument;
  '\n  query TeamsPage {\n    teams {\n      id\n      name\n      manager {\n        id\n        name\n      }\n    }\n    users {\n      id\n      name\n      role\n      active\n      team {\n        id\n      }\n    }\n  }\n': typeof types.TeamsPageDocument;
  '\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n': typeof types.CreateTeamDocument;
  '\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {\n    updateTeam(id: $id, input: $input) {\n      id\n      name\n      manager {\n        id\n        name\n      }\n    }\n  }\n': typeof types.UpdateTeamDocument;
  '\n  mutation MoveMember($id: ID!, $teamId: ID) {\n    updateUser(id: $id, input: { teamId: $teamId }) {\n      id\n      team {\n        id\n      }\n    }\n  }\n': typeof types.MoveMemberDocument;
  '\n  query Webhooks {\n    webhooks {\n      id\n      url\n      events\n      paused\n      format\n      digestMinutes\n      createdAt\n      recentDeliveries {\n        id\n        event\n        status\n        attempts\n        lastStatusCode\n        lastError\n        nextAttemptAt\n        deliveredAt\n        createdAt\n      }\n    }\n  }\n': typeof types.WebhooksDocument;
  '\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n': typeof types.CreateWebhookDocument;
  '\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      id\n      format\n      digestMinutes\n    }\n  }\n': typeof types.UpdateWebhookDocument;
  '\n  mutation PauseWebhook($id: ID!) {\n    pauseWebhook(id: $id) {\n      id\n      paused\n    }\n  }\n': typeof types.PauseWebhookDocument;
  '\n  mutation ResumeWebhook($id: ID!) {\n    resumeWebhook(id: $id) {\n      id\n      paused\n    }\n  }\n': typeof types.ResumeWebhookDocument;
  '\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n': typeof types.DeleteWebhookDocument;
  '\n  mutation RedeliverWebhookDelivery($id: ID!) {\n    redeliverWebhookDelivery(id: $id) {\n      id\n      status\n      attempts\n    }\n  }\n': typeof types.RedeliverWebhookDeliveryDocument;
  '\n  mutation CreateContest($input: CreateContestInput!) {\n    createContest(input: $input) {\n      id\n    }\n  }\n': typeof types.CreateContestDocument;
  '\n  mutation UpdateContest($id: ID!, $input: UpdateContestInput!) {\n    updateContest(id: $id, input: $input) {\n      id\n    }\n  }\n': typeof types.UpdateContestDocument;
  '\n  query ContestInfo($id: ID!) {\n    contest(id: $id) {\n      id\n      name\n      description\n      prize\n      startsAt\n      endsAt\n      metric\n      activityKind\n      goalMetric\n      format\n      everyone\n      status\n      users {\n        id\n      }\n      teams {\n        id\n        name\n      }\n      pairs {\n        user {\n          id\n        }\n        opponent {\n          id\n        }\n      }\n    }\n    organisation {\n      currency\n    }\n  }\n': typeof types.ContestInfoDocument;
  '\n  subscription ContestLive($id: ID!) {\n    contestChanged(id: $id) {\n      contestId\n      status\n      startsAt\n      endsAt\n      generatedAt\n      frozen\n      closedAt\n      entries {\n        rank\n        value\n        members\n        opponentValue\n        leading\n        user {\n          id\n          name\n        }\n        team {\n          id\n          name\n        }\n        opponent {\n          id\n          name\n        }\n      }\n      winners {\n        id\n        name\n      }\n    }\n  }\n': typeof types.ContestLiveDocument;
  '\n  query Contests {\n    contests(limit: 100) {\n      id\n      name\n      prize\n      startsAt\n      endsAt\n      metric\n      format\n      status\n    }\n  }\n': typeof types.ContestsDocument;
  '\n  mutation ChangePassword($currentPassword: String, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n': typeof types.ChangePasswordDocument;
  '\n  mutation SignOutEverywhere($userId: ID!) {\n    signOutEverywhere(userId: $userId)\n  }\n': typeof types.SignOutEverywhereDocument;
  '\n  fragment AchievementCard_achievement on Achievement {\n    id\n    badgeIcon\n    title\n    description\n    kind\n    achievedAt\n    value\n    user {\n      id\n      name\n    }\n  }\n': typeof types.AchievementCard_AchievementFragmentDoc;
  '\n  query AchievementsTab($userId: ID, $teamId: ID, $limit: Int!) {\n    achievements(userId: $userId, teamId: $teamId, limit: $limit) {\n      id\n      achievedAt\n      user {\n        id\n        team {\n          id\n        }\n      }\n      ...AchievementCard_achievement\n    }\n  }\n': typeof types.AchievementsTabDocument;
  '\n  subscription AchievementUnlocked($teamId: ID) {\n    achievementUnlocked(teamId: $teamId) {\n      id\n      achievedAt\n      user {\n        id\n        team {\n          id\n        }\n      }\n      ...AchievementCard_achievement\n    }\n  }\n': typeof types.AchievementUnlockedDocument;
  '\n  query AchievementProgress($userId: ID!) {\n    achievementProgress(userId: $userId) {\n      rule {\n        id\n        title\n        badgeIcon\n        description\n        metric\n        periodType\n        threshold\n      }\n      periodStart\n      current\n      remaining\n      earned\n    }\n  }\n': typeof types.AchievementProgressDocument;
  '\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n      active\n    }\n  }\n': typeof types.ApiTokensDocument;
  '\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n    }\n  }\n': typeof types.CreateApiTokenDocument;
  '\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      lastUsedAt\n      revokedAt\n      active\n    }\n  }\n': typeof types.RevokeApiTokenDocument;
  '\n  query GoalContributions($id: ID!, $first: Int!, $after: String) {\n    goal(id: $id) {\n      id\n      contributions(first: $first, after: $after) {\n        totalCount\n        total\n        pushed\n        hasNextPage\n        endCursor\n        nodes {\n          id\n          kind\n          amount\n          occurredAt\n          recordedAt\n          recordedVia\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n': typeof types.GoalContributionsDocument;
  '\n  query EntryContributions(\n    $metric: LeaderboardMetric!\n    $periodType: PeriodType!\n    $date: Date!\n    $teamId: ID\n    $userId: ID!\n    $first: Int!\n    $after: String\n  ) {\n    leaderboard(metric: $metric, periodType: $periodType, date: $date, teamId: $teamId, limit: 1) {\n      standing(userId: $userId) {\n        entry {\n          contributions(first: $first, after: $after) {\n            totalCount\n            total\n            pushed\n            hasNextPage\n            endCursor\n            nodes {\n              id\n              kind\n              amount\n              occurredAt\n              recordedAt\n              recordedVia\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.EntryContributionsDocument;
  '\n  fragment GoalsTab_goal on Goal {\n    id\n    status\n    achievementPercentage\n    periodStart\n    periodEnd\n    user {\n      id\n      name\n      team {\n        id\n      }\n    }\n    team {\n      id\n      name\n    }\n  }\n': typeof types.GoalsTab_GoalFragmentDoc;
  '\n  query GoalsTab($periodType: PeriodType!, $date: Date, $teamId: ID, $includeMembers: Boolean) {\n    goals(\n      periodType: $periodType\n      date: $date\n      teamId: $teamId\n      includeMembers: $includeMembers\n      activeOnly: false\n    ) {\n      id\n      ...GoalsTab_goal\n      ...GoalCard_goal\n    }\n  }\n': typeof types.GoalsTabDocument;
  '\n  subscription GoalChanged {\n    goalChanged {\n      id\n      ...GoalsTab_goal\n      ...GoalCard_goal\n    }\n  }\n': typeof types.GoalChangedDocument;
  '\n  subscription GoalRemoved {\n    goalRemoved\n  }\n': typeof types.GoalRemovedDocument;
  '\n  mutation GiveKudos($input: GiveKudosInput!) {\n    giveKudos(input: $input) {\n      id\n      recipient {\n        id\n        name\n      }\n    }\n  }\n': typeof types.GiveKudosDocument;
  '\n  query KudosFeed($userId: ID, $teamId: ID, $first: Int!) {\n    kudos(userId: $userId, teamId: $teamId, first: $first) {\n      hasNextPage\n      nodes {\n        ...KudosItem_kudos\n      }\n    }\n  }\n': typeof types.KudosFeedDocument;
  '\n  fragment KudosItem_kudos on Kudos {\n    id\n    message\n    private\n    createdAt\n    giver {\n      id\n      name\n    }\n    recipient {\n      id\n      name\n      team {\n        id\n      }\n    }\n  }\n': typeof types.KudosItem_KudosFragmentDoc;
  '\n  subscription KudosGiven($teamId: ID) {\n    kudosGiven(teamId: $teamId) {\n      ...KudosItem_kudos\n    }\n  }\n': typeof types.KudosGivenDocument;
  '\n  fragment BoardRows_board on Leaderboard {\n    version\n    metric\n    periodType\n    periodStart\n    periodEnd\n    totalEntries\n    unrankedCount\n    minimumSample\n    team {\n      id\n      name\n    }\n    entries {\n      rank\n      previousRank\n      medal\n      revenue\n      ordersWon\n      leadsCreated\n      opportunitiesClosed\n      conversionRate\n      winRate\n      user {\n        id\n        name\n        team {\n          id\n          name\n        }\n      }\n    }\n    standing(userId: $me) {\n      rank\n      sample\n      gap\n      ahead {\n        user {\n          id\n          name\n        }\n      }\n      entry {\n        rank\n        previousRank\n        medal\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesClosed\n        conversionRate\n        winRate\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n': typeof types.BoardRows_BoardFragmentDoc;
  '\n  query LeaderboardTab(\n    $metric: LeaderboardMetric!\n    $periodType: PeriodType!\n    $teamId: ID\n    $date: Date\n    $me: ID!\n  ) {\n    leaderboard(metric: $metric, periodType: $periodType, teamId: $teamId, date: $date, limit: 25) {\n      version\n      periodStart\n      ...BoardRows_board\n    }\n  }\n': typeof types.LeaderboardTabDocument;
  '\n  subscription LeaderboardLive($metric: LeaderboardMetric!, $periodType: PeriodType!, $teamId: ID, $me: ID!) {\n    leaderboardChanged(metric: $metric, periodType: $periodType, teamId: $teamId, limit: 25) {\n      version\n      periodStart\n      ...BoardRows_board\n    }\n  }\n': typeof types.LeaderboardLiveDocument;
  '\n  fragment NotificationsSection_settings on NotificationSettings {\n    mailEnabled\n    goalProgress\n    goalBehindPace\n    badgeEarned\n    contests\n    teamRank\n    kudos\n    weeklyDigest\n  }\n': typeof types.NotificationsSection_SettingsFragmentDoc;
  '\n  query MyNotificationSettings {\n    myNotificationSettings {\n      ...NotificationsSection_settings\n    }\n  }\n': typeof types.MyNotificationSettingsDocument;
  '\n  mutation UpdateMyNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateMyNotificationSettings(input: $input) {\n      ...NotificationsSection_settings\n    }\n  }\n': typeof types.UpdateMyNotificationSettingsDocument;
  '\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      team {\n        id\n        name\n      }\n    }\n  }\n': typeof types.MeDocument;
  '\n  query Directory {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n': typeof types.DirectoryDocument;
  '\n  query SummaryCards($userId: ID!, $periodType: PeriodType!, $date: Date) {\n    performance(userId: $userId, periodType: $periodType, date: $date) {\n      periodStart\n      periodEnd\n      revenue\n      ordersWon\n      conversionRate\n      leadsCreated\n      winRate\n      opportunitiesCreated\n      opportunitiesLost\n      comparedWith {\n        periodStart\n        periodEnd\n        revenue\n        conversionRate\n        winRate\n      }\n    }\n    performanceSummary(userId: $userId) {\n      achievementCount\n    }\n    leaderboard(metric: REVENUE, periodType: $periodType, date: $date, limit: 1) {\n      metric\n      periodType\n      minimumSample\n      standing(userId: $userId) {\n        rank\n        sample\n        gap\n        ahead {\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n': typeof types.SummaryCardsDocument;
  '\n  fragment TeamFigures_team on TeamPerformance {\n    periodStart\n    memberCount\n    revenue\n    avgRevenuePerMember\n    ordersWon\n    conversionRate\n    winRate\n    team {\n      id\n      name\n    }\n    topPerformer {\n      id\n      name\n    }\n    comparedWith {\n      periodStart\n      periodEnd\n      revenue\n      avgRevenuePerMember\n      ordersWon\n      conversionRate\n      winRate\n    }\n  }\n': typeof types.TeamFigures_TeamFragmentDoc;
  '\n  query TeamCards($periodType: PeriodType!, $date: Date, $teamId: ID) {\n    teamPerformance(periodType: $periodType, date: $date, teamId: $teamId) {\n      ...TeamFigures_team\n    }\n  }\n': typeof types.TeamCardsDocument;
  '\n  query TeamTab($periodType: PeriodType!, $date: Date, $teamId: ID) {\n    teamPerformance(periodType: $periodType, date: $date, teamId: $teamId) {\n      ...TeamFigures_team\n      team {\n        manager {\n          id\n          name\n        }\n      }\n      members {\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesLost\n        conversionRate\n        winRate\n        user {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n': typeof types.TeamTabDocument;
  '\n  query TeamBoard($periodType: PeriodType!, $date: Date, $teamId: ID!) {\n    leaderboard(periodType: $periodType, date: $date, teamId: $teamId, limit: 100) {\n      periodStart\n      entries {\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesClosed\n        conversionRate\n        winRate\n        user {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n': typeof types.TeamBoardDocument;
  '\n  fragment TrendFigures_period on PerformancePeriod {\n    revenue\n    ordersWon\n    leadsCreated\n    opportunitiesCreated\n    conversionRate\n    winRate\n    calls\n    meetings\n  }\n': typeof types.TrendFigures_PeriodFragmentDoc;
  '\n  query Trends($userId: ID!, $periodType: PeriodType!, $date: Date) {\n    trends(userId: $userId, periodType: $periodType, date: $date, count: 12) {\n      periodStart\n      ...TrendFigures_period\n      partial\n      elapsedDays\n      periodDays\n      previousToDate {\n        periodStart\n        periodEnd\n        ...TrendFigures_period\n      }\n    }\n  }\n': typeof types.TrendsDocument;
  '\n  query TeamPeriod($periodType: PeriodType!, $date: Date!, $teamId: ID!) {\n    leaderboard(periodType: $periodType, date: $date, teamId: $teamId, limit: 100) {\n      periodStart\n      entries {\n        revenue\n        ordersWon\n        conversionRate\n        winRate\n        user {\n          id\n        }\n      }\n    }\n  }\n': typeof types.TeamPeriodDocument;
  '\n  query Clock {\n    clock {\n      timeZone\n      today\n      paceBasis\n      periods {\n        periodType\n        periodStart\n        periodEnd\n        elapsedDays\n        periodDays\n      }\n    }\n    organisation {\n      currency\n    }\n  }\n': typeof types.ClockDocument;
  '\n  subscription FiguresChanged($periodType: PeriodType!, $me: ID!) {\n    leaderboardChanged(periodType: $periodType, limit: 1) {\n      version\n      periodType\n      periodStart\n      standing(userId: $me) {\n        rank\n      }\n    }\n  }\n': typeof types.FiguresChangedDocument;
  '\n  query TeamPeriodGoals($teamId: ID!, $periodType: PeriodType!, $date: Date!) {\n    goals(teamId: $teamId, includeMembers: true, periodType: $periodType, date: $date, activeOnly: false) {\n      id\n      metric\n      periodType\n      periodStart\n      targetValue\n      currentValue\n      achievementPercentage\n      status\n      description\n      user {\n        id\n        name\n        team {\n          id\n          name\n        }\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n': typeof types.TeamPeriodGoalsDocument;
  '\n  fragment GoalCard_goal on Goal {\n    id\n    metric\n    periodType\n    periodStart\n    periodEnd\n    targetValue\n    currentValue\n    achievementPercentage\n    status\n    projectedValue\n    description\n    version\n    elapsedDays\n    periodDays\n    pace {\n      state\n      expectedValue\n      gap\n      requiredRate\n      daysLeft\n      basis\n    }\n    user {\n      id\n      name\n      team {\n        id\n        name\n      }\n    }\n    team {\n      id\n      name\n    }\n  }\n': typeof types.GoalCard_GoalFragmentDoc;
  '\n  mutation CreateGoal($input: CreateGoalInput!) {\n    createGoal(input: $input) {\n      id\n      ...GoalCard_goal\n    }\n  }\n': typeof types.CreateGoalDocument;
  '\n  mutation UpdateGoal($id: ID!, $input: UpdateGoalInput!, $expectedVersion: Int) {\n    updateGoal(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...GoalCard_goal\n    }\n  }\n': typeof types.UpdateGoalDocument;
  '\n  mutation DeleteGoal($id: ID!) {\n    deleteGoal(id: $id)\n  }\n': typeof types.DeleteGoalDocument;
  '\n  query GoalLink($id: ID!) {\n    goal(id: $id) {\n      id\n      periodType\n      periodStart\n      user {\n        id\n        name\n        team {\n          id\n        }\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n': typeof types.GoalLinkDocument;
  '\n    subscription TvAchievement($teamId: ID) {\n      achievementUnlocked(teamId: $teamId) {\n        id\n        badgeIcon\n        title\n        description\n        kind\n        value\n        user {\n          id\n          name\n        }\n      }\n    }\n  ': typeof types.TvAchievementDocument;
  '\n  subscription TvKudos($teamId: ID) {\n    kudosGiven(teamId: $teamId) {\n      id\n      message\n      giver {\n        id\n        name\n      }\n      recipient {\n        id\n        name\n      }\n    }\n  }\n': typeof types.TvKudosDocument;
  '\n  subscription TvSales($periodType: PeriodType!, $teamId: ID) {\n    leaderboardChanged(metric: REVENUE, periodType: $periodType, teamId: $teamId, limit: 100) {\n      version\n      metric\n      periodStart\n      entries {\n        rank\n        revenue\n        ordersWon\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n': typeof types.TvSalesDocument;
  '\n    subscription TvGoalAchieved($teamId: ID) {\n      goalChanged(teamId: $teamId) {\n        id\n        metric\n        status\n        user {\n          id\n          name\n        }\n        team {\n          id\n          name\n        }\n      }\n    }\n  ': typeof types.TvGoalAchievedDocument;
  '\n  subscription TvBoard($metric: LeaderboardMetric!, $periodType: PeriodType!, $teamId: ID) {\n    leaderboardChanged(metric: $metric, periodType: $periodType, teamId: $teamId, limit: 10) {\n      version\n      metric\n      periodType\n      periodStart\n      minimumSample\n      unrankedCount\n      team {\n        id\n        name\n      }\n      entries {\n        rank\n        previousRank\n        medal\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesClosed\n        conversionRate\n        winRate\n        user {\n          id\n          name\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n': typeof types.TvBoardDocument;
  '\n  subscription TvContest($id: ID!) {\n    contestChanged(id: $id) {\n      contestId\n      name\n      status\n      startsAt\n      endsAt\n      frozen\n      entries {\n        rank\n        value\n        opponentValue\n        leading\n        user {\n          id\n          name\n        }\n        team {\n          id\n          name\n        }\n        opponent {\n          id\n          name\n        }\n      }\n      winners {\n        id\n        name\n      }\n    }\n  }\n': typeof types.TvContestDocument;
  '\n  subscription TvContests {\n    contestsChanged {\n      generatedAt\n      contests {\n        id\n        name\n        prize\n        status\n        startsAt\n        endsAt\n        metric\n        format\n      }\n    }\n  }\n': typeof types.TvContestsDocument;
  '\n    subscription TvGoalChanged {\n      goalChanged {\n        id\n        metric\n        periodType\n        periodStart\n        periodEnd\n        targetValue\n        currentValue\n        achievementPercentage\n        status\n        projectedValue\n        user {\n          id\n          name\n          team {\n            id\n          }\n        }\n        team {\n          id\n          name\n        }\n      }\n    }\n  ': typeof types.TvGoalChangedDocument;
  '\n    subscription TvGoalRemoved {\n      goalRemoved\n    }\n  ': typeof types.TvGoalRemovedDocument;
  '\n  query TvMe {\n    me {\n      id\n      name\n      role\n      team {\n        id\n      }\n    }\n    clock {\n      timeZone\n    }\n    organisation {\n      currency\n    }\n  }\n': typeof types.TvMeDocument;
  '\n  subscription MyScreen {\n    myScreen {\n      boards\n      secondsPerBoard\n      periodType\n      pinned\n      showGoals\n      showContests\n      celebrations\n      saleAmount\n      sound\n    }\n  }\n': typeof types.MyScreenDocument;
};
const documents: Documents = {
  '\n  query AuditLog($first: Int!, $before: ID) {\n    auditLog(first: $first, before: $before) {\n      id\n      at\n      actorName\n      actor {\n        id\n        name\n      }\n      action\n      targetType\n      targetId\n      before\n      after\n    }\n  }\n':
    types.AuditLogDocument,
  '\n  query PreviewBadgeRule($input: PreviewBadgeRuleInput!) {\n    previewBadgeRule(input: $input) {\n      newCount\n      currentCount\n      periods {\n        periodStart\n        current\n        count\n        newCount\n        people {\n          awarded\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n':
    types.PreviewBadgeRuleDocument,
  '\n  mutation CreateBadgeRule($input: CreateBadgeRuleInput!) {\n    createBadgeRule(input: $input) {\n      id\n    }\n  }\n':
    types.CreateBadgeRuleDocument,
  '\n  mutation UpdateBadgeRule($id: ID!, $input: UpdateBadgeRuleInput!) {\n    updateBadgeRule(id: $id, input: $input) {\n      id\n    }\n  }\n':
    types.UpdateBadgeRuleDocument,
  '\n  query BadgeRulesPage {\n    badgeRules {\n      id\n      title\n      description\n      badgeIcon\n      icon\n      metric\n      periodType\n      threshold\n      active\n      awardsFrom\n    }\n  }\n':
    types.BadgeRulesPageDocument,
  '\n  mutation DeactivateBadgeRule($id: ID!) {\n    deactivateBadgeRule(id: $id) {\n      id\n      active\n    }\n  }\n':
    types.DeactivateBadgeRuleDocument,
  '\n  fragment OrganisationSettings_organisation on Organisation {\n    timeZone\n    currency\n    timeZonePinned\n    currencyPinned\n    paceWorkingDays\n  }\n':
    types.OrganisationSettings_OrganisationFragmentDoc,
  '\n  query Organisation {\n    organisation {\n      ...OrganisationSettings_organisation\n    }\n  }\n':
    types.OrganisationDocument,
  '\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      ...OrganisationSettings_organisation\n    }\n  }\n':
    types.UpdateOrganisationDocument,
  '\n  fragment PeoplePage_person on User {\n    id\n    name\n    email\n    role\n    active\n    team {\n      id\n      name\n    }\n  }\n':
    types.PeoplePage_PersonFragmentDoc,
  '\n  query People {\n    users {\n      ...PeoplePage_person\n    }\n  }\n': types.PeopleDocument,
  '\n  fragment IssuedLink_link on IssuedLink {\n    kind\n    link\n    emailed\n    expiresAt\n    user {\n      id\n      name\n      email\n    }\n  }\n':
    types.IssuedLink_LinkFragmentDoc,
  '\n  mutation InviteUser($input: CreateUserInput!) {\n    inviteUser(input: $input) {\n      ...IssuedLink_link\n    }\n  }\n':
    types.InviteUserDocument,
  '\n  mutation IssuePasswordLink($userId: ID!) {\n    issuePasswordLink(userId: $userId) {\n      ...IssuedLink_link\n    }\n  }\n':
    types.IssuePasswordLinkDocument,
  '\n  mutation AddPerson($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      email\n    }\n  }\n':
    types.AddPersonDocument,
  '\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...PeoplePage_person\n    }\n  }\n':
    types.UpdateUserDocument,
  '\n  mutation SignOutUserEverywhere($userId: ID!) {\n    signOutEverywhere(userId: $userId)\n  }\n':
    types.SignOutUserEverywhereDocument,
  '\n  fragment ScreenLayoutDialog_layout on ScreenLayout {\n    boards\n    secondsPerBoard\n    periodType\n    pinned\n    showGoals\n    showContests\n    celebrations\n    saleAmount\n    sound\n  }\n':
    types.ScreenLayoutDialog_LayoutFragmentDoc,
  '\n  mutation UpdateScreen($id: ID!, $input: UpdateScreenInput!) {\n    updateScreen(id: $id, input: $input) {\n      id\n      name\n      layout {\n        ...ScreenLayoutDialog_layout\n      }\n    }\n  }\n':
    types.UpdateScreenDocument,
  '\n  fragment ScreensPage_screen on Screen {\n    id\n    name\n    active\n    pairedAt\n    lastSeenAt\n    team {\n      id\n      name\n    }\n  }\n':
    types.ScreensPage_ScreenFragmentDoc,
  '\n  query Screens {\n    screens {\n      ...ScreensPage_screen\n      layout {\n        ...ScreenLayoutDialog_layout\n      }\n      health {\n        online\n        clientVersion\n        resolution\n        reconnects24h\n        offlineTooLong\n      }\n    }\n  }\n':
    types.ScreensDocument,
  '\n  mutation PairScreen($input: PairScreenInput!) {\n    pairScreen(input: $input) {\n      ...ScreensPage_screen\n    }\n  }\n':
    types.PairScreenDocument,
  '\n  mutation RevokeScreen($id: ID!) {\n    revokeScreen(id: $id) {\n      id\n      active\n      lastSeenAt\n    }\n  }\n':
    types.RevokeScreenDocument,
  '\n  query TeamsPage {\n    teams {\n      id\n      name\n      manager {\n        id\n        name\n      }\n    }\n    users {\n      id\n      name\n      role\n      active\n      team {\n        id\n      }\n    }\n  }\n':
    types.TeamsPageDocument,
  '\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n':
    types.CreateTeamDocument,
  '\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {\n    updateTeam(id: $id, input: $input) {\n      id\n      name\n      manager {\n        id\n        name\n      }\n    }\n  }\n':
    types.UpdateTeamDocument,
  '\n  mutation MoveMember($id: ID!, $teamId: ID) {\n    updateUser(id: $id, input: { teamId: $teamId }) {\n      id\n      team {\n        id\n      }\n    }\n  }\n':
    types.MoveMemberDocument,
  '\n  query Webhooks {\n    webhooks {\n      id\n      url\n      events\n      paused\n      format\n      digestMinutes\n      createdAt\n      recentDeliveries {\n        id\n        event\n        status\n        attempts\n        lastStatusCode\n        lastError\n        nextAttemptAt\n        deliveredAt\n        createdAt\n      }\n    }\n  }\n':
    types.WebhooksDocument,
  '\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n':
    types.CreateWebhookDocument,
  '\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      id\n      format\n      digestMinutes\n    }\n  }\n':
    types.UpdateWebhookDocument,
  '\n  mutation PauseWebhook($id: ID!) {\n    pauseWebhook(id: $id) {\n      id\n      paused\n    }\n  }\n':
    types.PauseWebhookDocument,
  '\n  mutation ResumeWebhook($id: ID!) {\n    resumeWebhook(id: $id) {\n      id\n      paused\n    }\n  }\n':
    types.ResumeWebhookDocument,
  '\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n': types.DeleteWebhookDocument,
  '\n  mutation RedeliverWebhookDelivery($id: ID!) {\n    redeliverWebhookDelivery(id: $id) {\n      id\n      status\n      attempts\n    }\n  }\n':
    types.RedeliverWebhookDeliveryDocument,
  '\n  mutation CreateContest($input: CreateContestInput!) {\n    createContest(input: $input) {\n      id\n    }\n  }\n':
    types.CreateContestDocument,
  '\n  mutation UpdateContest($id: ID!, $input: UpdateContestInput!) {\n    updateContest(id: $id, input: $input) {\n      id\n    }\n  }\n':
    types.UpdateContestDocument,
  '\n  query ContestInfo($id: ID!) {\n    contest(id: $id) {\n      id\n      name\n      description\n      prize\n      startsAt\n      endsAt\n      metric\n      activityKind\n      goalMetric\n      format\n      everyone\n      status\n      users {\n        id\n      }\n      teams {\n        id\n        name\n      }\n      pairs {\n        user {\n          id\n        }\n        opponent {\n          id\n        }\n      }\n    }\n    organisation {\n      currency\n    }\n  }\n':
    types.ContestInfoDocument,
  '\n  subscription ContestLive($id: ID!) {\n    contestChanged(id: $id) {\n      contestId\n      status\n      startsAt\n      endsAt\n      generatedAt\n      frozen\n      closedAt\n      entries {\n        rank\n        value\n        members\n        opponentValue\n        leading\n        user {\n          id\n          name\n        }\n        team {\n          id\n          name\n        }\n        opponent {\n          id\n          name\n        }\n      }\n      winners {\n        id\n        name\n      }\n    }\n  }\n':
    types.ContestLiveDocument,
  '\n  query Contests {\n    contests(limit: 100) {\n      id\n      name\n      prize\n      startsAt\n      endsAt\n      metric\n      format\n      status\n    }\n  }\n':
    types.ContestsDocument,
  '\n  mutation ChangePassword($currentPassword: String, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n':
    types.ChangePasswordDocument,
  '\n  mutation SignOutEverywhere($userId: ID!) {\n    signOutEverywhere(userId: $userId)\n  }\n':
    types.SignOutEverywhereDocument,
  '\n  fragment AchievementCard_achievement on Achievement {\n    id\n    badgeIcon\n    title\n    description\n    kind\n    achievedAt\n    value\n    user {\n      id\n      name\n    }\n  }\n':
    types.AchievementCard_AchievementFragmentDoc,
  '\n  query AchievementsTab($userId: ID, $teamId: ID, $limit: Int!) {\n    achievements(userId: $userId, teamId: $teamId, limit: $limit) {\n      id\n      achievedAt\n      user {\n        id\n        team {\n          id\n        }\n      }\n      ...AchievementCard_achievement\n    }\n  }\n':
    types.AchievementsTabDocument,
  '\n  subscription AchievementUnlocked($teamId: ID) {\n    achievementUnlocked(teamId: $teamId) {\n      id\n      achievedAt\n      user {\n        id\n        team {\n          id\n        }\n      }\n      ...AchievementCard_achievement\n    }\n  }\n':
    types.AchievementUnlockedDocument,
  '\n  query AchievementProgress($userId: ID!) {\n    achievementProgress(userId: $userId) {\n      rule {\n        id\n        title\n        badgeIcon\n        description\n        metric\n        periodType\n        threshold\n      }\n      periodStart\n      current\n      remaining\n      earned\n    }\n  }\n':
    types.AchievementProgressDocument,
  '\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n      active\n    }\n  }\n':
    types.ApiTokensDocument,
  '\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n    }\n  }\n':
    types.CreateApiTokenDocument,
  '\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      lastUsedAt\n      revokedAt\n      active\n    }\n  }\n':
    types.RevokeApiTokenDocument,
  '\n  query GoalContributions($id: ID!, $first: Int!, $after: String) {\n    goal(id: $id) {\n      id\n      contributions(first: $first, after: $after) {\n        totalCount\n        total\n        pushed\n        hasNextPage\n        endCursor\n        nodes {\n          id\n          kind\n          amount\n          occurredAt\n          recordedAt\n          recordedVia\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n':
    types.GoalContributionsDocument,
  '\n  query EntryContributions(\n    $metric: LeaderboardMetric!\n    $periodType: PeriodType!\n    $date: Date!\n    $teamId: ID\n    $userId: ID!\n    $first: Int!\n    $after: String\n  ) {\n    leaderboard(metric: $metric, periodType: $periodType, date: $date, teamId: $teamId, limit: 1) {\n      standing(userId: $userId) {\n        entry {\n          contributions(first: $first, after: $after) {\n            totalCount\n            total\n            pushed\n            hasNextPage\n            endCursor\n            nodes {\n              id\n              kind\n              amount\n              occurredAt\n              recordedAt\n              recordedVia\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.EntryContributionsDocument,
  '\n  fragment GoalsTab_goal on Goal {\n    id\n    status\n    achievementPercentage\n    periodStart\n    periodEnd\n    user {\n      id\n      name\n      team {\n        id\n      }\n    }\n    team {\n      id\n      name\n    }\n  }\n':
    types.GoalsTab_GoalFragmentDoc,
  '\n  query GoalsTab($periodType: PeriodType!, $date: Date, $teamId: ID, $includeMembers: Boolean) {\n    goals(\n      periodType: $periodType\n      date: $date\n      teamId: $teamId\n      includeMembers: $includeMembers\n      activeOnly: false\n    ) {\n      id\n      ...GoalsTab_goal\n      ...GoalCard_goal\n    }\n  }\n':
    types.GoalsTabDocument,
  '\n  subscription GoalChanged {\n    goalChanged {\n      id\n      ...GoalsTab_goal\n      ...GoalCard_goal\n    }\n  }\n':
    types.GoalChangedDocument,
  '\n  subscription GoalRemoved {\n    goalRemoved\n  }\n': types.GoalRemovedDocument,
  '\n  mutation GiveKudos($input: GiveKudosInput!) {\n    giveKudos(input: $input) {\n      id\n      recipient {\n        id\n        name\n      }\n    }\n  }\n':
    types.GiveKudosDocument,
  '\n  query KudosFeed($userId: ID, $teamId: ID, $first: Int!) {\n    kudos(userId: $userId, teamId: $teamId, first: $first) {\n      hasNextPage\n      nodes {\n        ...KudosItem_kudos\n      }\n    }\n  }\n':
    types.KudosFeedDocument,
  '\n  fragment KudosItem_kudos on Kudos {\n    id\n    message\n    private\n    createdAt\n    giver {\n      id\n      name\n    }\n    recipient {\n      id\n      name\n      team {\n        id\n      }\n    }\n  }\n':
    types.KudosItem_KudosFragmentDoc,
  '\n  subscription KudosGiven($teamId: ID) {\n    kudosGiven(teamId: $teamId) {\n      ...KudosItem_kudos\n    }\n  }\n':
    types.KudosGivenDocument,
  '\n  fragment BoardRows_board on Leaderboard {\n    version\n    metric\n    periodType\n    periodStart\n    periodEnd\n    totalEntries\n    unrankedCount\n    minimumSample\n    team {\n      id\n      name\n    }\n    entries {\n      rank\n      previousRank\n      medal\n      revenue\n      ordersWon\n      leadsCreated\n      opportunitiesClosed\n      conversionRate\n      winRate\n      user {\n        id\n        name\n        team {\n          id\n          name\n        }\n      }\n    }\n    standing(userId: $me) {\n      rank\n      sample\n      gap\n      ahead {\n        user {\n          id\n          name\n        }\n      }\n      entry {\n        rank\n        previousRank\n        medal\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesClosed\n        conversionRate\n        winRate\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n':
    types.BoardRows_BoardFragmentDoc,
  '\n  query LeaderboardTab(\n    $metric: LeaderboardMetric!\n    $periodType: PeriodType!\n    $teamId: ID\n    $date: Date\n    $me: ID!\n  ) {\n    leaderboard(metric: $metric, periodType: $periodType, teamId: $teamId, date: $date, limit: 25) {\n      version\n      periodStart\n      ...BoardRows_board\n    }\n  }\n':
    types.LeaderboardTabDocument,
  '\n  subscription LeaderboardLive($metric: LeaderboardMetric!, $periodType: PeriodType!, $teamId: ID, $me: ID!) {\n    leaderboardChanged(metric: $metric, periodType: $periodType, teamId: $teamId, limit: 25) {\n      version\n      periodStart\n      ...BoardRows_board\n    }\n  }\n':
    types.LeaderboardLiveDocument,
  '\n  fragment NotificationsSection_settings on NotificationSettings {\n    mailEnabled\n    goalProgress\n    goalBehindPace\n    badgeEarned\n    contests\n    teamRank\n    kudos\n    weeklyDigest\n  }\n':
    types.NotificationsSection_SettingsFragmentDoc,
  '\n  query MyNotificationSettings {\n    myNotificationSettings {\n      ...NotificationsSection_settings\n    }\n  }\n':
    types.MyNotificationSettingsDocument,
  '\n  mutation UpdateMyNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateMyNotificationSettings(input: $input) {\n      ...NotificationsSection_settings\n    }\n  }\n':
    types.UpdateMyNotificationSettingsDocument,
  '\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      team {\n        id\n        name\n      }\n    }\n  }\n':
    types.MeDocument,
  '\n  query Directory {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n':
    types.DirectoryDocument,
  '\n  query SummaryCards($userId: ID!, $periodType: PeriodType!, $date: Date) {\n    performance(userId: $userId, periodType: $periodType, date: $date) {\n      periodStart\n      periodEnd\n      revenue\n      ordersWon\n      conversionRate\n      leadsCreated\n      winRate\n      opportunitiesCreated\n      opportunitiesLost\n      comparedWith {\n        periodStart\n        periodEnd\n        revenue\n        conversionRate\n        winRate\n      }\n    }\n    performanceSummary(userId: $userId) {\n      achievementCount\n    }\n    leaderboard(metric: REVENUE, periodType: $periodType, date: $date, limit: 1) {\n      metric\n      periodType\n      minimumSample\n      standing(userId: $userId) {\n        rank\n        sample\n        gap\n        ahead {\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n':
    types.SummaryCardsDocument,
  '\n  fragment TeamFigures_team on TeamPerformance {\n    periodStart\n    memberCount\n    revenue\n    avgRevenuePerMember\n    ordersWon\n    conversionRate\n    winRate\n    team {\n      id\n      name\n    }\n    topPerformer {\n      id\n      name\n    }\n    comparedWith {\n      periodStart\n      periodEnd\n      revenue\n      avgRevenuePerMember\n      ordersWon\n      conversionRate\n      winRate\n    }\n  }\n':
    types.TeamFigures_TeamFragmentDoc,
  '\n  query TeamCards($periodType: PeriodType!, $date: Date, $teamId: ID) {\n    teamPerformance(periodType: $periodType, date: $date, teamId: $teamId) {\n      ...TeamFigures_team\n    }\n  }\n':
    types.TeamCardsDocument,
  '\n  query TeamTab($periodType: PeriodType!, $date: Date, $teamId: ID) {\n    teamPerformance(periodType: $periodType, date: $date, teamId: $teamId) {\n      ...TeamFigures_team\n      team {\n        manager {\n          id\n          name\n        }\n      }\n      members {\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesLost\n        conversionRate\n        winRate\n        user {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n':
    types.TeamTabDocument,
  '\n  query TeamBoard($periodType: PeriodType!, $date: Date, $teamId: ID!) {\n    leaderboard(periodType: $periodType, date: $date, teamId: $teamId, limit: 100) {\n      periodStart\n      entries {\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesClosed\n        conversionRate\n        winRate\n        user {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n':
    types.TeamBoardDocument,
  '\n  fragment TrendFigures_period on PerformancePeriod {\n    revenue\n    ordersWon\n    leadsCreated\n    opportunitiesCreated\n    conversionRate\n    winRate\n    calls\n    meetings\n  }\n':
    types.TrendFigures_PeriodFragmentDoc,
  '\n  query Trends($userId: ID!, $periodType: PeriodType!, $date: Date) {\n    trends(userId: $userId, periodType: $periodType, date: $date, count: 12) {\n      periodStart\n      ...TrendFigures_period\n      partial\n      elapsedDays\n      periodDays\n      previousToDate {\n        periodStart\n        periodEnd\n        ...TrendFigures_period\n      }\n    }\n  }\n':
    types.TrendsDocument,
  '\n  query TeamPeriod($periodType: PeriodType!, $date: Date!, $teamId: ID!) {\n    leaderboard(periodType: $periodType, date: $date, teamId: $teamId, limit: 100) {\n      periodStart\n      entries {\n        revenue\n        ordersWon\n        conversionRate\n        winRate\n        user {\n          id\n        }\n      }\n    }\n  }\n':
    types.TeamPeriodDocument,
  '\n  query Clock {\n    clock {\n      timeZone\n      today\n      paceBasis\n      periods {\n        periodType\n        periodStart\n        periodEnd\n        elapsedDays\n        periodDays\n      }\n    }\n    organisation {\n      currency\n    }\n  }\n':
    types.ClockDocument,
  '\n  subscription FiguresChanged($periodType: PeriodType!, $me: ID!) {\n    leaderboardChanged(periodType: $periodType, limit: 1) {\n      version\n      periodType\n      periodStart\n      standing(userId: $me) {\n        rank\n      }\n    }\n  }\n':
    types.FiguresChangedDocument,
  '\n  query TeamPeriodGoals($teamId: ID!, $periodType: PeriodType!, $date: Date!) {\n    goals(teamId: $teamId, includeMembers: true, periodType: $periodType, date: $date, activeOnly: false) {\n      id\n      metric\n      periodType\n      periodStart\n      targetValue\n      currentValue\n      achievementPercentage\n      status\n      description\n      user {\n        id\n        name\n        team {\n          id\n          name\n        }\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n':
    types.TeamPeriodGoalsDocument,
  '\n  fragment GoalCard_goal on Goal {\n    id\n    metric\n    periodType\n    periodStart\n    periodEnd\n    targetValue\n    currentValue\n    achievementPercentage\n    status\n    projectedValue\n    description\n    version\n    elapsedDays\n    periodDays\n    pace {\n      state\n      expectedValue\n      gap\n      requiredRate\n      daysLeft\n      basis\n    }\n    user {\n      id\n      name\n      team {\n        id\n        name\n      }\n    }\n    team {\n      id\n      name\n    }\n  }\n':
    types.GoalCard_GoalFragmentDoc,
  '\n  mutation CreateGoal($input: CreateGoalInput!) {\n    createGoal(input: $input) {\n      id\n      ...GoalCard_goal\n    }\n  }\n':
    types.CreateGoalDocument,
  '\n  mutation UpdateGoal($id: ID!, $input: UpdateGoalInput!, $expectedVersion: Int) {\n    updateGoal(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...GoalCard_goal\n    }\n  }\n':
    types.UpdateGoalDocument,
  '\n  mutation DeleteGoal($id: ID!) {\n    deleteGoal(id: $id)\n  }\n': types.DeleteGoalDocument,
  '\n  query GoalLink($id: ID!) {\n    goal(id: $id) {\n      id\n      periodType\n      periodStart\n      user {\n        id\n        name\n        team {\n          id\n        }\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n':
    types.GoalLinkDocument,
  '\n    subscription TvAchievement($teamId: ID) {\n      achievementUnlocked(teamId: $teamId) {\n        id\n        badgeIcon\n        title\n        description\n        kind\n        value\n        user {\n          id\n          name\n        }\n      }\n    }\n  ':
    types.TvAchievementDocument,
  '\n  subscription TvKudos($teamId: ID) {\n    kudosGiven(teamId: $teamId) {\n      id\n      message\n      giver {\n        id\n        name\n      }\n      recipient {\n        id\n        name\n      }\n    }\n  }\n':
    types.TvKudosDocument,
  '\n  subscription TvSales($periodType: PeriodType!, $teamId: ID) {\n    leaderboardChanged(metric: REVENUE, periodType: $periodType, teamId: $teamId, limit: 100) {\n      version\n      metric\n      periodStart\n      entries {\n        rank\n        revenue\n        ordersWon\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n':
    types.TvSalesDocument,
  '\n    subscription TvGoalAchieved($teamId: ID) {\n      goalChanged(teamId: $teamId) {\n        id\n        metric\n        status\n        user {\n          id\n          name\n        }\n        team {\n          id\n          name\n        }\n      }\n    }\n  ':
    types.TvGoalAchievedDocument,
  '\n  subscription TvBoard($metric: LeaderboardMetric!, $periodType: PeriodType!, $teamId: ID) {\n    leaderboardChanged(metric: $metric, periodType: $periodType, teamId: $teamId, limit: 10) {\n      version\n      metric\n      periodType\n      periodStart\n      minimumSample\n      unrankedCount\n      team {\n        id\n        name\n      }\n      entries {\n        rank\n        previousRank\n        medal\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesClosed\n        conversionRate\n        winRate\n        user {\n          id\n          name\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n':
    types.TvBoardDocument,
  '\n  subscription TvContest($id: ID!) {\n    contestChanged(id: $id) {\n      contestId\n      name\n      status\n      startsAt\n      endsAt\n      frozen\n      entries {\n        rank\n        value\n        opponentValue\n        leading\n        user {\n          id\n          name\n        }\n        team {\n          id\n          name\n        }\n        opponent {\n          id\n          name\n        }\n      }\n      winners {\n        id\n        name\n      }\n    }\n  }\n':
    types.TvContestDocument,
  '\n  subscription TvContests {\n    contestsChanged {\n      generatedAt\n      contests {\n        id\n        name\n        prize\n        status\n        startsAt\n        endsAt\n        metric\n        format\n      }\n    }\n  }\n':
    types.TvContestsDocument,
  '\n    subscription TvGoalChanged {\n      goalChanged {\n        id\n        metric\n        periodType\n        periodStart\n        periodEnd\n        targetValue\n        currentValue\n        achievementPercentage\n        status\n        projectedValue\n        user {\n          id\n          name\n          team {\n            id\n          }\n        }\n        team {\n          id\n          name\n        }\n      }\n    }\n  ':
    types.TvGoalChangedDocument,
  '\n    subscription TvGoalRemoved {\n      goalRemoved\n    }\n  ': types.TvGoalRemovedDocument,
  '\n  query TvMe {\n    me {\n      id\n      name\n      role\n      team {\n        id\n      }\n    }\n    clock {\n      timeZone\n    }\n    organisation {\n      currency\n    }\n  }\n':
    types.TvMeDocument,
  '\n  subscription MyScreen {\n    myScreen {\n      boards\n      secondsPerBoard\n      periodType\n      pinned\n      showGoals\n      showContests\n      celebrations\n      saleAmount\n      sound\n    }\n  }\n':
    types.MyScreenDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AuditLog($first: Int!, $before: ID) {\n    auditLog(first: $first, before: $before) {\n      id\n      at\n      actorName\n      actor {\n        id\n        name\n      }\n      action\n      targetType\n      targetId\n      before\n      after\n    }\n  }\n',
): (typeof documents)['\n  query AuditLog($first: Int!, $before: ID) {\n    auditLog(first: $first, before: $before) {\n      id\n      at\n      actorName\n      actor {\n        id\n        name\n      }\n      action\n      targetType\n      targetId\n      before\n      after\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PreviewBadgeRule($input: PreviewBadgeRuleInput!) {\n    previewBadgeRule(input: $input) {\n      newCount\n      currentCount\n      periods {\n        periodStart\n        current\n        count\n        newCount\n        people {\n          awarded\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PreviewBadgeRule($input: PreviewBadgeRuleInput!) {\n    previewBadgeRule(input: $input) {\n      newCount\n      currentCount\n      periods {\n        periodStart\n        current\n        count\n        newCount\n        people {\n          awarded\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateBadgeRule($input: CreateBadgeRuleInput!) {\n    createBadgeRule(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateBadgeRule($input: CreateBadgeRuleInput!) {\n    createBadgeRule(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateBadgeRule($id: ID!, $input: UpdateBadgeRuleInput!) {\n    updateBadgeRule(id: $id, input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateBadgeRule($id: ID!, $input: UpdateBadgeRuleInput!) {\n    updateBadgeRule(id: $id, input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query BadgeRulesPage {\n    badgeRules {\n      id\n      title\n      description\n      badgeIcon\n      icon\n      metric\n      periodType\n      threshold\n      active\n      awardsFrom\n    }\n  }\n',
): (typeof documents)['\n  query BadgeRulesPage {\n    badgeRules {\n      id\n      title\n      description\n      badgeIcon\n      icon\n      metric\n      periodType\n      threshold\n      active\n      awardsFrom\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeactivateBadgeRule($id: ID!) {\n    deactivateBadgeRule(id: $id) {\n      id\n      active\n    }\n  }\n',
): (typeof documents)['\n  mutation DeactivateBadgeRule($id: ID!) {\n    deactivateBadgeRule(id: $id) {\n      id\n      active\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment OrganisationSettings_organisation on Organisation {\n    timeZone\n    currency\n    timeZonePinned\n    currencyPinned\n    paceWorkingDays\n  }\n',
): (typeof documents)['\n  fragment OrganisationSettings_organisation on Organisation {\n    timeZone\n    currency\n    timeZonePinned\n    currencyPinned\n    paceWorkingDays\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Organisation {\n    organisation {\n      ...OrganisationSettings_organisation\n    }\n  }\n',
): (typeof documents)['\n  query Organisation {\n    organisation {\n      ...OrganisationSettings_organisation\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      ...OrganisationSettings_organisation\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      ...OrganisationSettings_organisation\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment PeoplePage_person on User {\n    id\n    name\n    email\n    role\n    active\n    team {\n      id\n      name\n    }\n  }\n',
): (typeof documents)['\n  fragment PeoplePage_person on User {\n    id\n    name\n    email\n    role\n    active\n    team {\n      id\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query People {\n    users {\n      ...PeoplePage_person\n    }\n  }\n',
): (typeof documents)['\n  query People {\n    users {\n      ...PeoplePage_person\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment IssuedLink_link on IssuedLink {\n    kind\n    link\n    emailed\n    expiresAt\n    user {\n      id\n      name\n      email\n    }\n  }\n',
): (typeof documents)['\n  fragment IssuedLink_link on IssuedLink {\n    kind\n    link\n    emailed\n    expiresAt\n    user {\n      id\n      name\n      email\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation InviteUser($input: CreateUserInput!) {\n    inviteUser(input: $input) {\n      ...IssuedLink_link\n    }\n  }\n',
): (typeof documents)['\n  mutation InviteUser($input: CreateUserInput!) {\n    inviteUser(input: $input) {\n      ...IssuedLink_link\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation IssuePasswordLink($userId: ID!) {\n    issuePasswordLink(userId: $userId) {\n      ...IssuedLink_link\n    }\n  }\n',
): (typeof documents)['\n  mutation IssuePasswordLink($userId: ID!) {\n    issuePasswordLink(userId: $userId) {\n      ...IssuedLink_link\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AddPerson($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      email\n    }\n  }\n',
): (typeof documents)['\n  mutation AddPerson($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n      email\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...PeoplePage_person\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...PeoplePage_person\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SignOutUserEverywhere($userId: ID!) {\n    signOutEverywhere(userId: $userId)\n  }\n',
): (typeof documents)['\n  mutation SignOutUserEverywhere($userId: ID!) {\n    signOutEverywhere(userId: $userId)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ScreenLayoutDialog_layout on ScreenLayout {\n    boards\n    secondsPerBoard\n    periodType\n    pinned\n    showGoals\n    showContests\n    celebrations\n    saleAmount\n    sound\n  }\n',
): (typeof documents)['\n  fragment ScreenLayoutDialog_layout on ScreenLayout {\n    boards\n    secondsPerBoard\n    periodType\n    pinned\n    showGoals\n    showContests\n    celebrations\n    saleAmount\n    sound\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateScreen($id: ID!, $input: UpdateScreenInput!) {\n    updateScreen(id: $id, input: $input) {\n      id\n      name\n      layout {\n        ...ScreenLayoutDialog_layout\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateScreen($id: ID!, $input: UpdateScreenInput!) {\n    updateScreen(id: $id, input: $input) {\n      id\n      name\n      layout {\n        ...ScreenLayoutDialog_layout\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ScreensPage_screen on Screen {\n    id\n    name\n    active\n    pairedAt\n    lastSeenAt\n    team {\n      id\n      name\n    }\n  }\n',
): (typeof documents)['\n  fragment ScreensPage_screen on Screen {\n    id\n    name\n    active\n    pairedAt\n    lastSeenAt\n    team {\n      id\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Screens {\n    screens {\n      ...ScreensPage_screen\n      layout {\n        ...ScreenLayoutDialog_layout\n      }\n      health {\n        online\n        clientVersion\n        resolution\n        reconnects24h\n        offlineTooLong\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Screens {\n    screens {\n      ...ScreensPage_screen\n      layout {\n        ...ScreenLayoutDialog_layout\n      }\n      health {\n        online\n        clientVersion\n        resolution\n        reconnects24h\n        offlineTooLong\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PairScreen($input: PairScreenInput!) {\n    pairScreen(input: $input) {\n      ...ScreensPage_screen\n    }\n  }\n',
): (typeof documents)['\n  mutation PairScreen($input: PairScreenInput!) {\n    pairScreen(input: $input) {\n      ...ScreensPage_screen\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevokeScreen($id: ID!) {\n    revokeScreen(id: $id) {\n      id\n      active\n      lastSeenAt\n    }\n  }\n',
): (typeof documents)['\n  mutation RevokeScreen($id: ID!) {\n    revokeScreen(id: $id) {\n      id\n      active\n      lastSeenAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TeamsPage {\n    teams {\n      id\n      name\n      manager {\n        id\n        name\n      }\n    }\n    users {\n      id\n      name\n      role\n      active\n      team {\n        id\n      }\n    }\n  }\n',
): (typeof documents)['\n  query TeamsPage {\n    teams {\n      id\n      name\n      manager {\n        id\n        name\n      }\n    }\n    users {\n      id\n      name\n      role\n      active\n      team {\n        id\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {\n    updateTeam(id: $id, input: $input) {\n      id\n      name\n      manager {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {\n    updateTeam(id: $id, input: $input) {\n      id\n      name\n      manager {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation MoveMember($id: ID!, $teamId: ID) {\n    updateUser(id: $id, input: { teamId: $teamId }) {\n      id\n      team {\n        id\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation MoveMember($id: ID!, $teamId: ID) {\n    updateUser(id: $id, input: { teamId: $teamId }) {\n      id\n      team {\n        id\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Webhooks {\n    webhooks {\n      id\n      url\n      events\n      paused\n      format\n      digestMinutes\n      createdAt\n      recentDeliveries {\n        id\n        event\n        status\n        attempts\n        lastStatusCode\n        lastError\n        nextAttemptAt\n        deliveredAt\n        createdAt\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Webhooks {\n    webhooks {\n      id\n      url\n      events\n      paused\n      format\n      digestMinutes\n      createdAt\n      recentDeliveries {\n        id\n        event\n        status\n        attempts\n        lastStatusCode\n        lastError\n        nextAttemptAt\n        deliveredAt\n        createdAt\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      id\n      format\n      digestMinutes\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      id\n      format\n      digestMinutes\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PauseWebhook($id: ID!) {\n    pauseWebhook(id: $id) {\n      id\n      paused\n    }\n  }\n',
): (typeof documents)['\n  mutation PauseWebhook($id: ID!) {\n    pauseWebhook(id: $id) {\n      id\n      paused\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResumeWebhook($id: ID!) {\n    resumeWebhook(id: $id) {\n      id\n      paused\n    }\n  }\n',
): (typeof documents)['\n  mutation ResumeWebhook($id: ID!) {\n    resumeWebhook(id: $id) {\n      id\n      paused\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n',
): (typeof documents)['\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RedeliverWebhookDelivery($id: ID!) {\n    redeliverWebhookDelivery(id: $id) {\n      id\n      status\n      attempts\n    }\n  }\n',
): (typeof documents)['\n  mutation RedeliverWebhookDelivery($id: ID!) {\n    redeliverWebhookDelivery(id: $id) {\n      id\n      status\n      attempts\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateContest($input: CreateContestInput!) {\n    createContest(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateContest($input: CreateContestInput!) {\n    createContest(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateContest($id: ID!, $input: UpdateContestInput!) {\n    updateContest(id: $id, input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateContest($id: ID!, $input: UpdateContestInput!) {\n    updateContest(id: $id, input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ContestInfo($id: ID!) {\n    contest(id: $id) {\n      id\n      name\n      description\n      prize\n      startsAt\n      endsAt\n      metric\n      activityKind\n      goalMetric\n      format\n      everyone\n      status\n      users {\n        id\n      }\n      teams {\n        id\n        name\n      }\n      pairs {\n        user {\n          id\n        }\n        opponent {\n          id\n        }\n      }\n    }\n    organisation {\n      currency\n    }\n  }\n',
): (typeof documents)['\n  query ContestInfo($id: ID!) {\n    contest(id: $id) {\n      id\n      name\n      description\n      prize\n      startsAt\n      endsAt\n      metric\n      activityKind\n      goalMetric\n      format\n      everyone\n      status\n      users {\n        id\n      }\n      teams {\n        id\n        name\n      }\n      pairs {\n        user {\n          id\n        }\n        opponent {\n          id\n        }\n      }\n    }\n    organisation {\n      currency\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription ContestLive($id: ID!) {\n    contestChanged(id: $id) {\n      contestId\n      status\n      startsAt\n      endsAt\n      generatedAt\n      frozen\n      closedAt\n      entries {\n        rank\n        value\n        members\n        opponentValue\n        leading\n        user {\n          id\n          name\n        }\n        team {\n          id\n          name\n        }\n        opponent {\n          id\n          name\n        }\n      }\n      winners {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  subscription ContestLive($id: ID!) {\n    contestChanged(id: $id) {\n      contestId\n      status\n      startsAt\n      endsAt\n      generatedAt\n      frozen\n      closedAt\n      entries {\n        rank\n        value\n        members\n        opponentValue\n        leading\n        user {\n          id\n          name\n        }\n        team {\n          id\n          name\n        }\n        opponent {\n          id\n          name\n        }\n      }\n      winners {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Contests {\n    contests(limit: 100) {\n      id\n      name\n      prize\n      startsAt\n      endsAt\n      metric\n      format\n      status\n    }\n  }\n',
): (typeof documents)['\n  query Contests {\n    contests(limit: 100) {\n      id\n      name\n      prize\n      startsAt\n      endsAt\n      metric\n      format\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChangePassword($currentPassword: String, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n',
): (typeof documents)['\n  mutation ChangePassword($currentPassword: String, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SignOutEverywhere($userId: ID!) {\n    signOutEverywhere(userId: $userId)\n  }\n',
): (typeof documents)['\n  mutation SignOutEverywhere($userId: ID!) {\n    signOutEverywhere(userId: $userId)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment AchievementCard_achievement on Achievement {\n    id\n    badgeIcon\n    title\n    description\n    kind\n    achievedAt\n    value\n    user {\n      id\n      name\n    }\n  }\n',
): (typeof documents)['\n  fragment AchievementCard_achievement on Achievement {\n    id\n    badgeIcon\n    title\n    description\n    kind\n    achievedAt\n    value\n    user {\n      id\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AchievementsTab($userId: ID, $teamId: ID, $limit: Int!) {\n    achievements(userId: $userId, teamId: $teamId, limit: $limit) {\n      id\n      achievedAt\n      user {\n        id\n        team {\n          id\n        }\n      }\n      ...AchievementCard_achievement\n    }\n  }\n',
): (typeof documents)['\n  query AchievementsTab($userId: ID, $teamId: ID, $limit: Int!) {\n    achievements(userId: $userId, teamId: $teamId, limit: $limit) {\n      id\n      achievedAt\n      user {\n        id\n        team {\n          id\n        }\n      }\n      ...AchievementCard_achievement\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription AchievementUnlocked($teamId: ID) {\n    achievementUnlocked(teamId: $teamId) {\n      id\n      achievedAt\n      user {\n        id\n        team {\n          id\n        }\n      }\n      ...AchievementCard_achievement\n    }\n  }\n',
): (typeof documents)['\n  subscription AchievementUnlocked($teamId: ID) {\n    achievementUnlocked(teamId: $teamId) {\n      id\n      achievedAt\n      user {\n        id\n        team {\n          id\n        }\n      }\n      ...AchievementCard_achievement\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AchievementProgress($userId: ID!) {\n    achievementProgress(userId: $userId) {\n      rule {\n        id\n        title\n        badgeIcon\n        description\n        metric\n        periodType\n        threshold\n      }\n      periodStart\n      current\n      remaining\n      earned\n    }\n  }\n',
): (typeof documents)['\n  query AchievementProgress($userId: ID!) {\n    achievementProgress(userId: $userId) {\n      rule {\n        id\n        title\n        badgeIcon\n        description\n        metric\n        periodType\n        threshold\n      }\n      periodStart\n      current\n      remaining\n      earned\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n      active\n    }\n  }\n',
): (typeof documents)['\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n      active\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      lastUsedAt\n      revokedAt\n      active\n    }\n  }\n',
): (typeof documents)['\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      lastUsedAt\n      revokedAt\n      active\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query GoalContributions($id: ID!, $first: Int!, $after: String) {\n    goal(id: $id) {\n      id\n      contributions(first: $first, after: $after) {\n        totalCount\n        total\n        pushed\n        hasNextPage\n        endCursor\n        nodes {\n          id\n          kind\n          amount\n          occurredAt\n          recordedAt\n          recordedVia\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query GoalContributions($id: ID!, $first: Int!, $after: String) {\n    goal(id: $id) {\n      id\n      contributions(first: $first, after: $after) {\n        totalCount\n        total\n        pushed\n        hasNextPage\n        endCursor\n        nodes {\n          id\n          kind\n          amount\n          occurredAt\n          recordedAt\n          recordedVia\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query EntryContributions(\n    $metric: LeaderboardMetric!\n    $periodType: PeriodType!\n    $date: Date!\n    $teamId: ID\n    $userId: ID!\n    $first: Int!\n    $after: String\n  ) {\n    leaderboard(metric: $metric, periodType: $periodType, date: $date, teamId: $teamId, limit: 1) {\n      standing(userId: $userId) {\n        entry {\n          contributions(first: $first, after: $after) {\n            totalCount\n            total\n            pushed\n            hasNextPage\n            endCursor\n            nodes {\n              id\n              kind\n              amount\n              occurredAt\n              recordedAt\n              recordedVia\n            }\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query EntryContributions(\n    $metric: LeaderboardMetric!\n    $periodType: PeriodType!\n    $date: Date!\n    $teamId: ID\n    $userId: ID!\n    $first: Int!\n    $after: String\n  ) {\n    leaderboard(metric: $metric, periodType: $periodType, date: $date, teamId: $teamId, limit: 1) {\n      standing(userId: $userId) {\n        entry {\n          contributions(first: $first, after: $after) {\n            totalCount\n            total\n            pushed\n            hasNextPage\n            endCursor\n            nodes {\n              id\n              kind\n              amount\n              occurredAt\n              recordedAt\n              recordedVia\n            }\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment GoalsTab_goal on Goal {\n    id\n    status\n    achievementPercentage\n    periodStart\n    periodEnd\n    user {\n      id\n      name\n      team {\n        id\n      }\n    }\n    team {\n      id\n      name\n    }\n  }\n',
): (typeof documents)['\n  fragment GoalsTab_goal on Goal {\n    id\n    status\n    achievementPercentage\n    periodStart\n    periodEnd\n    user {\n      id\n      name\n      team {\n        id\n      }\n    }\n    team {\n      id\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query GoalsTab($periodType: PeriodType!, $date: Date, $teamId: ID, $includeMembers: Boolean) {\n    goals(\n      periodType: $periodType\n      date: $date\n      teamId: $teamId\n      includeMembers: $includeMembers\n      activeOnly: false\n    ) {\n      id\n      ...GoalsTab_goal\n      ...GoalCard_goal\n    }\n  }\n',
): (typeof documents)['\n  query GoalsTab($periodType: PeriodType!, $date: Date, $teamId: ID, $includeMembers: Boolean) {\n    goals(\n      periodType: $periodType\n      date: $date\n      teamId: $teamId\n      includeMembers: $includeMembers\n      activeOnly: false\n    ) {\n      id\n      ...GoalsTab_goal\n      ...GoalCard_goal\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription GoalChanged {\n    goalChanged {\n      id\n      ...GoalsTab_goal\n      ...GoalCard_goal\n    }\n  }\n',
): (typeof documents)['\n  subscription GoalChanged {\n    goalChanged {\n      id\n      ...GoalsTab_goal\n      ...GoalCard_goal\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription GoalRemoved {\n    goalRemoved\n  }\n',
): (typeof documents)['\n  subscription GoalRemoved {\n    goalRemoved\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation GiveKudos($input: GiveKudosInput!) {\n    giveKudos(input: $input) {\n      id\n      recipient {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation GiveKudos($input: GiveKudosInput!) {\n    giveKudos(input: $input) {\n      id\n      recipient {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query KudosFeed($userId: ID, $teamId: ID, $first: Int!) {\n    kudos(userId: $userId, teamId: $teamId, first: $first) {\n      hasNextPage\n      nodes {\n        ...KudosItem_kudos\n      }\n    }\n  }\n',
): (typeof documents)['\n  query KudosFeed($userId: ID, $teamId: ID, $first: Int!) {\n    kudos(userId: $userId, teamId: $teamId, first: $first) {\n      hasNextPage\n      nodes {\n        ...KudosItem_kudos\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment KudosItem_kudos on Kudos {\n    id\n    message\n    private\n    createdAt\n    giver {\n      id\n      name\n    }\n    recipient {\n      id\n      name\n      team {\n        id\n      }\n    }\n  }\n',
): (typeof documents)['\n  fragment KudosItem_kudos on Kudos {\n    id\n    message\n    private\n    createdAt\n    giver {\n      id\n      name\n    }\n    recipient {\n      id\n      name\n      team {\n        id\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription KudosGiven($teamId: ID) {\n    kudosGiven(teamId: $teamId) {\n      ...KudosItem_kudos\n    }\n  }\n',
): (typeof documents)['\n  subscription KudosGiven($teamId: ID) {\n    kudosGiven(teamId: $teamId) {\n      ...KudosItem_kudos\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment BoardRows_board on Leaderboard {\n    version\n    metric\n    periodType\n    periodStart\n    periodEnd\n    totalEntries\n    unrankedCount\n    minimumSample\n    team {\n      id\n      name\n    }\n    entries {\n      rank\n      previousRank\n      medal\n      revenue\n      ordersWon\n      leadsCreated\n      opportunitiesClosed\n      conversionRate\n      winRate\n      user {\n        id\n        name\n        team {\n          id\n          name\n        }\n      }\n    }\n    standing(userId: $me) {\n      rank\n      sample\n      gap\n      ahead {\n        user {\n          id\n          name\n        }\n      }\n      entry {\n        rank\n        previousRank\n        medal\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesClosed\n        conversionRate\n        winRate\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  fragment BoardRows_board on Leaderboard {\n    version\n    metric\n    periodType\n    periodStart\n    periodEnd\n    totalEntries\n    unrankedCount\n    minimumSample\n    team {\n      id\n      name\n    }\n    entries {\n      rank\n      previousRank\n      medal\n      revenue\n      ordersWon\n      leadsCreated\n      opportunitiesClosed\n      conversionRate\n      winRate\n      user {\n        id\n        name\n        team {\n          id\n          name\n        }\n      }\n    }\n    standing(userId: $me) {\n      rank\n      sample\n      gap\n      ahead {\n        user {\n          id\n          name\n        }\n      }\n      entry {\n        rank\n        previousRank\n        medal\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesClosed\n        conversionRate\n        winRate\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query LeaderboardTab(\n    $metric: LeaderboardMetric!\n    $periodType: PeriodType!\n    $teamId: ID\n    $date: Date\n    $me: ID!\n  ) {\n    leaderboard(metric: $metric, periodType: $periodType, teamId: $teamId, date: $date, limit: 25) {\n      version\n      periodStart\n      ...BoardRows_board\n    }\n  }\n',
): (typeof documents)['\n  query LeaderboardTab(\n    $metric: LeaderboardMetric!\n    $periodType: PeriodType!\n    $teamId: ID\n    $date: Date\n    $me: ID!\n  ) {\n    leaderboard(metric: $metric, periodType: $periodType, teamId: $teamId, date: $date, limit: 25) {\n      version\n      periodStart\n      ...BoardRows_board\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription LeaderboardLive($metric: LeaderboardMetric!, $periodType: PeriodType!, $teamId: ID, $me: ID!) {\n    leaderboardChanged(metric: $metric, periodType: $periodType, teamId: $teamId, limit: 25) {\n      version\n      periodStart\n      ...BoardRows_board\n    }\n  }\n',
): (typeof documents)['\n  subscription LeaderboardLive($metric: LeaderboardMetric!, $periodType: PeriodType!, $teamId: ID, $me: ID!) {\n    leaderboardChanged(metric: $metric, periodType: $periodType, teamId: $teamId, limit: 25) {\n      version\n      periodStart\n      ...BoardRows_board\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment NotificationsSection_settings on NotificationSettings {\n    mailEnabled\n    goalProgress\n    goalBehindPace\n    badgeEarned\n    contests\n    teamRank\n    kudos\n    weeklyDigest\n  }\n',
): (typeof documents)['\n  fragment NotificationsSection_settings on NotificationSettings {\n    mailEnabled\n    goalProgress\n    goalBehindPace\n    badgeEarned\n    contests\n    teamRank\n    kudos\n    weeklyDigest\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MyNotificationSettings {\n    myNotificationSettings {\n      ...NotificationsSection_settings\n    }\n  }\n',
): (typeof documents)['\n  query MyNotificationSettings {\n    myNotificationSettings {\n      ...NotificationsSection_settings\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateMyNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateMyNotificationSettings(input: $input) {\n      ...NotificationsSection_settings\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateMyNotificationSettings($input: UpdateNotificationSettingsInput!) {\n    updateMyNotificationSettings(input: $input) {\n      ...NotificationsSection_settings\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      team {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      team {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Directory {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Directory {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SummaryCards($userId: ID!, $periodType: PeriodType!, $date: Date) {\n    performance(userId: $userId, periodType: $periodType, date: $date) {\n      periodStart\n      periodEnd\n      revenue\n      ordersWon\n      conversionRate\n      leadsCreated\n      winRate\n      opportunitiesCreated\n      opportunitiesLost\n      comparedWith {\n        periodStart\n        periodEnd\n        revenue\n        conversionRate\n        winRate\n      }\n    }\n    performanceSummary(userId: $userId) {\n      achievementCount\n    }\n    leaderboard(metric: REVENUE, periodType: $periodType, date: $date, limit: 1) {\n      metric\n      periodType\n      minimumSample\n      standing(userId: $userId) {\n        rank\n        sample\n        gap\n        ahead {\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SummaryCards($userId: ID!, $periodType: PeriodType!, $date: Date) {\n    performance(userId: $userId, periodType: $periodType, date: $date) {\n      periodStart\n      periodEnd\n      revenue\n      ordersWon\n      conversionRate\n      leadsCreated\n      winRate\n      opportunitiesCreated\n      opportunitiesLost\n      comparedWith {\n        periodStart\n        periodEnd\n        revenue\n        conversionRate\n        winRate\n      }\n    }\n    performanceSummary(userId: $userId) {\n      achievementCount\n    }\n    leaderboard(metric: REVENUE, periodType: $periodType, date: $date, limit: 1) {\n      metric\n      periodType\n      minimumSample\n      standing(userId: $userId) {\n        rank\n        sample\n        gap\n        ahead {\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment TeamFigures_team on TeamPerformance {\n    periodStart\n    memberCount\n    revenue\n    avgRevenuePerMember\n    ordersWon\n    conversionRate\n    winRate\n    team {\n      id\n      name\n    }\n    topPerformer {\n      id\n      name\n    }\n    comparedWith {\n      periodStart\n      periodEnd\n      revenue\n      avgRevenuePerMember\n      ordersWon\n      conversionRate\n      winRate\n    }\n  }\n',
): (typeof documents)['\n  fragment TeamFigures_team on TeamPerformance {\n    periodStart\n    memberCount\n    revenue\n    avgRevenuePerMember\n    ordersWon\n    conversionRate\n    winRate\n    team {\n      id\n      name\n    }\n    topPerformer {\n      id\n      name\n    }\n    comparedWith {\n      periodStart\n      periodEnd\n      revenue\n      avgRevenuePerMember\n      ordersWon\n      conversionRate\n      winRate\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TeamCards($periodType: PeriodType!, $date: Date, $teamId: ID) {\n    teamPerformance(periodType: $periodType, date: $date, teamId: $teamId) {\n      ...TeamFigures_team\n    }\n  }\n',
): (typeof documents)['\n  query TeamCards($periodType: PeriodType!, $date: Date, $teamId: ID) {\n    teamPerformance(periodType: $periodType, date: $date, teamId: $teamId) {\n      ...TeamFigures_team\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TeamTab($periodType: PeriodType!, $date: Date, $teamId: ID) {\n    teamPerformance(periodType: $periodType, date: $date, teamId: $teamId) {\n      ...TeamFigures_team\n      team {\n        manager {\n          id\n          name\n        }\n      }\n      members {\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesLost\n        conversionRate\n        winRate\n        user {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query TeamTab($periodType: PeriodType!, $date: Date, $teamId: ID) {\n    teamPerformance(periodType: $periodType, date: $date, teamId: $teamId) {\n      ...TeamFigures_team\n      team {\n        manager {\n          id\n          name\n        }\n      }\n      members {\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesLost\n        conversionRate\n        winRate\n        user {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TeamBoard($periodType: PeriodType!, $date: Date, $teamId: ID!) {\n    leaderboard(periodType: $periodType, date: $date, teamId: $teamId, limit: 100) {\n      periodStart\n      entries {\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesClosed\n        conversionRate\n        winRate\n        user {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query TeamBoard($periodType: PeriodType!, $date: Date, $teamId: ID!) {\n    leaderboard(periodType: $periodType, date: $date, teamId: $teamId, limit: 100) {\n      periodStart\n      entries {\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesClosed\n        conversionRate\n        winRate\n        user {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment TrendFigures_period on PerformancePeriod {\n    revenue\n    ordersWon\n    leadsCreated\n    opportunitiesCreated\n    conversionRate\n    winRate\n    calls\n    meetings\n  }\n',
): (typeof documents)['\n  fragment TrendFigures_period on PerformancePeriod {\n    revenue\n    ordersWon\n    leadsCreated\n    opportunitiesCreated\n    conversionRate\n    winRate\n    calls\n    meetings\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Trends($userId: ID!, $periodType: PeriodType!, $date: Date) {\n    trends(userId: $userId, periodType: $periodType, date: $date, count: 12) {\n      periodStart\n      ...TrendFigures_period\n      partial\n      elapsedDays\n      periodDays\n      previousToDate {\n        periodStart\n        periodEnd\n        ...TrendFigures_period\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Trends($userId: ID!, $periodType: PeriodType!, $date: Date) {\n    trends(userId: $userId, periodType: $periodType, date: $date, count: 12) {\n      periodStart\n      ...TrendFigures_period\n      partial\n      elapsedDays\n      periodDays\n      previousToDate {\n        periodStart\n        periodEnd\n        ...TrendFigures_period\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TeamPeriod($periodType: PeriodType!, $date: Date!, $teamId: ID!) {\n    leaderboard(periodType: $periodType, date: $date, teamId: $teamId, limit: 100) {\n      periodStart\n      entries {\n        revenue\n        ordersWon\n        conversionRate\n        winRate\n        user {\n          id\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query TeamPeriod($periodType: PeriodType!, $date: Date!, $teamId: ID!) {\n    leaderboard(periodType: $periodType, date: $date, teamId: $teamId, limit: 100) {\n      periodStart\n      entries {\n        revenue\n        ordersWon\n        conversionRate\n        winRate\n        user {\n          id\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Clock {\n    clock {\n      timeZone\n      today\n      paceBasis\n      periods {\n        periodType\n        periodStart\n        periodEnd\n        elapsedDays\n        periodDays\n      }\n    }\n    organisation {\n      currency\n    }\n  }\n',
): (typeof documents)['\n  query Clock {\n    clock {\n      timeZone\n      today\n      paceBasis\n      periods {\n        periodType\n        periodStart\n        periodEnd\n        elapsedDays\n        periodDays\n      }\n    }\n    organisation {\n      currency\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription FiguresChanged($periodType: PeriodType!, $me: ID!) {\n    leaderboardChanged(periodType: $periodType, limit: 1) {\n      version\n      periodType\n      periodStart\n      standing(userId: $me) {\n        rank\n      }\n    }\n  }\n',
): (typeof documents)['\n  subscription FiguresChanged($periodType: PeriodType!, $me: ID!) {\n    leaderboardChanged(periodType: $periodType, limit: 1) {\n      version\n      periodType\n      periodStart\n      standing(userId: $me) {\n        rank\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TeamPeriodGoals($teamId: ID!, $periodType: PeriodType!, $date: Date!) {\n    goals(teamId: $teamId, includeMembers: true, periodType: $periodType, date: $date, activeOnly: false) {\n      id\n      metric\n      periodType\n      periodStart\n      targetValue\n      currentValue\n      achievementPercentage\n      status\n      description\n      user {\n        id\n        name\n        team {\n          id\n          name\n        }\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  query TeamPeriodGoals($teamId: ID!, $periodType: PeriodType!, $date: Date!) {\n    goals(teamId: $teamId, includeMembers: true, periodType: $periodType, date: $date, activeOnly: false) {\n      id\n      metric\n      periodType\n      periodStart\n      targetValue\n      currentValue\n      achievementPercentage\n      status\n      description\n      user {\n        id\n        name\n        team {\n          id\n          name\n        }\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment GoalCard_goal on Goal {\n    id\n    metric\n    periodType\n    periodStart\n    periodEnd\n    targetValue\n    currentValue\n    achievementPercentage\n    status\n    projectedValue\n    description\n    version\n    elapsedDays\n    periodDays\n    pace {\n      state\n      expectedValue\n      gap\n      requiredRate\n      daysLeft\n      basis\n    }\n    user {\n      id\n      name\n      team {\n        id\n        name\n      }\n    }\n    team {\n      id\n      name\n    }\n  }\n',
): (typeof documents)['\n  fragment GoalCard_goal on Goal {\n    id\n    metric\n    periodType\n    periodStart\n    periodEnd\n    targetValue\n    currentValue\n    achievementPercentage\n    status\n    projectedValue\n    description\n    version\n    elapsedDays\n    periodDays\n    pace {\n      state\n      expectedValue\n      gap\n      requiredRate\n      daysLeft\n      basis\n    }\n    user {\n      id\n      name\n      team {\n        id\n        name\n      }\n    }\n    team {\n      id\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateGoal($input: CreateGoalInput!) {\n    createGoal(input: $input) {\n      id\n      ...GoalCard_goal\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateGoal($input: CreateGoalInput!) {\n    createGoal(input: $input) {\n      id\n      ...GoalCard_goal\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateGoal($id: ID!, $input: UpdateGoalInput!, $expectedVersion: Int) {\n    updateGoal(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...GoalCard_goal\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateGoal($id: ID!, $input: UpdateGoalInput!, $expectedVersion: Int) {\n    updateGoal(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...GoalCard_goal\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteGoal($id: ID!) {\n    deleteGoal(id: $id)\n  }\n',
): (typeof documents)['\n  mutation DeleteGoal($id: ID!) {\n    deleteGoal(id: $id)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query GoalLink($id: ID!) {\n    goal(id: $id) {\n      id\n      periodType\n      periodStart\n      user {\n        id\n        name\n        team {\n          id\n        }\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  query GoalLink($id: ID!) {\n    goal(id: $id) {\n      id\n      periodType\n      periodStart\n      user {\n        id\n        name\n        team {\n          id\n        }\n      }\n      team {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n    subscription TvAchievement($teamId: ID) {\n      achievementUnlocked(teamId: $teamId) {\n        id\n        badgeIcon\n        title\n        description\n        kind\n        value\n        user {\n          id\n          name\n        }\n      }\n    }\n  ',
): (typeof documents)['\n    subscription TvAchievement($teamId: ID) {\n      achievementUnlocked(teamId: $teamId) {\n        id\n        badgeIcon\n        title\n        description\n        kind\n        value\n        user {\n          id\n          name\n        }\n      }\n    }\n  '];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription TvKudos($teamId: ID) {\n    kudosGiven(teamId: $teamId) {\n      id\n      message\n      giver {\n        id\n        name\n      }\n      recipient {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  subscription TvKudos($teamId: ID) {\n    kudosGiven(teamId: $teamId) {\n      id\n      message\n      giver {\n        id\n        name\n      }\n      recipient {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription TvSales($periodType: PeriodType!, $teamId: ID) {\n    leaderboardChanged(metric: REVENUE, periodType: $periodType, teamId: $teamId, limit: 100) {\n      version\n      metric\n      periodStart\n      entries {\n        rank\n        revenue\n        ordersWon\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  subscription TvSales($periodType: PeriodType!, $teamId: ID) {\n    leaderboardChanged(metric: REVENUE, periodType: $periodType, teamId: $teamId, limit: 100) {\n      version\n      metric\n      periodStart\n      entries {\n        rank\n        revenue\n        ordersWon\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n    subscription TvGoalAchieved($teamId: ID) {\n      goalChanged(teamId: $teamId) {\n        id\n        metric\n        status\n        user {\n          id\n          name\n        }\n        team {\n          id\n          name\n        }\n      }\n    }\n  ',
): (typeof documents)['\n    subscription TvGoalAchieved($teamId: ID) {\n      goalChanged(teamId: $teamId) {\n        id\n        metric\n        status\n        user {\n          id\n          name\n        }\n        team {\n          id\n          name\n        }\n      }\n    }\n  '];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription TvBoard($metric: LeaderboardMetric!, $periodType: PeriodType!, $teamId: ID) {\n    leaderboardChanged(metric: $metric, periodType: $periodType, teamId: $teamId, limit: 10) {\n      version\n      metric\n      periodType\n      periodStart\n      minimumSample\n      unrankedCount\n      team {\n        id\n        name\n      }\n      entries {\n        rank\n        previousRank\n        medal\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesClosed\n        conversionRate\n        winRate\n        user {\n          id\n          name\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  subscription TvBoard($metric: LeaderboardMetric!, $periodType: PeriodType!, $teamId: ID) {\n    leaderboardChanged(metric: $metric, periodType: $periodType, teamId: $teamId, limit: 10) {\n      version\n      metric\n      periodType\n      periodStart\n      minimumSample\n      unrankedCount\n      team {\n        id\n        name\n      }\n      entries {\n        rank\n        previousRank\n        medal\n        revenue\n        ordersWon\n        leadsCreated\n        opportunitiesClosed\n        conversionRate\n        winRate\n        user {\n          id\n          name\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription TvContest($id: ID!) {\n    contestChanged(id: $id) {\n      contestId\n      name\n      status\n      startsAt\n      endsAt\n      frozen\n      entries {\n        rank\n        value\n        opponentValue\n        leading\n        user {\n          id\n          name\n        }\n        team {\n          id\n          name\n        }\n        opponent {\n          id\n          name\n        }\n      }\n      winners {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  subscription TvContest($id: ID!) {\n    contestChanged(id: $id) {\n      contestId\n      name\n      status\n      startsAt\n      endsAt\n      frozen\n      entries {\n        rank\n        value\n        opponentValue\n        leading\n        user {\n          id\n          name\n        }\n        team {\n          id\n          name\n        }\n        opponent {\n          id\n          name\n        }\n      }\n      winners {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription TvContests {\n    contestsChanged {\n      generatedAt\n      contests {\n        id\n        name\n        prize\n        status\n        startsAt\n        endsAt\n        metric\n        format\n      }\n    }\n  }\n',
): (typeof documents)['\n  subscription TvContests {\n    contestsChanged {\n      generatedAt\n      contests {\n        id\n        name\n        prize\n        status\n        startsAt\n        endsAt\n        metric\n        format\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n    subscription TvGoalChanged {\n      goalChanged {\n        id\n        metric\n        periodType\n        periodStart\n        periodEnd\n        targetValue\n        currentValue\n        achievementPercentage\n        status\n        projectedValue\n        user {\n          id\n          name\n          team {\n            id\n          }\n        }\n        team {\n          id\n          name\n        }\n      }\n    }\n  ',
): (typeof documents)['\n    subscription TvGoalChanged {\n      goalChanged {\n        id\n        metric\n        periodType\n        periodStart\n        periodEnd\n        targetValue\n        currentValue\n        achievementPercentage\n        status\n        projectedValue\n        user {\n          id\n          name\n          team {\n            id\n          }\n        }\n        team {\n          id\n          name\n        }\n      }\n    }\n  '];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n    subscription TvGoalRemoved {\n      goalRemoved\n    }\n  ',
): (typeof documents)['\n    subscription TvGoalRemoved {\n      goalRemoved\n    }\n  '];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TvMe {\n    me {\n      id\n      name\n      role\n      team {\n        id\n      }\n    }\n    clock {\n      timeZone\n    }\n    organisation {\n      currency\n    }\n  }\n',
): (typeof documents)['\n  query TvMe {\n    me {\n      id\n      name\n      role\n      team {\n        id\n      }\n    }\n    clock {\n      timeZone\n    }\n    organisation {\n      currency\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription MyScreen {\n    myScreen {\n      boards\n      secondsPerBoard\n      periodType\n      pinned\n      showGoals\n      showContests\n      celebrations\n      saleAmount\n      sound\n    }\n  }\n',
): (typeof documents)['\n  subscription MyScreen {\n    myScreen {\n      boards\n      secondsPerBoard\n      periodType\n      pinned\n      showGoals\n      showContests\n      celebrations\n      saleAmount\n      sound\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
