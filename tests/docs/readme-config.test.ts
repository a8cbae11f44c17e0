/**
 * Every setting api/config.ts accepts stands in the README's configuration table, and the table
 * names nothing the server does not read: a limit an operator cannot find is a limit they trip on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** The keys of the zod object in api/config.ts: lines `  NAME: z…` inside `const schema = z.object({`. */
function configVariables(): string[] {
  const source = read('api/config.ts');
  const start = source.indexOf('const schema = z.object({');
  const end = source.indexOf('\n});', start);
  expect(start, 'api/config.ts declares its schema as `const schema = z.object({`').toBeGreaterThan(-1);
  return [...source.slice(start, end).matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);
}

/** What the command-line tools read themselves (api/config.ts documents that nothing else does). */
function cliVariables(): string[] {
  return [...read('api/cli/import.ts').matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!);
}

/** The variables named in the first column of the README's configuration table. */
function readmeVariables(): string[] {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Configuration'));
  const table = section.slice(0, section.indexOf('\n## ') === -1 ? undefined : section.indexOf('\n## '));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!));
}

describe('README configuration table', () => {
  it('lists every variable api/config.ts and the CLI read, and only those', () => {
    const config = [...configVariables(), ...cliVariables()];
    const readme = readmeVariables();
    expect(config.length).toBeGreaterThan(40);
    expect(config.filter((name) => !readme.includes(name))).toEqual([]);
    expect(readme.filter((name) => !config.includes(name))).toEqual([]);
  });

  it('keeps the README a map: under 8 KB', () => {
    expect(Buffer.byteLength(read('README.md'))).toBeLessThan(8 * 1024);
  });
});
