/**
 * The organisation's settings over the API: every signed-in caller reads them, only an ADMIN
 * changes them. Invariants: a new time zone and the rollups rebuilt for it commit together (one
 * transaction, the settings row locked), so no reader ever sees periods of one zone filled with
 * figures of the other; after the commit this process applies them at once and every other one
 * when the change log tells it (settings_notify, app.ts). A value the environment pins (TZ_NAME,
 * CURRENCY) is refused with CONFLICT: the next start would silently put the environment's back.
 * Zones are checked both by the runtime (the domain's period rules) and by the database (its
 * triggers roll up in that zone), currencies against ISO 4217 as the runtime knows it. The goal
 * pace basis (paceWorkingDays, docs/goals-pace.md) is stored here too and never pinned.
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { settings } from '../../../schema/db/index.ts';
import { isTimeZone } from '../../config.ts';
import { audit } from '../../core/audit.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { BadInputError, ConflictError } from '../../core/errors.ts';
import { assertRole } from '../../core/permissions.ts';
import { parseInput } from '../../core/validation.ts';
import { rows } from '../../db/client.ts';
import type { Organisation, UpdateOrganisationInput } from './organisation.type.ts';

/** Area/Location names (and UTC, EST5EDT...): no offsets such as "+01:00", which the runtime accepts. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
/** The runtime's canonical spelling ("europe/paris" -> "Europe/Paris"). */
const canonicalZone = (zone: string) =>
  new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;

const updateSchema = z.object({
  timeZone: z
    .string()
    .trim()
    .refine((zone) => zone.length <= 100 && ZONE_NAME.test(zone) && isTimeZone(zone), {
      message: 'must be an IANA time zone, e.g. "Europe/Paris"',
    })
    .transform(canonicalZone)
    .nullish(),
  currency: z
    .string()
    .trim()
    .refine((code) => /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code), {
      message: 'must be an ISO 4217 currency code, e.g. "EUR"',
    })
    .nullish(),
  paceWorkingDays: z.boolean().nullish(),
});

export function organisation(ctx: AppContext): Organisation {
  requireViewer(ctx);
  const { timeZone, currency, pinned, paceWorkingDays } = ctx.org;
  return {
    timeZone,
    currency,
    timeZonePinned: pinned.timeZone,
    currencyPinned: pinned.currency,
    paceWorkingDays,
  };
}

export async function updateOrganisation(
  ctx: AppContext,
  input: UpdateOrganisationInput,
): Promise<Organisation> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN'], 'Only admins change the organisation’s settings.');
  const values = parseInput(updateSchema, input);
  const { pinned } = ctx.org;
  for (const field of ['timeZone', 'currency'] as const) {
    const wanted = values[field];
    if (wanted != null && pinned[field] && wanted !== ctx.org[field]) {
      const variable = field === 'timeZone' ? 'TZ_NAME' : 'CURRENCY';
      throw new ConflictError(
        `${field} is set by ${variable} in the server's environment; unset ${variable} and restart to change it here.`,
        { field },
      );
    }
  }
  const stored = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(settings).where(eq(settings.id, 1)).for('update');
    const timeZone = values.timeZone ?? before?.timeZone ?? ctx.org.timeZone;
    const currency = values.currency ?? before?.currency ?? ctx.org.currency;
    const paceWorkingDays = values.paceWorkingDays ?? before?.paceWorkingDays ?? ctx.org.paceWorkingDays;
    if (
      before?.timeZone === timeZone &&
      before.currency === currency &&
      before.paceWorkingDays === paceWorkingDays
    )
      return before;
    if (before?.timeZone !== timeZone) {
      const known = await rows(tx, sql`select 1 from pg_timezone_names where name = ${timeZone}`);
      if (known.length === 0) throw BadInputError.one('timeZone', 'is not a time zone the database knows');
    }
    const [after] = await tx
      .insert(settings)
      .values({ id: 1, timeZone, currency, paceWorkingDays })
      .onConflictDoUpdate({
        target: settings.id,
        set: { timeZone, currency, paceWorkingDays, updatedAt: sql`now()` },
      })
      .returning();
    if (!after) throw new Error('upsert into settings returned nothing');
    // every rollup again, in the new zone's periods (as a start with a new TZ_NAME does: bootstrap.ts)
    if (before && before.timeZone !== timeZone) await rows(tx, sql`select rebuild_rollups()`);
    const pace = (before?.paceWorkingDays ?? false) !== paceWorkingDays;
    await audit(tx, viewer, {
      action: 'organisation.update',
      targetType: 'Organisation',
      targetId: 1,
      // the pace basis is logged when it changed (an entry keeps the shape it always had otherwise)
      before: before
        ? {
            timeZone: before.timeZone,
            currency: before.currency,
            ...(pace ? { paceWorkingDays: before.paceWorkingDays } : {}),
          }
        : null,
      after: { timeZone, currency, ...(pace ? { paceWorkingDays } : {}) },
    });
    return after;
  });
  ctx.org.apply(stored); // this process at once; the others through the change log
  return organisation(ctx);
}
