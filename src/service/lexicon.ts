import { LexicalMatcher, type LexicalLabel } from '../core/lexical-matcher.js';
import type { Taxonomy } from '../ports/taxonomy.js';

/** The lexical channel's dictionary: every preferred, alternative and hidden label in the loaded languages. */
export function buildLexicalMatcher(taxonomy: Taxonomy): LexicalMatcher {
  function* labels(): Generator<LexicalLabel> {
    for (const s of taxonomy.skills()) {
      for (const lang of taxonomy.languages) {
        const pref = s.preferredLabel[lang];
        if (pref) yield { conceptUri: s.uri, text: pref, lang, kind: 'preferred' };
        for (const alt of s.altLabels[lang] ?? []) yield { conceptUri: s.uri, text: alt, lang, kind: 'alt' };
      }
      for (const h of s.hiddenLabels) yield { conceptUri: s.uri, text: h, lang: 'en', kind: 'hidden' };
    }
  }
  return new LexicalMatcher(labels());
}
