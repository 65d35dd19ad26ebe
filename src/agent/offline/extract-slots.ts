import type { PlanConstraints } from '../capabilities.js';
import { normalize, splitList } from './text.js';

/** What one user message says about constraints, held skills, candidates and the skill asked about. */
export interface SlotUpdate {
  constraints: Partial<PlanConstraints>;
  /** Providers to stop excluding (e.g. "AWS is fine again"). */
  cheaper: boolean;
  faster: boolean;
  held: string[];
  candidate: string[];
  /** The skill a why/where question is about. */
  skill: string | null;
  eqfLevel: number | null;
}

const LANGS: readonly [RegExp, string][] = [
  [/\b(in |auf )?(german|deutsch|allemand|aleman)\b/, 'de'],
  [/\b(in |auf )?(english|englisch|anglais|ingles)\b/, 'en'],
  [/\b(in |auf )?(french|franzosisch|francais|frances)\b/, 'fr'],
  [/\b(in |auf )?(spanish|spanisch|espagnol|espanol)\b/, 'es'],
];
const MODES: readonly [RegExp, PlanConstraints['mode']][] = [
  [/\b(online|remote|e-?learning|en ligne|en linea|a distance)\b/, 'online'],
  [/\b(in.?person|on.?site|onsite|classroom|prasenz|presentiel|presencial)\b/, 'onsite'],
  [/\b(blended|hybrid|hybride|hibrido)\b/, 'hybrid'],
];
const MONEY = /(?:under|below|less than|at most|max(?:imum)?|up to|within|budget(?: of| is)?|unter|bis|hochstens|moins de|maximum|jusqu'a|menos de|hasta|como maximo)\s*(?:€|eur|euros?)?\s*(\d+(?:[.,]\d+)?)|(\d+(?:[.,]\d+)?)\s*(?:€|eur|euros?)\b|€\s*(\d+(?:[.,]\d+)?)/;
const HOURS = /(\d+)\s*(?:h|hrs?|hours?|stunden|std|heures?|horas?)\b/;
const EXCLUDE = /(?:don'?t want|do not want|not from|nothing from|without|exclude|no more|no|kein(?:e|en)?|ohne|nicht von|pas de|sans|sin|nada de)\s+([a-z0-9][a-z0-9 .&-]{0,40}?)(?:\s+(?:courses?|credentials?|certs?|certifications?|kurse|cours|cursos))?(?:[.,!?]|$)/;
const ONLY_PROVIDER = /\bonly (?:from|by) ([a-z0-9][a-z0-9 .&-]{0,40}?)(?:[.,!?]|$)/;
const HELD = /(?:i (?:already )?(?:have|know|hold|speak)|i'?m (?:good|fluent|experienced) (?:at|in|with)|ich (?:habe|kann|beherrsche)(?: schon| bereits)?|j'ai(?: deja)?|je (?:connais|maitrise|sais)(?: deja)?|ya (?:tengo|se)|tengo|domino|conozco)\s+(?:experience (?:with|in) |some |a |an |ein(?:e|en)? |du |de la |des |un |una |el |la )?(.+)$/;
const CANDIDATE = /(?:candidat[eo]?|kandidat(?:in)?|applicant|bewerber(?:in)?)\b.*?\b(?:has|have|knows|with|brings|skills?:?|hat|kann|mit|a|connait|avec|tiene|sabe|con)\s+(.+)$/;
const WHY_SKILL = /(?:why|warum|wieso|pourquoi|por ?que)\s+(?:is|isn'?t|are|aren'?t|does|doesn'?t|is there no|no|fehlt|ist|manque|n'y a-t-il pas|falta|no esta|no hay)?\s*(?:the |das |der |die |le |la |el )?([a-z0-9][a-z0-9 +#.-]{0,40}?)\s+(?:missing|not|listed|required|there|included|needed|fehlt|nicht|manque|pas|falta|no|gefordert|requis|verlangt)\b|(?:fehlt|manque|falta)\s+(?:das |der |die |le |la |el )?([a-z0-9][a-z0-9 +#.-]{0,40}?)(?:[?.!]|$)|where does it (?:say|mention) ([a-z0-9][a-z0-9 +#.-]{0,40}?)(?:[?.!]|$)/;
const STOP_EXCLUDE = new Set(['idea', 'thanks', 'problem', 'more', 'longer', 'need', 'way', 'one']);

/** The words as the user typed them (case kept), when the normalised match can be found again. */
function asTyped(message: string, found: string): string {
  const i = message.toLowerCase().indexOf(found);
  return i >= 0 ? message.slice(i, i + found.length) : found;
}

const num = (s: string | undefined) => (s ? Number(s.replace(',', '.')) : undefined);

/** Read constraints, corrections and named skills from one message (en/de/fr/es). */
export function extractSlots(message: string): SlotUpdate {
  const t = normalize(message);
  const constraints: Partial<PlanConstraints> = {};
  const m = t.match(MONEY);
  const money = m ? num(m[1] ?? m[2] ?? m[3]) : undefined;
  if (money !== undefined && !/\beqf\b/.test(t)) constraints.budget = money;
  const h = t.match(HOURS);
  if (h) constraints.maxHours = Number(h[1]);
  for (const [re, code] of LANGS) if (re.test(t) && !/\b(i (speak|know)|ich (spreche|kann))\b/.test(t)) constraints.language = code;
  for (const [re, mode] of MODES) if (re.test(t)) constraints.mode = mode;
  if (/\b(verifiable|verified|verifizierbar\w*|verifiable|verificable\w*|open badges?|digital badges?)\b/.test(t) && /\b(only|nur|seulement|uniquement|solo|solamente|must be|have to be)\b/.test(t))
    constraints.verifiableOnly = true;
  const lvl = t.match(/\b(?:eqf|level|niveau|nivel|stufe)\s*(?:level\s*)?([1-8])\b/);
  const ex = t.match(EXCLUDE);
  if (ex && !STOP_EXCLUDE.has(ex[1]!.trim()) && !/\b(why|warum|pourquoi|por que)\b/.test(t)) constraints.excludeProviders = [ex[1]!.trim()];
  const only = t.match(ONLY_PROVIDER);
  if (only) constraints.providers = [only[1]!.trim()];
  const heldMatch = CANDIDATE.test(t) ? null : message.match(new RegExp(HELD.source, 'i')) ?? normalize(message).match(HELD);
  const cand = t.match(CANDIDATE);
  const why = t.match(WHY_SKILL);
  return {
    constraints,
    cheaper: /\b(cheaper|less expensive|lower cost|gunstiger|billiger|moins cher|mas barato|mas economico)\b/.test(t),
    faster: /\b(faster|quicker|shorter|fewer hours|less time|schneller|kurzer|plus rapide|moins long|mas rapido)\b/.test(t),
    held: heldMatch ? splitList(heldMatch[1]!) : [],
    candidate: cand ? splitList(cand[1]!).map((x) => asTyped(message, x)) : [],
    skill: why ? asTyped(message, (why[1] ?? why[2] ?? why[3] ?? '').trim()) || null : null,
    eqfLevel: lvl ? Number(lvl[1]) : null,
  };
}
