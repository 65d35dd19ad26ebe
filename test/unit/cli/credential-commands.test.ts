import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerCatalogCommand } from '../../../src/cli/commands/catalog.js';
import { registerGapCommand } from '../../../src/cli/commands/gap.js';
import { registerPlanCommand } from '../../../src/cli/commands/plan.js';
import { registerProfileCommand } from '../../../src/cli/commands/profile.js';
import { testUseCases } from '../service/credential-fakes.js';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures');
const POSTING = join(FIX, 'profiles', 'junior-data-analyst-posting.md');
const PROFILE = join(FIX, 'profiles', 'example-profile.json');

async function run(args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  const uc = testUseCases();
  const program = new Command().exitOverride();
  for (const reg of [registerProfileCommand, registerGapCommand, registerPlanCommand, registerCatalogCommand]) reg(program, () => uc);
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.exitCode = undefined;
  await program.parseAsync(['node', 'skillproof', ...args]);
  const code = process.exitCode;
  process.exitCode = undefined;
  vi.restoreAllMocks();
  return { out, err, code };
}

afterEach(() => vi.restoreAllMocks());

describe('credential CLI commands', () => {
  it('gap --format md shows the table and the formula', async () => {
    const r = await run(['gap', '--posting', POSTING, '--profile', PROFILE, '--format', 'md']);
    expect(r.err).toBe('');
    expect(r.out).toContain('## Skill gap: Junior Data Analyst');
    expect(r.out).toContain('Σ(weight × coverage) / Σ weight');
  });

  it('plan --json returns a plan; an impossible budget exits 3 with the cheapest price', async () => {
    const ok = await run(['plan', '--posting', POSTING, '--profile', PROFILE, '--json']);
    expect(JSON.parse(ok.out).plan.feasible).toBe(true);
    const no = await run(['plan', '--posting', POSTING, '--profile', PROFILE, '--budget', '10']);
    expect(no.code).toBe(3);
    expect(no.out).toMatch(/No plan under €10: the cheapest plan costs €\d+/);
  });

  it('profile import from the example CV, then show', async () => {
    const r = await run(['profile', 'import', '--cv', join(FIX, 'profiles', 'example-cv.md'), '--skill', 'Python', '--json']);
    expect(JSON.parse(r.out).added.length).toBeGreaterThanOrEqual(3);
  });

  it('catalog import prints a report; bad input gives a one-line error', async () => {
    const r = await run(['catalog', 'import', join(FIX, 'catalog', 'coursera-catalog.csv')]);
    expect(r.out).toMatch(/coursera-catalog\.csv \(coursera-catalog-csv\): 4 rows read/);
    expect(r.out).toMatch(/Skipped \(1\)/);
    const bad = await run(['gap', '--profile', PROFILE]);
    expect(bad.err).toMatch(/Give exactly one of --posting/);
    expect(bad.code).toBe(2);
  });
});

describe('catalog show', () => {
  it('prints an entry with its EU completeness; an unknown id is a clear error', async () => {
    const r = await run(['catalog', 'show', 'helsinki-elements-of-ai']);
    expect(r.out).toMatch(/EU completeness \d+\/10; missing: .*dateOfIssue/);
    const bad = await run(['catalog', 'show', 'nope']);
    expect(bad.err).toMatch(/No catalogue entry "nope"/);
  });
});
