/**
 * Field visibility for screens (VIEWER), applied to the built schema: every field of every object
 * type that SCREEN_FIELDS (permissions.ts) does not list is wrapped so that a screen reading it
 * gets FORBIDDEN on that field (null where the field is nullable; where it is not, the error
 * nulls the nearest nullable parent, or refuses the operation, as GraphQL does). Deny by default:
 * a field added later is hidden from screens until it is listed. Root fields are not wrapped:
 * the services allow or refuse them with their own scope rules.
 *
 * Who asks comes from the context: its viewer (HTTP, per-subscriber executions), or, in a
 * subscription event executed once for many subscribers (live/shared-execution.ts, viewer null),
 * the audience the event was made for (live.streams.ts gives screens and the others different
 * event objects, so they never share an execution). Neither: UNAUTHENTICATED, never a guess.
 * Listed fields keep their resolvers untouched, so boards cost what they cost before.
 */
import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import type { AppContext } from '../context.ts';
import { UnauthenticatedError } from '../errors.ts';
import { audienceOf, HiddenFieldError, OWN_ROWS, SCREEN_FIELDS } from '../permissions.ts';

/** Whether the execution's caller is a screen that may not read this row's hidden fields. */
function screenCannotRead(
  ctx: AppContext,
  own: ((row: unknown) => number | undefined) | undefined,
  row: unknown,
) {
  const { viewer } = ctx;
  if (viewer) return audienceOf(viewer) === 'screen' && (own === undefined || own(row) !== viewer.id);
  if (ctx.audience === undefined) throw new UnauthenticatedError();
  return ctx.audience === 'screen';
}

export function applyScreenVisibility(schema: GraphQLSchema): void {
  const roots = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean),
  );
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type)) continue;
    const visible = new Set(SCREEN_FIELDS[type.name] ?? []);
    const own = OWN_ROWS[type.name];
    for (const field of Object.values(type.getFields())) {
      if (visible.has(field.name)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const name = `${type.name}.${field.name}`;
      field.resolve = (row, args, context, info) => {
        if (screenCannotRead(context as AppContext, own, row)) throw new HiddenFieldError(name);
        return resolve(row, args, context, info);
      };
    }
  }
}
