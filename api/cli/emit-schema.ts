/** npm run schema:emit — writes schema/schema.graphql from the type-graphql classes. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printAppSchema } from '../core/graphql/schema.ts';

const target = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
writeFileSync(target, await printAppSchema());
process.stdout.write(`wrote ${target}\n`);
