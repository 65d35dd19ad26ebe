import { isSkillProofError } from '../core/errors.js';

/** Print a fault as one clear sentence (no stack trace for expected problems) and set the exit code. */
export function reportCliError(e: unknown): void {
  if (isSkillProofError(e)) {
    process.stderr.write(`skillproof: ${e.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`skillproof: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = 1;
}
