import type { SkillSurface } from './taxonomy-types.js';

/** Anything with ESCO-style labels: skills and occupations alike. */
export interface LabelledConcept {
  uri: string;
  preferredLabel: Record<string, string>;
  altLabels: Record<string, string[]>;
  hiddenLabels?: string[];
  description?: string;
}

export interface SurfaceOptions {
  languages: readonly string[];
  hiddenLabels: boolean;
  descriptions: boolean;
}

/** Unique texts to embed, and for each text every (concept, label kind, language) it stands for. */
export interface SurfaceTable {
  texts: string[];
  groups: SkillSurface[][];
}

/** Case- and space-insensitive key, so "Python", "python" and "Python " are embedded once. */
export function surfaceKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Every searchable surface form of the given skills, de-duplicated by text. */
export function skillSurfaces(skills: readonly LabelledConcept[], options: SurfaceOptions): SurfaceTable {
  const index = new Map<string, number>();
  const texts: string[] = [];
  const groups: SkillSurface[][] = [];
  const add = (conceptUri: string, raw: string, lang: string, kind: SkillSurface['kind']) => {
    const text = raw.trim().replace(/\s+/g, ' ');
    if (!text) return;
    const key = surfaceKey(text);
    let i = index.get(key);
    if (i === undefined) {
      i = texts.length;
      index.set(key, i);
      texts.push(text);
      groups.push([]);
    }
    const group = groups[i]!;
    if (!group.some((s) => s.conceptUri === conceptUri)) group.push({ conceptUri, text, lang, kind });
  };
  for (const s of skills) {
    for (const lang of options.languages) {
      const pref = s.preferredLabel[lang];
      if (pref) add(s.uri, pref, lang, 'preferred');
      for (const alt of s.altLabels[lang] ?? []) add(s.uri, alt, lang, 'alt');
    }
    if (options.hiddenLabels) for (const h of s.hiddenLabels ?? []) add(s.uri, h, 'en', 'hidden');
    if (options.descriptions && s.description) add(s.uri, s.description, 'en', 'description');
  }
  return { texts, groups };
}
