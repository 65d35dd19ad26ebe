import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { ParsedCatalog } from '../../core/catalog/parsed-catalog.js';
import { InputError } from '../../core/errors.js';
import { importCourseraCatalogCsv, isCourseraCatalogCsv } from './coursera-catalog-csv.js';
import { importCourseraCoursesCsv, isCourseraCoursesCsv } from './coursera-courses-csv.js';
import { importCourseraProgramsCsv, isCourseraProgramsCsv, type ProgrammeRef } from './coursera-programs-csv.js';
import { importCtdlJsonLd, isCtdl } from './ctdl-json-ld.js';
import { importEdcElm, isEdc } from './edc-elm.js';
import { importOpenBadgesAchievement, isOpenBadge } from './open-badges-achievement.js';
import { importSkillProofJson, isSkillProofCatalog } from './skillproof-json.js';

/** The formats `readCatalogFiles` recognises, by content (not by file name). */
export const CATALOG_FORMATS = ['coursera-programs-csv', 'coursera-courses-csv', 'coursera-catalog-csv', 'ctdl', 'edc', 'ob3', 'skillproof'] as const;

const DATA_EXT = new Set(['.csv', '.json', '.jsonld']);

async function expand(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new InputError('catalog_file_missing', `No such file or folder: ${p}. Check the path you passed to "catalog import".`);
    if ((await stat(p)).isDirectory()) {
      for (const f of (await readdir(p)).sort()) if (DATA_EXT.has(extname(f).toLowerCase())) out.push(join(p, f));
    } else out.push(p);
  }
  // Programme files first, so course files can join to them.
  return [...new Set(out)].sort((a, b) => Number(b.includes('prog')) - Number(a.includes('prog')));
}

const unknownFormat = (file: string, rowsRead = 0): ParsedCatalog => ({
  format: 'unknown',
  file,
  rowsRead,
  drafts: [],
  skipped: [{ ref: file, reason: `not a catalogue format SkillProof reads (${CATALOG_FORMATS.join(', ')})` }],
});

/** Parse one file's text, detecting its format from its content. */
export function parseCatalogText(text: string, file: string, programmes: Map<string, ProgrammeRef> = new Map()): ParsedCatalog & { programmes?: Map<string, ProgrammeRef> } {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(body)) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (e) {
      return { ...unknownFormat(file), skipped: [{ ref: file, reason: `invalid JSON: ${(e as Error).message}` }] };
    }
    if (isSkillProofCatalog(json)) return importSkillProofJson(json, file);
    if (isCtdl(json)) return importCtdlJsonLd(json, file);
    if (isEdc(json)) return importEdcElm(json, file);
    if (isOpenBadge(json)) return importOpenBadgesAchievement(json, file);
    return unknownFormat(file);
  }
  const header = body.slice(0, body.indexOf('\n') >= 0 ? body.indexOf('\n') : body.length);
  if (isCourseraProgramsCsv(header)) return importCourseraProgramsCsv(body, file);
  if (isCourseraCoursesCsv(header)) return importCourseraCoursesCsv(body, file, programmes);
  if (isCourseraCatalogCsv(header)) return importCourseraCatalogCsv(body, file);
  return unknownFormat(file);
}

/** CSV files in `dir` whose header is the Coursera programmes layout. */
async function programmeFilesNextTo(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.csv')).sort()) {
    const head = (await readFile(join(dir, name), 'utf8')).slice(0, 2000);
    if (isCourseraProgramsCsv(head)) out.push(join(dir, name));
  }
  return out;
}

/**
 * Read catalogue files or folders (CSV, JSON, JSON-LD) and parse each with the importer for its format. A course
 * file is joined to the Coursera programmes CSV next to it when one exists. Unknown formats come back as skipped files.
 */
export async function readCatalogFiles(paths: readonly string[]): Promise<ParsedCatalog[]> {
  const files = await expand(paths);
  const programmes = new Map<string, ProgrammeRef>();
  const seenProg = new Set<string>();
  const out: ParsedCatalog[] = [];
  for (const path of files) {
    const text = await readFile(path, 'utf8');
    const header = text.slice(0, 2000);
    if (isCourseraCoursesCsv(header)) {
      // The programmes a course file refers to live in a sibling CSV, recognised by its header, not its name.
      for (const sibling of await programmeFilesNextTo(dirname(path))) {
        if (seenProg.has(sibling)) continue;
        for (const [k, v] of importCourseraProgramsCsv(await readFile(sibling, 'utf8'), basename(sibling)).programmes) programmes.set(k, v);
        seenProg.add(sibling);
      }
    }
    const parsed = parseCatalogText(text, basename(path), programmes);
    if (parsed.programmes) {
      for (const [k, v] of parsed.programmes) programmes.set(k, v);
      seenProg.add(path);
      delete parsed.programmes;
    }
    out.push(parsed);
  }
  return out;
}
