import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ConfigError, InputError } from '../../core/errors.js';
import type { Verification } from '../../core/verify/verification.js';
import type { VerifyInput } from '../../service/verify-credential.js';
import { reportCliError } from '../errors.js';
import { renderVerification } from '../render-verification.js';

/** What the verify command needs from the service. */
export interface VerifyService {
  verify(input: VerifyInput): Promise<Verification>;
}
/** Partial so the command can be registered before the service offers `verify`; it says so at run time. */
export type VerifyServiceFactory = (opts?: { progress?: boolean }) => Partial<VerifyService> | Promise<Partial<VerifyService>>;

/** The service's method, or a clear fault when this build's service does not offer it yet. */
export function requireMethod<T extends object, K extends keyof T>(service: Partial<T>, name: K): NonNullable<T[K]> {
  const fn = service[name];
  if (typeof fn !== 'function') {
    throw new ConfigError('capability_not_wired', `This build's service does not offer ${String(name)} yet; wire it in create-service (see verification-use-cases.ts).`);
  }
  return (fn as (...args: unknown[]) => unknown).bind(service) as NonNullable<T[K]>;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A CLI argument (file, URL, "-" for stdin, or a JWT/JSON given inline) as a verify request. */
export async function verifyInputFrom(source: string, recipient?: string): Promise<VerifyInput> {
  if (/^https?:\/\//i.test(source)) return { url: source, recipient };
  if (source === '-') return { bytes: new Uint8Array(await readStdin()), recipient };
  if (existsSync(source)) return { bytes: new Uint8Array(readFileSync(source)), recipient };
  if (/^\s*[{[]/.test(source) || /^[\w-]+\.[\w-]*\.[\w-]*$/.test(source.trim())) return { text: source, recipient };
  throw new InputError('file_not_found', `No file "${source}". Give a path, a URL (https://…), a JWT, or "-" to read stdin.`);
}

/** Exit codes: 0 verified, 3 not valid, 4 could not be verified (2 = usage or input fault). */
export const VERIFY_EXIT = { verified: 0, invalid: 3, unverifiable: 4 } as const;

/** `skillproof verify <file|url|->`: check a credential and print its step log in plain words (or JSON). */
export function registerVerifyCommand(program: Command, getService: VerifyServiceFactory): void {
  program
    .command('verify')
    .description('Verify a credential (Open Badge 2.0/3.0, VC, VC-JWT, CLR, EDC; JSON, JWT, URL, baked PNG/SVG)')
    .argument('<source>', 'file path, URL, - for stdin, or the JWT/JSON itself')
    .option('--json', 'print the Verification as JSON')
    .option('--recipient <id>', 'email, URL or DID the credential should be issued to')
    .addHelpText('after', '\nExit status: 0 verified, 3 not valid, 4 could not be verified, 2 bad input.')
    .action(async (source: string, opts: { json?: boolean; recipient?: string }) => {
      try {
        const input = await verifyInputFrom(source, opts.recipient);
        const verify = requireMethod<VerifyService, 'verify'>(await getService({ progress: false }), 'verify');
        const v = await verify(input);
        process.stdout.write(opts.json ? `${JSON.stringify(v, null, 2)}\n` : `${renderVerification(v)}\n`);
        process.exitCode = VERIFY_EXIT[v.outcome];
      } catch (e) {
        reportCliError(e);
      }
    });
}
