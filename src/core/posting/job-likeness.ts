import { sectionCue } from './section-cues.js';

// Words that job ads use and other pages rarely do, in the five supported languages (folded: no accents).
const VOCABULARY =
  /\b(requirements?|qualifications?|responsibilit\w+|experience (with|in)|years of experience|apply|applicants?|candidates?|full[ -]time|part[ -]time|remote|salary|hiring|job|role|position|vacancy|erfahrung|kenntnisse|aufgaben|bewerbung|bewirb|stellenangebot|vollzeit|teilzeit|m\/w\/d|poste|candidat\w*|experience (en|de)|competences|cdi|postuler|empleo|puesto|requisitos|experiencia|vacante|vaga|experiencia|candidatura|contratacao)\b/g;

export interface JobLikeness {
  isJobPosting: boolean;
  /** Distinct job words plus twice the requirement/responsibility headings. */
  score: number;
  reason: string;
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Whether a text reads like a job posting: used to refuse a generic page (a blog post, a search page) with a clear
 * message instead of reporting skills from it. Site, JSON-LD and microdata readers skip this check.
 */
export function jobLikeness(text: string): JobLikeness {
  const sample = text.slice(0, 200_000);
  const words = new Set(fold(sample).match(VOCABULARY) ?? []);
  let headings = 0;
  for (const line of sample.split('\n')) {
    const clean = line.replace(/^#+\s*|\*\*/g, '').trim();
    if (clean.length > 0 && clean.length < 80) {
      const kind = sectionCue(clean);
      if (kind === 'requirements' || kind === 'responsibilities' || kind === 'nice-to-have') headings++;
    }
  }
  const score = words.size + 2 * Math.min(headings, 4);
  const isJobPosting = score >= 4 && (headings > 0 || words.size >= 5);
  const reason = isJobPosting
    ? `found ${headings} requirement/responsibility headings and ${words.size} job words`
    : `the text has ${headings} requirement/responsibility headings and ${words.size} job words, too few for a job posting`;
  return { isJobPosting, score, reason };
}
