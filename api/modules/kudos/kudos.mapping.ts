/**
 * Kudos mapping: a row (with its recipient's team) -> the GraphQL Kudos. Pure: no database,
 * request context or live hub, so the service and the live hub's fan-out map rows the same way
 * (the hub must not import the service: docs/architecture.md).
 */
import { KUDOS_EDIT_WINDOW_MS } from '../../../schema/db/constants.ts';
import type { KudosRow } from '../../../schema/db/index.ts';
import type { Kudos } from './kudos.type.ts';

export type KudosWithTeam = KudosRow & { recipientTeamId: number | null };

export function toKudos(row: KudosWithTeam): Kudos {
  return {
    id: row.id,
    giverId: row.giverId,
    recipientId: row.recipientId,
    recipientTeamId: row.recipientTeamId,
    text: row.message,
    private: row.private,
    activityId: row.activityId === null ? null : String(row.activityId),
    goalId: row.goalId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    editableUntil: new Date(row.createdAt.getTime() + KUDOS_EDIT_WINDOW_MS),
  };
}
