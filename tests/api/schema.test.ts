import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printAppSchema } from '../../api/core/graphql/schema.ts';

describe('schema/schema.graphql', () => {
  it('is what the type-graphql classes emit (run `npm run schema:emit` after changing them)', async () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(await printAppSchema());
  });
});
