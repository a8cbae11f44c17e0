/**
 * One seed for every fast-check property in a run, so a commit's CI result does not depend on
 * the roll of a dice: the same commit draws the same inputs on every machine and every day.
 * `PROPERTY_SEED=<n>` replays a run; `PROPERTY_SEED=random` draws a new seed (printed when a
 * property fails), which is how new counterexamples are hunted for locally before a commit.
 */
import fc from 'fast-check';

const FIXED_SEED = 20261206;
const chosen = process.env.PROPERTY_SEED;
if (chosen !== 'random') {
  const seed = chosen === undefined || chosen === '' ? FIXED_SEED : Number(chosen);
  if (!Number.isSafeInteger(seed))
    throw new Error(`PROPERTY_SEED must be an integer or "random", not ${chosen}`);
  fc.configureGlobal({ seed });
}
