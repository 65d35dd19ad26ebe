import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import type { Occupation, ReuseLevel, SkillConcept, SkillGroup, SkillType } from '../core/taxonomy-types.js';
import { readCsvRows, splitLines, type LoadReport } from './csv-rows.js';

/** Everything SkillProof keeps from an ESCO CSV bundle, in a JSON-serialisable shape (cached between runs). */
export interface EscoData {
  version: string;
  fingerprint: string;
  languages: string[];
  skills: SkillConcept[];
  /** [narrower, broader] pairs from the skills pillar (skills and skill groups). */
  broader: [string, string][];
  skillRelations: [string, 'essential' | 'optional', string][];
  groups: SkillGroup[];
  occupations: Occupation[];
  /** [occupationUri, skillUri, essential] */
  occupationSkills: [string, string, boolean][];
  iscoGroups: Record<string, string>;
}

const uri = z.string().trim().url();
const text = z.string().default('');

const SkillRow = z.object({
  conceptUri: uri,
  skillType: text,
  reuseLevel: text,
  preferredLabel: z.string().trim().min(1, 'empty preferredLabel'),
  altLabels: text,
  hiddenLabels: text,
  description: text,
});
const OccupationRow = z.object({
  conceptUri: uri,
  iscoGroup: text,
  preferredLabel: z.string().trim().min(1, 'empty preferredLabel'),
  altLabels: text,
  description: text,
  code: text,
});
const BroaderRow = z.object({ conceptUri: uri, broaderUri: uri });
const SkillRelationRow = z.object({ originalSkillUri: uri, relationType: z.enum(['essential', 'optional']), relatedSkillUri: uri });
const OccSkillRow = z.object({ occupationUri: uri, relationType: z.enum(['essential', 'optional']), skillUri: uri });
const GroupRow = z.object({ conceptUri: uri, preferredLabel: z.string().trim().min(1), code: text });
const IscoRow = z.object({ code: z.string().min(1), preferredLabel: z.string().min(1) });

export interface EscoLoadOptions {
  languages: readonly string[];
  strict: boolean;
  report: LoadReport;
}

/** A file of the bundle by base name, accepting both v1.1 (`x.csv`) and v1.2 (`x_en.csv`) naming. */
function findFile(dir: string, base: string, lang = 'en'): string | null {
  for (const name of [`${base}_${lang}.csv`, `${base}.csv`]) if (existsSync(join(dir, name))) return join(dir, name);
  return null;
}

/** Label files for other languages may sit in the folder itself or one level below (e.g. `v1.0-fr-es/`). */
function findLabelFile(dir: string, kind: 'skills' | 'occupations', lang: string): string | null {
  const direct = join(dir, `${kind}_${lang}.csv`);
  if (existsSync(direct)) return direct;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const nested = join(dir, entry.name, `${kind}_${lang}.csv`);
    if (existsSync(nested)) return nested;
  }
  return null;
}

/** Version from the bundle's own notes when present, plus a fingerprint of file names and sizes. */
export function escoIdentity(dir: string): { version: string; fingerprint: string } {
  const hash = createHash('sha256');
  let version = 'unknown';
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isFile()) hash.update(`${name}:${st.size};`);
    if (/^(SOURCE|README|VERSION)/i.test(name) && st.isFile()) {
      const m = /\bv(\d+\.\d+(?:\.\d+)?)\b/.exec(readFileSync(path, 'utf8'));
      if (m) version = `v${m[1]}`;
    }
  }
  return { version, fingerprint: hash.digest('hex').slice(0, 16) };
}

function skillType(v: string): SkillType {
  return v === 'skill/competence' || v === 'knowledge' ? v : 'unknown';
}
function reuseLevel(v: string): ReuseLevel {
  return (['transversal', 'cross-sector', 'sector-specific', 'occupation-specific'] as const).find((x) => x === v) ?? 'unknown';
}

