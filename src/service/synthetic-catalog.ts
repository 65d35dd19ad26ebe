import type { CredentialEntry, CredentialSkill } from '../core/catalog/credential-entry.js';
import type { Taxonomy } from '../ports/taxonomy.js';
import { seededRandom } from '../core/seeded-random.js';

// The same seed gives the same catalogue.
const rng = seededRandom;

/** Draws indices in proportion to weights (cumulative table + binary search). */
function sampler(weights: readonly number[], rand: () => number): () => number {
  const cum = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (cum[i] = sum += w));
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const pick = <T>(rand: () => number, items: readonly (readonly [T, number])[]): T => {
  let x = rand() * items.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of items) if ((x -= w) <= 0) return v;
  return items[items.length - 1]![0];
};

/** Standard normal (Box–Muller), for log-normal prices and workloads. */
const normal = (rand: () => number) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

const PLACES = ['Northfield', 'Riverside', 'Baltic', 'Alpine', 'Atlantic', 'Danube', 'Harbour', 'Meridian', 'Summit', 'Lakeside', 'Iberia', 'Nordic', 'Central', 'Westgate', 'Eastbrook', 'Highland', 'Rhine', 'Aegean', 'Carpathian', 'Liffey'];
const KINDS = ['University', 'Academy', 'Institute', 'Polytechnic', 'Learning', 'Training Centre', 'School of Applied Sciences', 'College', 'Skills Lab', 'Online'];
const LEVELS = ['Introduction to', 'Foundations of', 'Applied', 'Practical', 'Advanced', 'Professional', 'Essentials of', 'Mastering'];
const TYPES: readonly (readonly [string, number])[] = [['Course', 55], ['Professional Certificate', 12], ['Micro-credential', 12], ['Badge', 14], ['Certification exam', 7]];

export interface SyntheticCatalogOptions {
  count: number;
  seed?: number;
  /** How many providers share the catalogue (sizes follow a Zipf law). Default 2,000. */
  providers?: number;
}

/**
 * A synthetic credential catalogue for scale tests: skills drawn from ESCO with skewed frequencies (how many ESCO
 * occupations need a skill, raised to a power, so common skills dominate as in real catalogues), further skills
 * from the first one's ESCO neighbourhood, providers of Zipf-distributed size, log-normal prices and workloads,
 * EQF levels, languages and modes in plausible shares. Deterministic for a seed.
 */
export function* syntheticCatalog(taxonomy: Taxonomy, options: SyntheticCatalogOptions): Generator<CredentialEntry> {
  const rand = rng(options.seed ?? 42);
  const skills = taxonomy.skills().filter((s) => s.skillType !== 'unknown');
  const drawSkill = sampler(skills.map((s) => Math.pow(1 + taxonomy.skillOccupationCount(s.uri), 1.3)), rand);
  const nProviders = options.providers ?? 2000;
  const providerNames = Array.from({ length: nProviders }, (_, i) => `${PLACES[i % PLACES.length]} ${KINDS[Math.floor(i / PLACES.length) % KINDS.length]}${i >= PLACES.length * KINDS.length ? ` ${Math.floor(i / (PLACES.length * KINDS.length)) + 1}` : ''}`);
  const drawProvider = sampler(providerNames.map((_, i) => 1 / Math.pow(i + 1, 0.9)), rand);
  const neighbours = (uri: string) => [...taxonomy.narrower(uri), ...taxonomy.broader(uri).filter((b) => taxonomy.skill(b)), ...taxonomy.related(uri).map((r) => r.uri)];
  for (let n = 0; n < options.count; n++) {
    const first = skills[drawSkill()]!;
    const chosen = new Map<string, string>([[first.uri, taxonomy.label(first.uri) ?? first.uri]]);
    const want = 1 + Math.min(9, Math.floor(-Math.log(1 - rand()) * 3));
    const near = neighbours(first.uri);
    for (let tries = 0; chosen.size < want && tries < want * 3; tries++) {
      const uri = near.length && rand() < 0.6 ? near[Math.floor(rand() * near.length)]! : skills[drawSkill()]!.uri;
      if (!chosen.has(uri) && taxonomy.skill(uri)) chosen.set(uri, taxonomy.label(uri) ?? uri);
    }
    const declared = rand() < 0.6;
    const skillList: CredentialSkill[] = [...chosen].map(([uri, label]) => ({
      uri,
      label,
      provenance: declared ? 'declared' : 'inferred',
      confidence: declared ? 1 : Math.round((0.75 + rand() * 0.24) * 100) / 100,
      sourceText: declared ? null : label,
    }));
    const type = pick(rand, TYPES);
    const provider = providerNames[drawProvider()]!;
    const free = rand() < 0.12;
    const currency = pick(rand, [['EUR', 55], ['USD', 35], ['GBP', 10]] as const);
    const amount = free ? 0 : Math.round(Math.exp(Math.log(type === 'Course' ? 90 : 250) + 0.8 * normal(rand)));
    const hours = Math.max(1, Math.round(Math.exp(Math.log(type === 'Badge' ? 8 : type === 'Course' ? 20 : 60) + 0.7 * normal(rand))));
    const eqf = rand() < 0.2 ? null : pick(rand, [[3, 8], [4, 22], [5, 30], [6, 25], [7, 13], [8, 2]] as const);
    const lang = pick(rand, [['en', 68], ['de', 9], ['fr', 8], ['es', 7], ['it', 4], ['nl', 4]] as const);
    const id = `syn-${n.toString(36).padStart(4, '0')}`;
    yield {
      id,
      title: `${LEVELS[Math.floor(rand() * LEVELS.length)]} ${chosen.values().next().value} (${type} ${n.toString(36)})`,
      awardingBody: [provider],
      country: pick(rand, [['DE', 20], ['FR', 15], ['ES', 10], ['IT', 8], ['NL', 8], ['IE', 6], ['US', 25], ['GB', 8]] as const),
      dateOfIssue: null,
      learningOutcomes: [...chosen.values()].slice(0, 3).map((l) => `Can apply ${l}`),
      workload: { hours, ects: type === 'Micro-credential' ? Math.max(1, Math.round(hours / 25)) : null, basis: 'declared' },
      eqfLevel: eqf,
      assessment: rand() < 0.7 ? pick(rand, [['Online exam', 3], ['Project', 2], ['Peer-graded assignment', 2]] as const) : null,
      participation: null,
      qualityAssurance: rand() < 0.3 ? 'Internal quality assurance' : null,
      provider,
      credentialType: type,
      cost: { amount, currency, free, basis: 'declared', note: null },
      durationText: null,
      languages: [lang],
      mode: pick(rand, [['online', 65], ['hybrid', 15], ['onsite', 20]] as const),
      prerequisites: [],
      stackableInto: rand() < 0.1 ? [`${provider} Professional Track`] : [],
      verifiableFormat: pick(rand, [['ob3', 15], ['edc', 5], ['none', 40], ['unknown', 40]] as const),
      url: `https://courses.example.org/${id}`,
      skills: skillList,
      unmappedSkills: [],
      rating: null,
      sources: [{ format: 'synthetic', ref: `seed:${options.seed ?? 42}#${n}` }],
    };
  }
}
