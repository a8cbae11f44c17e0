/**
 * Password hashing: Argon2id through @node-rs/argon2, at OWASP's minimum recommended parameters
 * (m = 19 MiB, t = 2, p = 1; the library's defaults, stated here so a library update cannot weaken
 * them). A hash is a PHC string ($argon2id$v=19$m=19456,t=2,p=1$salt$hash) carrying its own
 * parameters, so raising them later still verifies the old hashes.
 *
 * Invariants:
 * - Passwords are compared after NFKC normalisation (NIST 800-63B 5.1.1.2), on setting and on
 *   checking alike, and measured in code points: at least PASSWORD_MIN_LENGTH, at most
 *   PASSWORD_MAX_LENGTH (a bound on what one sign-in attempt costs). No composition rules.
 * - `verifyOrDummy` spends the same work when there is no hash to check (unknown e-mail, no
 *   password set): the answer's timing does not tell whether an account exists.
 */
import { hash, verify, type Options } from '@node-rs/argon2';
import { PASSWORD_MAX_LENGTH } from '../../config.ts';

/** Argon2id (the library's `Algorithm.Argon2id`, a const enum isolatedModules cannot import). */
const ARGON2ID = 2;
export const ARGON2_OPTIONS: Options = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

const normalise = (password: string): string => password.normalize('NFKC');
const length = (password: string): number => [...normalise(password)].length;

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, minLength: number): string | undefined {
  const n = length(password);
  if (n < minLength) return `must be at least ${minLength} characters`;
  if (n > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  return undefined;
}

/** Whether a password is too long to be worth hashing (refused before any work). */
export const tooLong = (password: string): boolean =>
  password.length > PASSWORD_MAX_LENGTH * 4 || length(password) > PASSWORD_MAX_LENGTH;

export function hashPassword(password: string): Promise<string> {
  return hash(normalise(password), ARGON2_OPTIONS);
}

let dummy: Promise<string> | undefined;

/** Computes the dummy hash ahead, so the first unknown e-mail costs no more than a known one. */
export function warmDummyHash(): void {
  dummy ??= hashPassword('not a password: no account has it');
}

/** Checks `password` against `stored`; with no stored hash, against a dummy one, and false. */
export async function verifyOrDummy(stored: string | undefined, password: string): Promise<boolean> {
  if (stored === undefined) {
    warmDummyHash();
    await verify(await dummy!, normalise(password)).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, normalise(password));
  } catch {
    return false;
  }
}
