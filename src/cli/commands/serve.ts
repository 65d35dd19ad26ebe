import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { createServer } from '../../server/create-server.js';
import type { WiredService } from '../../service/create-service.js';
import type { SkillProofService } from '../../service/service-types.js';
import { reportCliError } from '../errors.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** `skillproof serve`: start the local HTTP service, print its URL and the one-time pairing code. */
export function registerServeCommand(program: Command, getService: () => Promise<SkillProofService & Partial<Pick<WiredService, 'shared'>>>): void {
  program
    .command('serve')
    .description('Start the local SkillProof service for the browser extension (loopback only by default)')
    .option('--port <port>', 'port to listen on (default from SKILLPROOF_PORT or 4477)')
    .option('--host <host>', 'address to bind (default 127.0.0.1)')
    .option('--allow-host <name...>', 'extra host names accepted in the Host header (needed with --host)')
    .action(async (opts: { port?: string; host?: string; allowHost?: string[] }) => {
      try {
        const service = await getService();
        const host = opts.host ?? service.config.server.host;
        const port = opts.port !== undefined ? Number(opts.port) : service.config.server.port;
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError('invalid_port', `Port must be 0–65535, not "${opts.port}".`);
        const allowedHosts = ['127.0.0.1', 'localhost', '[::1]', ...(opts.allowHost ?? [])];
        // With SKILLPROOF_STORE=postgres, pairings and rate limits are shared by every replica on the database.
        const shared = service.shared ?? null;
        const limits = service.config.rateLimit;
        const app = await createServer(service, { allowedHosts, rateLimit: limits && shared ? shared.rateLimiter : limits, pairing: { shared: shared?.pairing ?? null } });
        await app.listen({ host, port });
        const address = app.server.address();
        const bound = typeof address === 'object' && address ? address.port : port;
        const shown = host.includes(':') ? `[${host}]` : host;
        process.stdout.write(`SkillProof is listening on http://${shown}:${bound}\n`);
        if (!LOOPBACK.has(host)) process.stderr.write('Warning: bound beyond loopback; every route except health still needs a pairing token.\n');
        const showCode = () =>
          process.stdout.write(`Pairing code: ${app.pairing.issueCode()} (single use, valid 10 minutes; enter it in the SkillProof extension)\n`);
        showCode();
        // Once the code is used or expires, show a fresh one so another browser can pair without a restart.
        const timer = setInterval(() => app.pairing.hasValidCode() || showCode(), 5_000);
        timer.unref();
        const stop = () => {
          clearInterval(timer);
          void app
            .close()
            .then(() => service.close())
            .finally(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (e) {
        reportCliError(e);
      }
    });
}
