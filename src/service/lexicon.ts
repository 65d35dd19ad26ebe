import { LexicalMatcher, type LexicalLabel } from '../core/lexical-matcher.js';
import { TECH_ALIASES } from '../core/tech-aliases.js';
import type { Taxonomy } from '../ports/taxonomy.js';

/** The lexical channel's dictionary: every preferred, alternative and hidden label in the loaded languages, plus
 * the curated tech aliases. */
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
    const byLabel = new Map(taxonomy.skills().map((s) => [s.preferredLabel.en, s.uri]));
    for (const [target, aliases] of Object.entries(TECH_ALIASES)) {
      const uri = byLabel.get(target);
      if (uri) for (const alias of aliases) yield { conceptUri: uri, text: alias, lang: 'en', kind: 'alias' };
    }
  }
  return new LexicalMatcher(labels());
}
