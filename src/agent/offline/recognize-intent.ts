import { cosine, normalize, trigrams } from './text.js';

export const INTENTS = [
  'analyze', 'gap', 'plan', 'refine_plan', 'held', 'explain_missing', 'explain_found', 'search', 'verify', 'match',
  'eqf', 'elements', 'ects', 'vc', 'help', 'unsupported', 'reset', 'unknown',
] as const;
export type Intent = (typeof INTENTS)[number];

// High-precision rules, tried in order on the normalised message.
const RULES: readonly [Intent, RegExp][] = [
  ['reset', /\b(start over|forget (everything|my corrections|what i said)|reset|von vorne|vergiss|recommencer|oublie|empezar de nuevo|olvida)\b/],
  ['unsupported', /\b(apply (for|to) (it|this|the job)|write (my|a) (cover letter|cv|resume)|book (it|the course|a course)|pay for|enrol me|sign me up|bewirb|anschreiben|postule|lettre de motivation|postula|carta de presentacion)\b/],
  ['verify', /(^\s*\{)|\b(verify|verifiziere|prufe|verifie|verifica|verificar)\b|\bis (this|the|my) (badge|credential|certificate) (valid|real|genuine)|\bcheck (this|the|my) (badge|credential|certificate)|\bist (das|dieses) (zertifikat|badge) echt/],
  ['eqf', /\b(eqf|dqr|cec|mec)\b.*\b(mean|means|bedeutet|signifie|significa|explain|erklar\w*|explique)\b|\b(what|was|que|qu'est|quel)\b.*\b(eqf|dqr)\b/],
  ['ects', /\b(ects)\b/],
  ['elements', /\b(elements?|elemente|elementos?)\b.*\bmicro.?credential|micro.?credential.*\b(contain|include|must have|elements?|enthalten|contenir|contener)|what is a micro.?credential|mikro.?zertifikat|micro.?certificat|microcredencial/],
  ['vc', /\b(what is|was ist|qu'est.ce qu'|que es) (an? |un |une |ein )?(verifiable|verifizierbar|verifiable|verificable)|open badges?\b.*\b(what|was|quoi|que)\b/],
  ['explain_missing', /\b(why|warum|wieso|pourquoi|por ?que)\b.*\b(missing|not (there|listed|included|found|in)|no |isn'?t|fehlt|nicht|manque|pas|falta|no esta)\b/],
  ['explain_found', /\b(why|warum|pourquoi|por ?que)\b.*\b(listed|required|there|included|need|verlangt|gefordert|demande|requis|pide|requiere)\b|where does it (say|mention)/],
  ['match', /\b(candidat[eo]?|kandidat(in)?|applicant|bewerber(in)?)\b/],
  ['held', /\b(i (already )?(have|know|hold|speak)|i'?m (good|fluent|experienced) (at|in|with)|ich (habe|kann|beherrsche)|j'ai (deja )?|je (connais|maitrise|sais)|ya (tengo|se)|tengo|domino|conozco)\b/],
  ['refine_plan', /\b(cheaper|less expensive|faster|quicker|fewer hours|only online|online only|in person|on.?site|blended|budget|verifiable only|only verifiable|don'?t want|without|exclude|no (more )?than|under|below|at most|max(imum)?|eqf|level [1-8]|in (german|english|french|spanish)|auf (deutsch|englisch)|en (francais|anglais|espanol|ingles|allemand)|gunstiger|billiger|nur online|moins cher|seulement en ligne|mas barato|solo en linea|sin|sans|kein|ohne)\b|\b\d+\s*(€|eur|euros?|h|hours?|stunden|heures?|horas?)\b|€\s*\d+/],
  ['plan', /\b(course|courses|credential|credentials|certificat\w*|certification|badge|training|learn|study|kurs\w*|weiterbildung|zertifikat\w*|cours|formation|curso\w*|certificado\w*|formacion|close (the|my) gap|plan)\b/],
  ['gap', /\b(missing|lack|gap|what do i need|am i (a )?(fit|qualified)|do i qualify|fehlt|fehlen|luecke|me manque|manque-t-il|me falta|faltan|brecha)\b/],
  ['search', /\b(find|search|look up|suche|finde|cherche|trouve|busca|encuentra)\b.*\b(skills?|esco|kompetenz|competence|habilidad)|\besco (skill|term|concept) (for|of)\b/],
  ['analyze', /\b(skills?|requirements?|require|need|asks? for|kompetenz\w*|fahigkeit\w*|anforderung\w*|competences?|exige|habilidades|requisitos|competencias)\b/],
  ['help', /^(hi|hello|hey|hallo|bonjour|salut|hola|help|hilfe|aide|ayuda)\b|what can you do|was kannst du|que peux-tu|que puedes/],
];

// Exemplars in four languages for the similarity fallback (and for an optional embedding model).
export const EXEMPLARS: Readonly<Partial<Record<Intent, readonly string[]>>> = {
  analyze: ['what skills does this job need', 'welche kenntnisse braucht man fuer die stelle', 'quelles competences pour ce poste', 'que habilidades pide la oferta'],
  gap: ['what am i missing for this job', 'was fehlt mir fuer diese stelle', "qu'est-ce qui me manque pour ce poste", 'que me falta para este trabajo'],
  plan: ['which courses should i take', 'welche kurse soll ich machen', 'quels cours dois-je suivre', 'que cursos deberia hacer'],
  verify: ['is this certificate genuine', 'ist dieses zertifikat echt', 'ce certificat est-il authentique', 'es autentico este certificado'],
  match: ['how well does this person fit the role', 'passt diese person auf die stelle', 'cette personne correspond-elle au poste', 'encaja esta persona en el puesto'],
  help: ['what can you help me with', 'wobei kannst du mir helfen', "comment peux-tu m'aider", 'en que me puedes ayudar'],
};

export interface IntentGuess {
  intent: Intent;
  confidence: number;
  via: 'rule' | 'similarity' | 'embedding' | 'none';
}

export type Embed = (texts: string[]) => Promise<number[][]>;

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * (b[i] ?? 0);
  return s;
}

/** Rules first; then the nearest exemplar by trigram similarity, or by embedding when `embed` is given. */
export async function recognizeIntent(message: string, embed?: Embed): Promise<IntentGuess> {
  const t = normalize(message);
  for (const [intent, re] of RULES) if (re.test(t)) return { intent, confidence: 1, via: 'rule' };
  const entries = Object.entries(EXEMPLARS).flatMap(([intent, xs]) => xs.map((x) => [intent as Intent, x] as const));
  if (embed) {
    const vecs = await embed([t, ...entries.map((e) => e[1])]);
    const q = vecs[0]!;
    let best: IntentGuess = { intent: 'unknown', confidence: 0, via: 'none' };
    entries.forEach(([intent], i) => {
      const s = dot(q, vecs[i + 1]!);
      if (s > best.confidence) best = { intent, confidence: s, via: 'embedding' };
    });
    if (best.confidence >= 0.75) return best;
  }
  const q = trigrams(t);
  let best: IntentGuess = { intent: 'unknown', confidence: 0, via: 'none' };
  for (const [intent, x] of entries) {
    const s = cosine(q, trigrams(x));
    if (s > best.confidence) best = { intent, confidence: s, via: 'similarity' };
  }
  return best.confidence >= 0.35 ? best : { intent: 'unknown', confidence: best.confidence, via: 'none' };
}
