/**
 * Job titles and occupation labels in gendered languages name two forms in one string: "Agent / Agente d'accueil",
 * "directeur technique/directrice technique", "Secrétaires médicales/médicaux", "Entwickler/in", "Desarrollador/a",
 * "Kaufmann/-frau", "Développeur(se)". A sentence embedding of the joined string is a blur of both; each form alone
 * is what the other side's labels look like. `titleVariants` spells out every form (the string itself first when
 * it has no pair), so a caller can score each and keep the best.
 */

const MAX_VARIANTS = 4;
const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);

/** "A/B" where B is a short inflection of A's last word: Entwickler/in, Desarrollador/a, Kaufmann/-frau. */
function suffixForm(left: string, right: string): string | null {
  const r = right.trim();
  const last = words(left).at(-1) ?? '';
  if (!last) return null;
  if (/^-\p{Ll}{1,6}$/u.test(r)) {
    // "Kaufmann/-frau": the ending replaces the matching tail (mann → frau), else it is appended.
    const tail = r.slice(1);
    const stem = last.replace(/(mann|männer|frau|frauen)$/u, '');
    return left.slice(0, left.length - last.length) + (stem !== last ? stem : last) + tail;
  }
  if (/^\p{Ll}{1,4}$/u.test(r) && last.length > r.length + 2 && /\p{L}$/u.test(last)) {
    // Inflection appended to the base form ("Entwickler/in" → Entwicklerin); a final -e is dropped when the ending
    // starts with a vowel is not guessed: both spellings are rare and the joined form is still a variant.
    return left.slice(0, left.length - last.length) + last + r;
  }
  return null;
}

/** Combine "M words / F words [shared complement]" into two complete titles. */
function pairForms(left: string, right: string): string[] {
  const l = words(left);
  const r = words(right);
  if (!l.length || !r.length) return [];
  const rightEndsWithLeft = r.slice(r.length - l.length).join(' ').toLowerCase() === l.join(' ').toLowerCase();
  if (r.length > l.length && !rightEndsWithLeft) {
    // "Agent / Agente d'accueil touristique": the words after the second form's own belong to both.
    // ("fantassin/femme fantassin" names both forms whole.)
    const complement = r.slice(l.length);
    return [[...l, ...complement].join(' '), r.join(' ')];
  }
  if (r.length < l.length) {
    // "Secrétaires médicales/médicaux": the second part replaces the end of the first.
    return [l.join(' '), [...l.slice(0, l.length - r.length), ...r].join(' ')];
  }
  return [l.join(' '), r.join(' ')];
}

/** "Développeur(se)" → Développeuse, "Vendeur(euse)" → Vendeuse, "Acteur(trice)" → Actrice, "Sportif(ve)" → Sportive. */
function bracketForm(stem: string, ending: string): string {
  if (ending === 'se' && stem.endsWith('eur')) return stem.slice(0, -1) + 'se';
  if (ending === 'euse' && stem.endsWith('eur')) return stem.slice(0, -3) + ending;
  if ((ending === 'trice' || ending === 'rice') && stem.endsWith('teur')) return stem.slice(0, -4) + 'trice';
  if (ending === 've' && stem.endsWith('f')) return stem.slice(0, -1) + ending;
  return stem + ending;
}

/** English words ending in -s that are not plurals of a job noun ("Head of Sales", "Operations Manager"). */
const NOT_PLURAL = new Set(['sales', 'logistics', 'operations', 'services', 'relations', 'analytics', 'economics', 'mathematics', 'physics', 'statistics', 'news', 'series', 'species', 'electronics', 'graphics', 'athletics', 'ethics', 'robotics', 'linguistics', 'mechanics', 'aeronautics', 'genetics', 'optics', 'acoustics', 'ceramics', 'cosmetics', 'dynamics', 'plastics', 'textiles', 'communications', 'affairs', 'systems', 'devops', 'kubernetes', 'aws', 'ios', 'macos', 'windows', 'sports', 'arts', 'works', 'goods', 'foods', 'materials', 'resources', 'facilities', 'utilities', 'claims', 'accounts', 'payments', 'securities', 'loans', 'customs', 'means', 'premises', 'headquarters']);

function singularWord(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length < 4 || NOT_PLURAL.has(lower) || /(ss|us|is|ous|ics)$/.test(lower) || !/^\p{L}+$/u.test(word)) return word;
  if (lower.endsWith('ies')) return word.slice(0, -3) + (word.endsWith('IES') ? 'Y' : 'y');
  if (/(ches|shes|xes|sses|zes)$/.test(lower)) return word.slice(0, -2);
  if (lower.endsWith('men')) return word.slice(0, -3) + word.slice(-3, -2) + 'an';
  if (lower.endsWith('s') && !lower.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * English titles in lists and classifications are plural ("Software Developers", "Farmers and Ranchers"); occupation
 * labels are singular. The head noun (the last word) and each noun closing a coordinated part are made singular;
 * words before a preposition keep the head: "Heads of Sales" → "Head of Sales".
 */
export function englishSingular(title: string): string {
  const words = title.split(' ');
  const prep = words.findIndex((w, i) => i > 0 && /^(of|for|in|at|to|with|on)$/i.test(w));
  const headEnd = prep > 0 ? prep : words.length;
  return words
    .map((w, i) => {
      const closesPart = i === headEnd - 1 || (i < headEnd && /^(and|or|&)$/i.test(words[i + 1] ?? '')) || (i < headEnd && w.endsWith(','));
      if (!closesPart) return w;
      const comma = w.endsWith(',') ? ',' : '';
      return singularWord(comma ? w.slice(0, -1) : w) + comma;
    })
    .join(' ');
}

/**
 * The forms of a job title worth searching, the title itself first when it has no other form. `lang` (ISO 639-1)
 * enables language-specific forms: English plurals are made singular.
 */
export function titleVariants(title: string, lang?: string | null): string[] {
  const raw = title.replace(/\s+/g, ' ').trim();
  if (!raw) return [];
  const text = lang === 'en' ? englishSingular(raw) : raw;
  const out = new Set<string>();
  // "Développeur(se)", "Vendeur(euse)", "employé(e)": the bracketed ending makes a second form.
  const bracket = /(\p{L}+)\((\p{Ll}{1,5})\)/u.exec(text);
  if (bracket) {
    const [whole, stem, ending] = bracket;
    out.add(text.replace(whole, stem!));
    out.add(text.replace(whole, bracketForm(stem!, ending!)));
  }
  const slash = text.split('/');
  if (slash.length === 2 && !bracket) {
    const [left, right] = slash as [string, string];
    const suffixed = suffixForm(left, right);
    if (suffixed) {
      out.add(left.trim());
      out.add(suffixed);
    } else {
      for (const form of pairForms(left, right)) out.add(form);
    }
  }
  if (!out.size) out.add(text);
  return [...out].slice(0, MAX_VARIANTS);
}
