import { pgEnum } from 'drizzle-orm/pg-core';
import {
  ACTIVITY_KINDS,
  DELIVERY_STATUSES,
  GOAL_METRICS,
  GOAL_STATUSES,
  PERIOD_TYPES,
  ROLES,
  RULE_METRICS,
  WEBHOOK_EVENTS,
} from './constants.ts';

export const roleEnum = pgEnum('role', ROLES);
export const periodTypeEnum = pgEnum('period_type', PERIOD_TYPES);
export const activityKindEnum = pgEnum('activity_kind', ACTIVITY_KINDS);
export const goalMetricEnum = pgEnum('goal_metric', GOAL_METRICS);
export const goalStatusEnum = pgEnum('goal_status', GOAL_STATUSES);
export const ruleMetricEnum = pgEnum('rule_metric', RULE_METRICS);
export const webhookEventEnum = pgEnum('webhook_event', WEBHOOK_EVENTS);
export const deliveryStatusEnum = pgEnum('webhook_delivery_status', DELIVERY_STATUSES);
