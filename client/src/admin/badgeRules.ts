/**
 * What the Badges page says about badge rules (issue 19), pure so it is tested without a server:
 * a rule in words ("Orders ≥ 3 in a month"), a previewed period's name, the icon of the client's
 * set each BadgeIconName draws (its name, lower case), and the definition key that tells the
 * editor whether its preview still matches what it would save.
 */
import type { BadgeIconName, PeriodType, RuleMetric } from '../gql/graphql.ts';
import type { IconName } from '../components/icons/Icon.tsx';
import { formatCount, formatMoney } from '../lib/format.ts';
import { METRIC_NAMES } from '../lib/goals.ts';
import { PERIOD_NAMES, periodLabel } from '../lib/periods.ts';
import { BADGE_ICON_NAMES, RULE_METRICS as ALL_RULE_METRICS } from '../../../schema/db/constants.ts';

/** The server's lists (schema/db/constants.ts, the one list of each). */
export const RULE_METRICS: readonly RuleMetric[] = ALL_RULE_METRICS;
export const BADGE_ICONS: readonly BadgeIconName[] = BADGE_ICON_NAMES;

export const iconOf = (name: BadgeIconName): IconName => name.toLowerCase() as IconName;

/** "Revenue ≥ $10,000 in a lifetime", "Orders ≥ 3 in a month". */
export function ruleInWords(metric: RuleMetric, periodType: PeriodType | null, threshold: number): string {
  const value = metric === 'REVENUE' ? formatMoney(threshold) : formatCount(threshold);
  const when = periodType ? `in a ${PERIOD_NAMES[periodType].toLowerCase()}` : 'in a lifetime';
  return `${METRIC_NAMES[metric]} ≥ ${value} ${when}`;
}

/** A previewed period's name: "November 2025", or "Lifetime". */
export const previewPeriodName = (periodType: PeriodType | null, start: string | null): string =>
  periodType && start ? periodLabel(periodType, start) : 'Lifetime';

export interface RuleDefinition {
  metric: RuleMetric;
  periodType?: PeriodType | null;
  threshold: string;
}

/** Equal for two definitions that award the same (thresholds compared as numbers). */
export const definitionKey = (d: RuleDefinition): string =>
  `${d.metric}|${d.periodType ?? 'LIFETIME'}|${Number(d.threshold)}`;
