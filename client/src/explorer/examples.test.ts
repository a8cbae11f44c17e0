/**
 * The explorer's examples against the public contract (schema/schema.graphql): each parses, is
 * one named operation, validates, and its variables coerce; together they cover every root field
 * the README's and docs/api.md's examples call and every subscription, so a contract or docs
 * change that leaves them behind fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getVariableValues,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from './examples.ts';

const read = (path: string) => readFileSync(join(import.meta.dirname, '../../..', path), 'utf8');
const schema = buildSchema(read('schema/schema.graphql'));

const operationsOf = (document: DocumentNode) =>
  document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

/** "query.goals", "mutation.createGoal", … : the root fields a document's operations call. */
function rootFields(document: DocumentNode): string[] {
  return operationsOf(document).flatMap((op) =>
    op.selectionSet.selections.flatMap((s) =>
      s.kind === Kind.FIELD ? [`${op.operation}.${s.name.value}`] : [],
    ),
  );
}

/**
 * The operations of the docs' examples: the JSON bodies of the shell examples (a `'"$VAR"'`
 * spliced in by the shell read as a placeholder) and the ```graphql blocks.
 */
function docsOperations(markdown: string): DocumentNode[] {
  const text = markdown.replace(/'"\$[A-Z_]+"'/g, 'X');
  const bodies = [...text.matchAll(/'(\{"query":[^']*)'/g)].map(
    (m) => (JSON.parse(m[1] ?? '') as { query: string }).query,
  );
  const blocks = [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  return [...bodies, ...blocks].map((source) => parse(source));
}

describe('the API explorer examples', () => {
  it.each(EXAMPLES.map((e) => [e.title, e] as const))('%s: one named operation, valid', (_title, example) => {
    const document = parse(example.query);
    const operations = operationsOf(document);
    expect(operations).toHaveLength(1);
    expect(operations[0]?.name?.value).toMatch(/^[A-Z]\w+$/);
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    const coerced = getVariableValues(
      schema,
      operations[0]?.variableDefinitions ?? [],
      example.variables?.() ?? {},
    );
    expect(coerced.errors?.map((e) => e.message)).toBeUndefined();
  });

  it('have names of their own (the tab titles)', () => {
    const names = EXAMPLES.map((e) => operationsOf(parse(e.query))[0]?.name?.value);
    expect(new Set(names).size).toBe(EXAMPLES.length);
    expect(new Set(EXAMPLES.map((e) => e.title)).size).toBe(EXAMPLES.length);
  });

  it("cover every root field of the README's and docs/api.md's examples, and every subscription", () => {
    const covered = new Set(EXAMPLES.flatMap((e) => rootFields(parse(e.query))));
    const docs = [...docsOperations(read('README.md')), ...docsOperations(read('docs/api.md'))].flatMap(
      rootFields,
    );
    // the docs' examples were found (a change of their format must not empty this check)
    expect(docs).toEqual(expect.arrayContaining(['query.leaderboard', 'mutation.recordActivities']));
    const subscriptions = Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).map(
      (name) => `subscription.${name}`,
    );
    expect(subscriptions.length).toBeGreaterThan(0);
    expect([...new Set([...docs, ...subscriptions])].filter((f) => !covered.has(f))).toEqual([]);
  });
});
