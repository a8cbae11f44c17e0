/**
 * The committed GraphQL Code Generator output (client/src/gql) is what `npm run codegen` writes
 * today from schema/schema.graphql and the operations in client/src: generated in memory with the
 * config of client/codegen.ts and formatted as its prettier hook formats it, then compared file by
 * file. A stale client/src/gql fails here (run `npm run codegen`), not in a type error later.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import config from '../../client/codegen.ts';

const root = join(import.meta.dirname, '../..');

describe('GraphQL Code Generator output', () => {
  it('client/src/gql is what `npm run codegen` writes from the schema and the client’s operations', async () => {
    const outputs = (await generate(
      { ...config, cwd: root, hooks: {}, silent: true, verbose: false },
      false, // in memory: nothing is written
    )) as Types.FileOutput[];
    const generated = new Map<string, string>();
    const directories = new Set<string>();
    for (const output of outputs) {
      const path = isAbsolute(output.filename) ? output.filename : join(root, output.filename);
      // what the afterAllFileWrite hook (`prettier --write`) does to each file
      const options = await resolveConfig(path, { editorconfig: true });
      generated.set(relative(root, path), await format(output.content, { ...options, filepath: path }));
      directories.add(relative(root, join(path, '..')));
    }
    expect([...directories]).toEqual(['client/src/gql']);

    const committed = new Map(
      readdirSync(join(root, 'client/src/gql')).map((name) => [
        `client/src/gql/${name}`,
        readFileSync(join(root, 'client/src/gql', name), 'utf8'),
      ]),
    );
    expect([...committed.keys()].sort(), 'files in client/src/gql').toEqual([...generated.keys()].sort());
    const stale = [...generated].filter(([file, content]) => committed.get(file) !== content).map(([f]) => f);
    expect(stale, 'stale generated files: run `npm run codegen`').toEqual([]);
  });
});
