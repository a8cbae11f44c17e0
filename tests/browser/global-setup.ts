/**
 * Browser tests need the built client (the server serves client/dist): build it once per run when
 * it is missing or older than its sources (about two seconds), before any test file starts.
 */
import { rmSync } from 'node:fs';
import { ensureClientBuilt } from '../../client/scripts/ensure-built.ts';
import { SCREENSHOTS } from './support/browser.ts';

export default async function setup(): Promise<void> {
  rmSync(SCREENSHOTS, { recursive: true, force: true }); // this run's screenshots only
  await ensureClientBuilt({ quiet: true });
}
