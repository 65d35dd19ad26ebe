/** Local spans of skill-bearing phrases inside one requirement sentence (offsets into that sentence). */
export interface LocalSpan {
  start: number;
  end: number;
}

// Phrases that introduce what is required; the object that follows is the skill (en, de, fr, es, pt).
const TRIGGERS = new RegExp(
  [
    String.raw`experience(?: working| building| developing| designing)?(?: with| in| using| of| on| as)`,
    String.raw`(?:knowledge|understanding|command|mastery) (?:of|in|about)`,
    String.raw`(?:proficiency|proficient|fluency|fluent|expertise|skilled|skills|background|competence|certifications?|degree) (?:in|with|on)`,
    String.raw`(?:familiarity|familiar|comfortable|exposure|hands-on experience) (?:with|to)`,
    String.raw`(?:ability|able) to`,
    String.raw`Erfahrung(?:en)? (?:in|mit|im|bei|als|beim)(?: der| dem| den| einem| einer)?`,
    String.raw`Kenntnisse (?:in|im|von|über|der|des|mit)(?: der| dem| den)?`,
    String.raw`(?:Verständnis|Know-how|Expertise|Kompetenz(?:en)?) (?:von|für|in|im)(?: der| dem| den)?`,
    String.raw`(?:Umgang mit|vertraut mit|beherrschst|beherrschen|kennst dich (?:gut )?mit)(?: der| dem| den)?`,
    String.raw`(?:Studium|Ausbildung) (?:der|im|in|als)`,
    String.raw`expériences? (?:en|avec|dans|des|de|sur|d['’])(?: la| le| les| l['’])?`,
    String.raw`(?:maîtrise|maîtrisez|maîtriser|connaissances?|compétences?|expertise)(?: (?:des|du|de|en|sur)| d['’])?(?: la| le| les| l['’])?`,
    String.raw`(?:familier|à l['’]aise) avec(?: la| le| les| l['’])?`,
    String.raw`(?:capacité|aptitude) à`,
    String.raw`formation (?:en|de|d['’])`,
    String.raw`experiencias? (?:en|con|de|como)(?: el| la| los| las)?`,
    String.raw`(?:conocimientos?|dominio|manejo|formación) (?:de|en|sobre|del)(?: el| la| los| las)?`,
    String.raw`experiências? (?:em|com|de|como)(?: o| a| os| as)?`,
    String.raw`(?:conhecimentos?|domínio|vivência|formação|familiaridade) (?:em|de|com|sobre|do|da|dos|das|no|na)(?: o| a| os| as)?`,
  ]
    .map((t) => `(?:${t})(?![\\p{L}])`)
    .join('|'),
  'giu',
);
// Examples that follow "such as", "z. B.", "comme", "como" are skills too.
const EXAMPLES = /\b(?:such as|like|including|e\.g\.|z\. ?B\.|wie|etwa|comme|notamment|par exemple|como|incluyendo|por ejemplo|por exemplo|tais como)\s+/giu;
// German compounds that carry the skill in their first part: "SQL-Kenntnisse", "Englischkenntnisse".
const COMPOUND = /(?<![\p{L}])(?!(?:Grund|Fach|Vor|Spezial|Sprach|Basis|Detail|Praxis|Berufs|Branchen|Experten|Fremdsprachen|Anwender|Programmier|Projekt)(?:-?kenntnisse|-?erfahrung))([\p{Lu}][\p{L}#+.]*?)-?(?:kenntnisse|erfahrung|know-how|skills)(?![\p{L}])/gu;
// Tool-shaped tokens: acronyms, CamelCase and dotted names (SQL, PostgreSQL, Node.js, C#, .NET, CI/CD, C++).
const TOOL = /(?<![\p{L}\d.#+])(?:\.NET|\.Net|[\p{Lu}][\p{Lu}\d]+(?:\/[\p{Lu}\d]+)?|[\p{Lu}][\p{Ll}]+[\p{Lu}][\p{L}\d]*|[\p{L}][\p{L}\d]*\.(?:js|NET|io)|C#|C\+\+|F#)(?![\p{L}\d#+])/gu;
// Where a phrase stops: sentence punctuation, brackets, dashes, or a relative clause.
const PHRASE_END =
  /[;:!?()[\]]|\.(?=\s|$)|\s[–—-]\s|,\s*(?:which|where|that|who|as well as|die|der|das|welche|qui|que|où|donde|onde)\b|\s(?:for|to|in order to|um|pour|afin de|para)\s/iu;
// Capitalised names after a preposition, and the ones chained to them: "in Python and Apache Spark", "mit Java".
const PREP = /(?:^|\s)(?:in|with|using|via|on|of|from|mit|über|von|en|avec|sous|de|con|com|em|no|na|do|da|del)\s+$/iu;
const CHAIN = /^\s*(?:,|and|or|und|oder|sowie|et|ou|y|o|e)\s*$/iu;
const CAP_RUN = /(?<![\p{L}\d.#+])[\p{Lu}][\p{L}\d.#+/-]*(?:\s+[\p{Lu}][\p{L}\d.#+/-]*)*/gu;
const SPLIT = /\s*[,;]\s*|\s*\/\s+|\s+(?:and|or|and\/or|und|oder|sowie|bzw\.|et|ou|y|o|e)\s+/giu;

function cut(text: string, from: number, max = 160): LocalSpan {
  const rest = text.slice(from, from + max);
  const stop = PHRASE_END.exec(rest);
  return { start: from, end: from + (stop ? stop.index : rest.length) };
}

/** Split "Python, Java and Go" into its items; keeps "designing and building APIs" whole (lower-case lead word). */
export function splitEnumeration(text: string, span: LocalSpan): LocalSpan[] {
  const piece = text.slice(span.start, span.end);
  const out: LocalSpan[] = [];
  let last = 0;
  for (const m of piece.matchAll(SPLIT)) {
    const left = piece.slice(last, m.index);
    // A single lower-case word before "and" is usually a verb or adjective shared with what follows.
    if (/^\s*\p{Ll}+\s*$/u.test(left) && !/,/.test(m[0])) continue;
    out.push({ start: span.start + last, end: span.start + m.index! });
    last = m.index! + m[0].length;
  }
  out.push({ start: span.start + last, end: span.end });
  return out.filter((s) => s.end > s.start);
}

// Capitals that are not tool names: Roman numerals in titles, CEFR levels, shouted function words, "MS" in MS-SQL.
const NOT_TOOL = /^(?:I{1,3}|IV|VI{0,3}|[ABC][12]|ARE|WE|THE|AND|OR|OF|TO|IN|ET|OU|UND|DER|DIE|DAS|LE|LA|LES|DE|EL|MS|BS|BA|MA|HR|CV|OK|US|USA|EU|UK|CET|CEST|UTC|PS|NB|FAQ)$/;

/**
 * Candidate phrase spans in a sentence; may overlap (a trigger object and a tool name inside it). `stated` (a
 * requirement or nice-to-have section) allows capitalised names after prepositions outside lists and the
 * last-resort phrase (the first clause of a long list item).
 */
export function phraseSpans(text: string, isListItem: boolean, stated = true): LocalSpan[] {
  const spans: LocalSpan[] = [];
  for (const m of text.matchAll(TRIGGERS)) spans.push(...splitEnumeration(text, cut(text, m.index! + m[0].length)));
  for (const m of text.matchAll(EXAMPLES)) spans.push(...splitEnumeration(text, cut(text, m.index! + m[0].length)));
  // Bracketed lists name tools; "(e)", "(se)", "(m/w/d)" are gender endings and are skipped by the length floor.
  for (const m of text.matchAll(/\(([^()]{4,200})\)/g)) {
    spans.push(...splitEnumeration(text, { start: m.index! + 1, end: m.index! + 1 + m[1]!.length }));
  }
  let chainEnd = -1;
  // In running prose a capital after "in"/"mit" is as often a place or the employer as a tool: only lists and
  // requirement sections are read this way.
  for (const m of isListItem || stated ? text.matchAll(CAP_RUN) : []) {
    const before = text.slice(Math.max(0, m.index! - 12), m.index);
    const chained = chainEnd >= 0 && CHAIN.test(text.slice(chainEnd, m.index));
    if (m.index! > 0 && (PREP.test(before) || chained)) {
      spans.push({ start: m.index!, end: m.index! + m[0].length });
      chainEnd = m.index! + m[0].length;
    } else chainEnd = -1;
  }
  const cued = spans.length > 0;
  for (const m of text.matchAll(COMPOUND)) spans.push({ start: m.index!, end: m.index! + m[1]!.length });
  for (const m of text.matchAll(TOOL)) {
    if (NOT_TOOL.test(m[0]) || /^['’]s\b/.test(text.slice(m.index! + m[0].length))) continue;
    spans.push({ start: m.index!, end: m.index! + m[0].length });
  }
  const words = text.split(/\s+/).length;
  if (isListItem && words <= 8 && !cued) spans.push(...splitEnumeration(text, { start: 0, end: text.length }));
  else if (isListItem && !cued && words > 8 && stated) {
    // A long item with no cue: its comma list of short items, if it has one, else its first clause.
    const first = cut(text, 0, 200);
    const parts = splitEnumeration(text, first);
    const short = parts.length >= 3 && parts.every((p) => text.slice(p.start, p.end).split(/\s+/).length <= 4);
    spans.push(...(short ? parts : [first]));
  }
  return spans;
}
