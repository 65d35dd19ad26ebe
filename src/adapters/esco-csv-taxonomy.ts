import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Occupation, RelationType, SkillConcept, SkillGroup } from '../core/taxonomy-types.js';
import type { Taxonomy } from '../ports/taxonomy.js';
import { writeFileAtomic } from './atomic-file.js';
import { emptyReport, type LoadReport } from './csv-rows.js';
import { escoIdentity, loadEscoCsv, type EscoData } from './esco-csv-loader.js';

const CACHE_FORMAT = 2;

/** Relation tables repeat the same URIs 150k times; the cache stores them once and refers by index. */
interface PackedEsco extends Omit<EscoData, 'broader' | 'skillRelations' | 'occupationSkills'> {
  uris: string[];
  broader: number[];
  skillRelations: number[];
  occupationSkills: number[];
}

function pack(data: EscoData): PackedEsco {
  const index = new Map<string, number>();
  const uris: string[] = [];
  const id = (u: string) => {
    let i = index.get(u);
    if (i === undefined) {
      i = uris.length;
      uris.push(u);
      index.set(u, i);
    }
    return i;
  };
  return {
    ...data,
    uris,
    broader: data.broader.flatMap(([a, b]) => [id(a), id(b)]),
    skillRelations: data.skillRelations.flatMap(([a, r, b]) => [id(a), r === 'essential' ? 1 : 0, id(b)]),
    occupationSkills: data.occupationSkills.flatMap(([o, s, e]) => [id(o), id(s), e ? 1 : 0]),
  };
}

function unpack(p: PackedEsco): EscoData {
  const u = (i: number) => p.uris[i]!;
  const broader: [string, string][] = [];
  for (let i = 0; i < p.broader.length; i += 2) broader.push([u(p.broader[i]!), u(p.broader[i + 1]!)]);
  const skillRelations: [string, 'essential' | 'optional', string][] = [];
  for (let i = 0; i < p.skillRelations.length; i += 3)
    skillRelations.push([u(p.skillRelations[i]!), p.skillRelations[i + 1] ? 'essential' : 'optional', u(p.skillRelations[i + 2]!)]);
  const occupationSkills: [string, string, boolean][] = [];
  for (let i = 0; i < p.occupationSkills.length; i += 3)
    occupationSkills.push([u(p.occupationSkills[i]!), u(p.occupationSkills[i + 1]!), p.occupationSkills[i + 2] === 1]);
  const { uris: _uris, ...rest } = p;
  return { ...rest, broader, skillRelations, occupationSkills };
}

/** In-memory ESCO taxonomy with the lookups the engine needs. */
export class EscoCsvTaxonomy implements Taxonomy {
  readonly version: string;
  readonly fingerprint: string;
  readonly languages: readonly string[];
  private readonly skillByUri = new Map<string, SkillConcept>();
  private readonly occByUri = new Map<string, Occupation>();
  private readonly groupByUri = new Map<string, SkillGroup>();
  private readonly up = new Map<string, string[]>();
  private readonly down = new Map<string, string[]>();
  private readonly rel = new Map<string, { uri: string; relation: RelationType }[]>();
  private readonly occSkills = new Map<string, { skillUri: string; relation: RelationType }[]>();
  private readonly skillOccCount = new Map<string, number>();

  constructor(private readonly data: EscoData) {
    this.version = data.version;
    this.fingerprint = data.fingerprint;
    this.languages = data.languages;
    for (const s of data.skills) this.skillByUri.set(s.uri, s);
    for (const o of data.occupations) this.occByUri.set(o.uri, o);
    for (const g of data.groups) this.groupByUri.set(g.uri, g);
    const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
      const list = m.get(k);
      if (list) list.push(v);
      else m.set(k, [v]);
    };
    for (const [child, parent] of data.broader) {
      push(this.up, child, parent);
      push(this.down, parent, child);
    }
    for (const [a, relation, b] of data.skillRelations) push(this.rel, a, { uri: b, relation });
    for (const [occ, skill, essential] of data.occupationSkills) {
      push(this.occSkills, occ, { skillUri: skill, relation: essential ? 'essential' : 'optional' });
      this.skillOccCount.set(skill, (this.skillOccCount.get(skill) ?? 0) + 1);
    }
  }

  skills(): readonly SkillConcept[] {
    return this.data.skills;
  }
  skill(uri: string): SkillConcept | undefined {
    return this.skillByUri.get(uri);
  }
  label(uri: string, lang = 'en'): string | undefined {
    const labels = this.skillByUri.get(uri)?.preferredLabel ?? this.occByUri.get(uri)?.preferredLabel;
    if (labels) return labels[lang] ?? labels.en;
    return this.groupByUri.get(uri)?.label;
  }
  broader(uri: string): readonly string[] {
    return this.up.get(uri) ?? [];
  }
  narrower(uri: string): readonly string[] {
    return this.down.get(uri) ?? [];
  }
  related(uri: string): readonly { uri: string; relation: RelationType }[] {
    return this.rel.get(uri) ?? [];
  }
  skillGroup(uri: string): SkillGroup | undefined {
    return this.groupByUri.get(uri);
  }
  occupations(): readonly Occupation[] {
    return this.data.occupations;
  }
  occupation(uri: string): Occupation | undefined {
    return this.occByUri.get(uri);
  }
  occupationSkills(uri: string): readonly { skillUri: string; relation: RelationType }[] {
    return this.occSkills.get(uri) ?? [];
  }
  skillOccupationCount(uri: string): number {
    return this.skillOccCount.get(uri) ?? 0;
  }
  /** Alternative labels are the key to lexical matching; `iscoGroups` names occupation groups. */
  iscoGroupLabel(code: string): string | undefined {
    return this.data.iscoGroups[code];
  }
}

export interface LoadTaxonomyOptions {
  escoDir: string;
  cacheDir: string | null;
  languages: readonly string[];
  strict?: boolean;
}

export interface LoadedTaxonomy {
  taxonomy: EscoCsvTaxonomy;
  report: LoadReport;
  fromCache: boolean;
}

/**
 * Load ESCO from its CSV bundle, reusing a parsed JSON cache keyed by the bundle's fingerprint and languages
 * (parsing the 40 MB of CSV takes seconds; the cache loads in a fraction of that).
 */
export function loadEscoTaxonomy(options: LoadTaxonomyOptions): LoadedTaxonomy {
  const langs = [...new Set(['en', ...options.languages])].sort();
  const report = emptyReport();
  const { fingerprint } = existsSync(options.escoDir) ? escoIdentity(options.escoDir) : { fingerprint: 'none' };
  const cacheFile = options.cacheDir ? join(options.cacheDir, `esco-${fingerprint}-${langs.join('+')}-v${CACHE_FORMAT}.json`) : null;
  if (cacheFile && existsSync(cacheFile) && !options.strict) {
    try {
      const data = unpack(JSON.parse(readFileSync(cacheFile, 'utf8')) as PackedEsco);
      return { taxonomy: new EscoCsvTaxonomy(data), report, fromCache: true };
    } catch {
      // A damaged cache is rebuilt below.
    }
  }
  const data = loadEscoCsv(options.escoDir, { languages: langs, strict: options.strict ?? false, report });
  if (cacheFile) writeFileAtomic(cacheFile, JSON.stringify(pack(data)));
  return { taxonomy: new EscoCsvTaxonomy(data), report, fromCache: false };
}
