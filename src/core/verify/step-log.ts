import { decideOutcome, type Check, type Outcome } from './verification.js';

/** Collects named verification steps in order; every path through a verifier ends in one of these logs. */
export class StepLog {
  readonly checks: Check[] = [];

  pass(id: string, code: string, message: string, advisory = false): this {
    this.checks.push({ id, ok: true, code, message, advisory });
    return this;
  }

  fail(id: string, code: string, message: string, advisory = false): this {
    this.checks.push({ id, ok: false, code, message, advisory });
    return this;
  }

  unknown(id: string, code: string, message: string, advisory = false): this {
    this.checks.push({ id, ok: null, code, message, advisory });
    return this;
  }

  add(check: Check): this {
    this.checks.push(check);
    return this;
  }

  /** True once a required step has failed: later steps may be skipped. */
  get failed(): boolean {
    return this.checks.some((c) => !c.advisory && c.ok === false);
  }

  get outcome(): Outcome {
    return decideOutcome(this.checks);
  }
}
