import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.js';
import type { WiredService } from '../../service/create-service.js';
import { syntheticCatalog } from '../../service/synthetic-catalog.js';
import type { StoreAdmin } from '../../ports/store-admin.js';
import { reportCliError } from '../errors.js';
import { createProgress } from '../progress.js';

type StoreService = Pick<WiredService, 'store' | 'config' | 'importCatalog' | 'close' | 'taxonomy'>;

function adminOf(service: StoreService): StoreAdmin {
  if (!service.store) {
    throw new ConfigError('store_not_postgres', 'The store commands manage a PostgreSQL store: set SKILLPROOF_STORE=postgres and DATABASE_URL (README, "PostgreSQL").');
  }
  return service.store;
}

/** Run one store action with progress bars on stderr, then release the connection pool. */
function action<A extends unknown[]>(getService: () => StoreService, run: (service: StoreService, admin: StoreAdmin, report: (phase: string, done: number, total: number) => void, ...args: A) => Promise<void>) {
  return async (...args: A) => {
    const progress = createProgress(process.stderr.isTTY === true);
    const service = getService();
    try {
      await run(service, adminOf(service), progress.report, ...args);
    } catch (e) {
      reportCliError(e);
    } finally {
      progress.stop();
      await service.close().catch(() => undefined);
    }
  };
}

const say = (line: string): void => void process.stdout.write(`${line}\n`);

/** `skillproof store init|migrate|status|load-taxonomy|import-catalog`: the shared PostgreSQL store. */
export function registerStoreCommand(program: Command, getService: () => StoreService): void {
  const store = program.command('store').description('The shared PostgreSQL + pgvector store (SKILLPROOF_STORE=postgres, DATABASE_URL)');
  const migrate = async (admin: StoreAdmin) => {
    const applied = await admin.migrate();
    say(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Schema is up to date.');
  };
  store
    .command('migrate')
    .description('Apply pending schema migrations (enables pgvector when allowed)')
    .action(action(getService, async (_s, admin) => migrate(admin)));
  store
    .command('status')
    .description('What the database holds: migrations, ESCO collections and models, catalogue size')
    .option('--json', 'print JSON')
    .action(
      action(getService, async (_s, admin, _r, o: { json?: boolean }) => {
        const st = await admin.status();
        if (o.json) {
          say(JSON.stringify(st, null, 2));
          return;
        }
        say(`PostgreSQL at ${st.location}`);
        say(st.pendingMigrations.length ? `  pending migrations: ${st.pendingMigrations.join(', ')} (run: skillproof store migrate)` : '  schema up to date');
        for (const c of st.collections) say(`  ${c.name}: ESCO ${c.escoVersion}, ${c.points} labels${c.ready ? '' : ' (incomplete: reload)'}`);
        if (st.collections.length === 0) say('  no ESCO labels loaded (run: skillproof store load-taxonomy)');
        say(`  ${st.credentials} credentials, ${st.analyses} stored analyses`);
      }),
    );
  const loadTaxonomy = async (admin: StoreAdmin, report: (p: string, d: number, t: number) => void, multilingual: boolean) => {
    for (const c of await admin.loadTaxonomy({ multilingual }, report)) say(`Loaded ${c.name}: ${c.points} labels with an HNSW index in ${c.seconds.toFixed(1)} s`);
  };
  store
    .command('load-taxonomy')
    .description('Copy the ESCO label vectors of the configured model into the database and build HNSW indexes')
    .option('--multilingual', 'also load the multilingual model’s vectors')
    .action(action(getService, async (_s, admin, report, o: { multilingual?: boolean }) => loadTaxonomy(admin, report, Boolean(o.multilingual))));
  store
    .command('import-catalog')
    .description('Bulk-load SkillProof catalogue files (.json or .jsonl, ESCO URIs set) with COPY')
    .argument('<paths...>', 'catalogue files')
    .option('--replace', 'empty the catalogue first')
    .action(
      action(getService, async (_s, admin, report, paths: string[], o: { replace?: boolean }) => {
        const r = await admin.importCatalog(paths, { replace: o.replace }, report);
        say(`Loaded ${r.loaded} credentials in ${r.seconds.toFixed(1)} s`);
      }),
    );
  store
    .command('generate-catalog')
    .description('Write a synthetic catalogue (JSON Lines) for scale tests: ESCO skills with skewed frequencies, providers, prices, hours')
    .requiredOption('--out <file>', 'output .jsonl file')
    .option('--count <n>', 'credentials to generate (default 1,000,000)', Number)
    .option('--seed <n>', 'random seed (default 42)', Number)
    .action(async (o: { out: string; count?: number; seed?: number }) => {
      // Needs only the taxonomy, not a database: works with either store.
      const progress = createProgress(process.stderr.isTTY === true);
      const service = getService();
      try {
        const count = o.count ?? 1_000_000;
        const out = createWriteStream(o.out);
        let n = 0;
        for (const e of syntheticCatalog(await service.taxonomy(), { count, seed: o.seed })) {
          if (!out.write(`${JSON.stringify(e)}\n`)) await once(out, 'drain');
          if (++n % 10_000 === 0 || n === count) progress.report('generating credentials', n, count);
        }
        out.end();
        await once(out, 'finish');
        say(`Wrote ${n} credentials to ${o.out}`);
      } catch (e) {
        reportCliError(e);
      } finally {
        progress.stop();
        await service.close().catch(() => undefined);
      }
    });
  store
    .command('init')
    .description('Migrate, load ESCO labels and the starter catalogue: everything a fresh database needs')
    .option('--multilingual', 'also load the multilingual model’s vectors')
    .action(
      action(getService, async (service, admin, report, o: { multilingual?: boolean }) => {
        await migrate(admin);
        await loadTaxonomy(admin, report, Boolean(o.multilingual));
        const starter = join(service.config.projectRoot, 'skills-taxonomy', 'catalog', 'starter.json');
        const r = await service.importCatalog({ paths: [starter] });
        say(`Starter catalogue: ${r.inserted} new, ${r.duplicatesMerged} merged; ${r.catalogSize} credentials stored.`);
      }),
    );
}
