/**
 * No text the database cannot hold reaches it: Postgres `text` cannot store U+0000, and a
 * statement carrying it fails in the driver — a 500 for what is the client's mistake. Every string
 * an operation brings (its variables at any depth, and string literals written in the document) is
 * checked before anything runs, on HTTP and WebSocket alike (limits.ts, ws.ts), and the refusal is
 * BAD_USER_INPUT naming the field the way every other input error does ("name",
 * "activities.2.externalId").
 * The REST API and the CSV import check their own text at their edges (transport/rest/fields.ts, csv-rows.ts).
 */
import { BREAK, Kind, visit, type DocumentNode } from 'graphql';
import type { FieldError } from '../errors.ts';
import { argumentPathOf, relativeField } from './error-fields.ts';

export const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/** The path of the first string holding a NUL inside a JSON value, or null. */
export function nulPath(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = nulPath(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const found = nulPath((value as Record<string, unknown>)[key], [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** Per document: the argument path of a literal holding a NUL, or null (documents are cached). */
const literalNul = new WeakMap<DocumentNode, string[] | null>();

function nulLiteral(document: DocumentNode): string[] | null {
  const known = literalNul.get(document);
  if (known !== undefined) return known;
  let found: string[] | null = null;
  visit(document, {
    StringValue(node) {
      if (!node.value.includes('\u0000')) return undefined;
      found = argumentPathOf(document, (n) => n === node) ?? ['query'];
      return BREAK;
    },
  });
  literalNul.set(document, found);
  return found;
}

/** The input field of an operation that holds a NUL character, if one does. */
export function nulCharacterField(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): FieldError | undefined {
  const literal = nulLiteral(document);
  if (literal) return { field: relativeField(literal), message: NUL_MESSAGE };
  if (!variables) return undefined;
  for (const [name, value] of Object.entries(variables)) {
    const inner = nulPath(value);
    if (!inner) continue;
    const usage = argumentPathOf(document, (n) => n.kind === Kind.VARIABLE && n.name.value === name);
    return { field: relativeField([...(usage ?? [name]), ...inner]), message: NUL_MESSAGE };
  }
  return undefined;
}
