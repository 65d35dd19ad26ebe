import { existsSync, readFileSync } from 'node:fs';
import { ConfigError, InputError } from '../core/errors.js';
import type { CredentialUseCases } from '../service/credential-use-cases.js';
import type { AnalyzeInput } from '../service/service-types.js';

/** What the profile, gap, plan and catalog commands need from the service. */
export type CredentialsFactory = (opts?: { progress?: boolean }) => CredentialUseCases & { analyze?(input: AnalyzeInput): Promise<unknown> };

export interface OutputOptions {
  json?: boolean;
  format?: string;
}

/** Check `--format`, then print JSON or the rendered text. */
export function writeResult<T>(value: T, opts: OutputOptions, render: (v: T, format: 'text' | 'md') => string): void {
  if (opts.format && !['text', 'md'].includes(opts.format)) throw new InputError('bad_format', `--format must be "text" or "md", not "${opts.format}".`);
  process.stdout.write(opts.json ? `${JSON.stringify(value, null, 2)}\n` : render(value, opts.format === 'md' ? 'md' : 'text'));
}

/** Parse a JSON file the user named, with a clear error when it is missing or broken. */
export function readJsonFile(path: string, what: string): unknown {
  if (!existsSync(path)) throw new InputError('file_not_found', `No ${what} file "${path}".`);
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new InputError('invalid_json', `The ${what} file "${path}" is not valid JSON.`, { cause });
  }
}

const METHODS = ['gap', 'plan', 'importCatalog', 'updateProfile', 'getProfile', 'catalogCount', 'catalogEntry'] as const;

/** The credential use cases of a service, or a clear error when this build does not wire them yet. */
export function credentialsOf<S extends object>(getService: (opts?: { progress?: boolean }) => S): CredentialsFactory {
  return (opts) => {
    const s = getService(opts) as Record<string, unknown>;
    const missing = METHODS.filter((m) => typeof s[m] !== 'function');
    if (missing.length > 0) {
      throw new ConfigError('credentials_not_wired', `This build does not offer ${missing.join(', ')} yet (createService must add bindCredentialUseCases). Update SkillProof or report it.`);
    }
    return s as unknown as ReturnType<CredentialsFactory>;
  };
}
