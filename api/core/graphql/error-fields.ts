/**
 * Names the input field behind a graphql-js validation or variable-coercion error, relative to the
 * operation's argument ("periodStart", "activities.1.amount", "date"), whatever the client called
 * its variables and whether the value was inline or a variable. Apollo reports these errors before
 * our resolvers run, so the field is found from the document (a plugin) and read back by
 * formatError through a WeakMap.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { BREAK, Kind, visit, type ASTNode, type DocumentNode, type GraphQLError } from 'graphql';

const fieldOfError = new WeakMap<GraphQLError, string>();

/** The field recorded for an error by the plugin, if any. */
export function recordedField(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? fieldOfError.get(error as GraphQLError) : undefined;
}

/** Path of an AST node inside the argument that holds it, e.g. ["input", "periodStart"]. */
export function argumentPathOf(document: DocumentNode, target: (node: ASTNode) => boolean): string[] | null {
  let result: string[] | null = null;
  visit(document, {
    enter(node, _key, parent, path, ancestors) {
      if (!target(node)) return undefined;
      // graphql-js keeps the parent out of `ancestors`; path[i] is the key from chain[i] to chain[i + 1]
      const chain = parent === undefined ? [node] : [...ancestors, parent, node];
      let segments: string[] | null = null;
      chain.forEach((item, i) => {
        if (Array.isArray(item)) {
          const owner = chain[i - 1] as ASTNode | undefined;
          if (segments && owner?.kind === Kind.LIST) segments.push(String(path[i]));
          return;
        }
        const n = item as ASTNode;
        if (n.kind === Kind.ARGUMENT) segments = [n.name.value];
        else if (n.kind === Kind.OBJECT_FIELD && segments) segments.push(n.name.value);
      });
      if (segments) {
        result = segments;
        return BREAK;
      }
      return undefined;
    },
  });
  return result;
}

/**
 * "input.targetValue" -> "targetValue": the contract names fields relative to an `input` argument;
 * the `input` argument itself (null, or not an object) is named "input".
 */
export function relativeField(segments: string[]): string {
  return (segments[0] === 'input' && segments.length > 1 ? segments.slice(1) : segments).join('.');
}

const VARIABLE =
  /^Variable "\$(\w+)" (?:got invalid value .*? at "([^"]+)";|got invalid value|of required type|of non-null type)/s;

/** A required input field left out: graphql-js names the object's field, not a node of its own. */
const MISSING = /Field "(?:\w+\.)?(\w+)" of required type "[^"]+" was not provided/;

export function fieldOf(error: GraphQLError, document: DocumentNode | undefined): string | undefined {
  if (!document) return undefined;
  const missing = MISSING.exec(error.message)?.[1];
  const variable = VARIABLE.exec(error.message);
  if (variable?.[1]) {
    const name = variable[1];
    const usage = argumentPathOf(document, (n) => n.kind === Kind.VARIABLE && n.name.value === name);
    // "goal.periodStart" / "rows[1].amount": the part after the variable's own name
    const inner = (variable[2] ?? name)
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .slice(1);
    return usage ? relativeField([...usage, ...inner, ...(missing ? [missing] : [])]) : undefined;
  }
  const node = error.nodes?.[0];
  if (!node) return undefined;
  const path = argumentPathOf(document, (n) => n === node);
  return path ? relativeField([...path, ...(missing ? [missing] : [])]) : undefined;
}

export function errorFieldsPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors, document }) {
          for (const error of errors) {
            const field = fieldOf(error, document);
            if (field !== undefined) fieldOfError.set(error, field);
          }
          return Promise.resolve();
        },
      });
    },
  };
}
