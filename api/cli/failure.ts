/**
 * How the command-line tools end on an error: one line on stderr, `<what> failed: <why>`, and exit
 * code 1. A DATA_DIR another process holds (the running server, usually) is said with the tool's
 * own advice (`busy`); any other error by its message, never a stack trace.
 */
import { DataDirBusyError } from '../db/data-dir-lock.ts';

export function exitWithFailure(
  what: string,
  error: unknown,
  busy: (held: DataDirBusyError) => string,
): never {
  const message =
    error instanceof DataDirBusyError ? busy(error) : error instanceof Error ? error.message : String(error);
  process.stderr.write(`${what} failed: ${message}\n`);
  process.exit(1);
}