/** Load an official ESCO CSV bundle. Throws ConfigError when the folder or its skills file is missing. */
export function loadEscoCsv(dir: string, options: EscoLoadOptions): EscoData {
  if (!existsSync(dir)) {
    throw new ConfigError('esco_missing', `ESCO folder ${dir} does not exist. Download the ESCO CSV package (see README "Getting ESCO") and set SKILLPROOF_ESCO_DIR.`);
  }
  const skillsFile = findFile(dir, 'skills');
  if (!skillsFile) {
    throw new ConfigError('esco_missing', `No skills_en.csv in ${dir}. Unzip the official ESCO CSV download (English classification) there, or set SKILLPROOF_ESCO_DIR.`);
  }
  const csv = { strict: options.strict, report: options.report };
  const skills: SkillConcept[] = readCsvRows(skillsFile, SkillRow, csv).map((r) => ({
    uri: r.conceptUri,
    preferredLabel: { en: r.preferredLabel },
    altLabels: { en: splitLines(r.altLabels) },
    hiddenLabels: splitLines(r.hiddenLabels),
    description: r.description.trim(),
    skillType: skillType(r.skillType),
    reuseLevel: reuseLevel(r.reuseLevel),
  }));
  const byUri = new Map(skills.map((s) => [s.uri, s]));
  const occupationsFile = findFile(dir, 'occupations');
  const occupations: Occupation[] = occupationsFile
    ? readCsvRows(occupationsFile, OccupationRow, csv).map((r) => ({
        uri: r.conceptUri,
        preferredLabel: { en: r.preferredLabel },
        altLabels: { en: splitLines(r.altLabels) },
        iscoGroup: r.iscoGroup,
        description: r.description.trim(),
        code: r.code,
      }))
    : [];
  const occByUri = new Map(occupations.map((o) => [o.uri, o]));

  const languages = ['en'];
  for (const lang of options.languages) {
    if (lang === 'en') continue;
    const file = findLabelFile(dir, 'skills', lang);
    if (!file) {
      throw new ConfigError('esco_language_missing', `No ESCO labels for language "${lang}" in ${dir} (expected skills_${lang}.csv). Download that language from the ESCO portal or drop it from --lang.`);
    }
    languages.push(lang);
    for (const r of readCsvRows(file, SkillRow.partial({ hiddenLabels: true, description: true }), csv)) {
      const s = byUri.get(r.conceptUri);
      if (!s) continue; // labels of concepts this ESCO version no longer has
      s.preferredLabel[lang] = r.preferredLabel;
      s.altLabels[lang] = splitLines(r.altLabels);
    }
    const occFile = findLabelFile(dir, 'occupations', lang);
    if (occFile) {
      for (const r of readCsvRows(occFile, OccupationRow.partial({ description: true, code: true }), csv)) {
        const o = occByUri.get(r.conceptUri);
        if (!o) continue;
        o.preferredLabel[lang] = r.preferredLabel;
        o.altLabels[lang] = splitLines(r.altLabels);
      }
    }
  }

  const optionalRows = <S extends z.ZodTypeAny>(base: string, schema: S): z.infer<S>[] => {
    const f = findFile(dir, base);
    return f ? readCsvRows(f, schema, csv) : [];
  };
  const broader = optionalRows('broaderRelationsSkillPillar', BroaderRow).map((r) => [r.conceptUri, r.broaderUri] as [string, string]);
  const skillRelations = optionalRows('skillSkillRelations', SkillRelationRow).map(
    (r) => [r.originalSkillUri, r.relationType, r.relatedSkillUri] as [string, 'essential' | 'optional', string],
  );
  const occupationSkills = optionalRows('occupationSkillRelations', OccSkillRow).map(
    (r) => [r.occupationUri, r.skillUri, r.relationType === 'essential'] as [string, string, boolean],
  );
  const groups = optionalRows('skillGroups', GroupRow).map((r) => ({ uri: r.conceptUri, label: r.preferredLabel, code: r.code }));
  const iscoGroups: Record<string, string> = {};
  for (const r of optionalRows('ISCOGroups', IscoRow)) iscoGroups[r.code] = r.preferredLabel;

  return { ...escoIdentity(dir), languages, skills, broader, skillRelations, groups, occupations, occupationSkills, iscoGroups };
}
