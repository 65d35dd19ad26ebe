/** Lower-case, accents removed, apostrophes unified: the form every offline rule matches on. */
export function normalize(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Split "Python, SQL and Docker" into ["Python", "SQL", "Docker"] (en/de/fr/es conjunctions). */
export function splitList(s: string): string[] {
  return s
    .split(/\s*(?:,|;|\/|\band\b|\bund\b|\bet\b|\by\b|\bor\b|\boder\b|\bou\b|&|\+)\s*/i)
    .map((x) => x.replace(/^(?:also|too|auch|aussi|tambien|también)\s+|\s+(?:too|also|auch|aussi|tambien|también|already|bereits|schon|deja|déjà|ya)$/i, ''))
    .map((x) => x.replace(/[.!?]+$/, '').trim())
    .filter((x) => x.length > 0 && x.length <= 60);
}

/** Character trigrams with word boundaries, for cheap fuzzy similarity that works across languages. */
export function trigrams(s: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (const word of normalize(s).split(/[^a-z0-9]+/).filter(Boolean)) {
    const w = ` ${word} `;
    for (let i = 0; i + 3 <= w.length; i++) grams.set(w.slice(i, i + 3), (grams.get(w.slice(i, i + 3)) ?? 0) + 1);
  }
  return grams;
}

/** Cosine similarity of two trigram bags. */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    dot += v * (b.get(k) ?? 0);
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Rough language of a user message (en, de, fr, es) from function words; `previous` when it has none. */
export function guessLanguage(s: string, previous: 'en' | 'de' | 'fr' | 'es' = 'en'): 'en' | 'de' | 'fr' | 'es' {
  const t = ` ${normalize(s)} `;
  const score = (words: string[]) => words.filter((w) => t.includes(` ${w} `)).length;
  const scores = {
    de: score(['ich', 'und', 'der', 'die', 'das', 'nicht', 'welche', 'was', 'mir', 'ist', 'habe', 'kann', 'fehlt', 'warum', 'kurse']),
    fr: score(['je', 'et', 'le', 'la', 'les', 'pas', 'quels', 'quelles', 'est', 'ai', 'me', 'pourquoi', 'cours', 'pour', 'manque']),
    es: score(['yo', 'el', 'los', 'las', 'que', 'no', 'cuales', 'tengo', 'me', 'falta', 'por', 'cursos', 'para', 'es', 'una']),
    en: score(['i', 'the', 'and', 'what', 'which', 'is', 'do', 'have', 'my', 'why', 'courses', 'for', 'does', 'me', 'a']),
  };
  const [best, top] = Object.entries(scores).sort((a, b) => b[1] - a[1])[0]!;
  // Short follow-ups ("cheaper?", "only online") carry no function words: keep the conversation's language.
  return top > 0 ? (best as 'en' | 'de' | 'fr' | 'es') : previous;
}
