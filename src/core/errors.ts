/** Base class for faults: every SkillProof error carries a stable snake_case code and a message saying what to do. */
export class SkillProofError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** Bad configuration (missing ESCO folder, unknown model, invalid env value). */
export class ConfigError extends SkillProofError {}

/** Input the user gave us that we cannot use (empty query, binary file, unsupported language). */
export class InputError extends SkillProofError {}

/** A data file is malformed (broken CSV row, bad index file). */
export class DataError extends SkillProofError {}

/** A remote resource could not be fetched, or was refused by the fetch policy. */
export class FetchError extends SkillProofError {}

/** True when `e` is any SkillProof error. */
export function isSkillProofError(e: unknown): e is SkillProofError {
  return e instanceof SkillProofError;
}
