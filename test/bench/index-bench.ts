import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEscoTaxonomy } from '../../src/adapters/esco-csv-taxonomy.js';
import { createLocalEmbedder } from '../../src/adapters/local-embedder.js';
import { lastBuildSplit, openSkillIndex } from '../../src/adapters/skill-index-store.js';
import type { Config } from '../../src/service/config.js';
import { searchSkills } from '../../src/service/search-skills.js';
import { resolveEngineModel } from '../../src/service/trained-model.js';
import { loadDecorteSplit } from './decorte.js';
import { printTable } from './table.js';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** Build time, reload time, HNSW recall@10 and speed vs exact search, and the two acceptance queries. */
export async function benchIndex(config: Config): Promise<void> {
  console.log('\n## ESCO label index (English preferred + alternative labels)');
  const cacheDir = mkdtempSync(join(tmpdir(), 'sp-bench-index-'));
  try {
    const taxonomy = loadEscoTaxonomy({ escoDir: config.escoDir!, cacheDir, languages: ['en'] }).taxonomy;
    // The English model the product would use: the ESCO-tuned one when built (SKILLPROOF_TRAINED_MODEL), else the base.
    const { modelId, modelsDir } = resolveEngineModel(config, 'primary');
    const embedder = await createLocalEmbedder({ modelId, modelsDir, cacheDir });
    console.log(`model: ${embedder.id}`);
    const surfaces = taxonomy.skills().reduce((n, s) => n + 1 + (s.altLabels.en?.length ?? 0), 0);
    let t = performance.now();
    const built = await openSkillIndex({ taxonomy, embedder, cacheDir });
    const buildS = (performance.now() - t) / 1000;
    t = performance.now();
    const reTax = loadEscoTaxonomy({ escoDir: config.escoDir!, cacheDir, languages: ['en'] }).taxonomy;
    const reloaded = await openSkillIndex({ taxonomy: reTax, embedder, cacheDir });
    const reloadS = (performance.now() - t) / 1000;
    if (reloaded.built) throw new Error('index was rebuilt instead of reloaded');

    const exact = built.exact();
    const queries = [
      ...loadDecorteSplit(join(config.sharedDir!, 'bench'), 'tech_validation_annotations.csv', taxonomy).queries.map((q) => q.sentence),
      ...loadDecorteSplit(join(config.sharedDir!, 'bench'), 'house_validation_annotations.csv', taxonomy).queries.map((q) => q.sentence),
    ];
    const vectors = await embedder.embed(queries, 'query');
    const hnswMs: number[] = [];
    const exactMs: number[] = [];
    let overlap = 0;
    for (const v of vectors) {
      let s = performance.now();
      const a = reloaded.index.searchSurfaces(v, 10);
      hnswMs.push(performance.now() - s);
      s = performance.now();
      const b = exact.searchSurfaces(v, 10);
      exactMs.push(performance.now() - s);
      const truth = new Set(b.map((h) => h.point));
      overlap += a.filter((h) => truth.has(h.point)).length;
    }
    const recall = overlap / (10 * vectors.length);
    const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
    printTable(
      ['figure', 'value', 'target'],
      [
        ['ESCO skills / label surfaces / unique texts', `${taxonomy.skills().length} / ${surfaces} / ${built.index.size}`, ''],
        ['build (embed + graph), s', `${buildS.toFixed(1)} (${lastBuildSplit.embedSeconds.toFixed(0)} + ${lastBuildSplit.graphSeconds.toFixed(0)})`, '≤ 180'],
        ['build throughput, surfaces/s', (surfaces / buildS).toFixed(0), ''],
        ['reload (taxonomy cache + index), s', reloadS.toFixed(2), '< 1'],
        [`HNSW recall@10 vs exact (${vectors.length} queries)`, recall.toFixed(4), '≥ 0.99'],
        ['HNSW p50 / p95 ms', `${pct(hnswMs, 50).toFixed(3)} / ${pct(hnswMs, 95).toFixed(3)}`, ''],
        ['exact p50 / p95 ms', `${pct(exactMs, 50).toFixed(2)} / ${pct(exactMs, 95).toFixed(2)}`, ''],
        ['speed-up (mean exact / mean HNSW)', `${(mean(exactMs) / mean(hnswMs)).toFixed(1)}×`, '≥ 20×'],
      ],
    );
    const py = await searchSkills({ taxonomy, embedder, index: reloaded.index }, { query: 'Python programming', k: 5 });
    console.log(`"Python programming" → 1. ${py[0]?.label} (${py[0]?.score.toFixed(3)})`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
