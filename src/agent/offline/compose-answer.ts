import type { GapResult, MatchResult, PlanConstraints, PlanResult, VerifyResult } from '../capabilities.js';

type Obj = Record<string, unknown>;
const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const eur = (x: number) => `€${Number.isInteger(x) ? x : x.toFixed(2)}`;

export const CAN_DO =
  'I can list the skills a posting asks for, show what you are missing, plan credentials under your budget, hours, ' +
  'language, mode, provider and EQF level, explain why a skill is or is not listed, verify a digital credential, ' +
  'match a candidate to the posting, and explain EQF levels and the EU micro-credential elements.';

export function composeAnalysis(r: Obj): string {
  const skills = (r.skills as { label: string; importance: string }[]) ?? [];
  const ess = skills.filter((s) => s.importance === 'essential').map((s) => s.label);
  const opt = skills.filter((s) => s.importance !== 'essential').map((s) => s.label);
  const implied = ((r.implied as { label: string }[]) ?? []).map((s) => s.label);
  if (skills.length === 0) return 'I found no ESCO skills in this posting. Is the requirements section on the page?';
  return [
    `The posting${r.title ? ` “${String(r.title)}”` : ''} asks for ${skills.length} skills.`,
    ess.length ? `Essential: ${list(ess)}.` : '',
    opt.length ? `Optional: ${list(opt)}.` : '',
    implied.length ? `Not stated but usual for the role: ${list(implied)}.` : '',
  ].filter(Boolean).join(' ');
}

export function composeGap(g: GapResult): string {
  const missing = g.missing.filter((m) => m.importance !== 'optional').map((m) => m.label);
  const optional = g.missing.filter((m) => m.importance === 'optional').map((m) => m.label);
  const covered = g.covered.map((c) => c.label);
  if (missing.length === 0 && optional.length === 0) return `You already hold every skill the posting lists (${pct(g.score)} covered).`;
  return [
    `You cover ${pct(g.score)} of the essential skills.`,
    missing.length ? `Missing essential skills: ${list(missing)}.` : 'You hold every essential skill.',
    optional.length ? `Missing optional skills: ${list(optional)}.` : '',
    covered.length ? `Already covered: ${list(covered)}.` : '',
  ].filter(Boolean).join(' ');
}

export function describeConstraints(c: PlanConstraints): string {
  const parts = [
    c.budget !== undefined ? `budget ≤ ${eur(c.budget)}` : '',
    c.maxHours !== undefined ? `≤ ${c.maxHours} h` : '',
    c.mode ? `${c.mode} only` : '',
    c.language ? `language ${c.language}` : '',
    c.eqfLevel ? `EQF ${c.eqfLevel}` : '',
    c.verifiableOnly ? 'verifiable credentials only' : '',
    c.providers?.length ? `only from ${list(c.providers)}` : '',
    c.excludeProviders?.length ? `not from ${list(c.excludeProviders)}` : '',
  ].filter(Boolean);
  return parts.length ? ` (your constraints: ${parts.join(', ')})` : '';
}

export function composePlan(p: PlanResult, c: PlanConstraints): string {
  const lines = p.items.map(
    (i) =>
      `• ${i.title} — ${i.provider}, ${eur(i.cost)}, ${i.hours} h${i.eqfLevel ? `, EQF ${i.eqfLevel}` : ''}${i.mode ? `, ${i.mode}` : ''}` +
      `${i.language ? `, ${i.language}` : i.languages?.length ? `, ${i.languages.join('/')}` : ''}${i.verifiable ? ', verifiable' : ''}: closes ${list(i.covers.map((s) => s.label))}.`,
  );
  const head = p.feasible
    ? p.items.length === 0
      ? 'Nothing to close: you hold every essential skill.'
      : `This plan closes your essential gap for ${eur(p.totalCost)} and ${p.totalHours} hours${describeConstraints(c)}:`
    : `No plan closes every essential skill${describeConstraints(c)}.` +
      (p.items.length ? ` The best I can do for ${eur(p.totalCost)} and ${p.totalHours} hours:` : '');
  const free = (p as { withoutLimits?: { totalCost: number; totalHours: number; titles: string[] } | null }).withoutLimits;
  const tail = p.feasible
    ? []
    : [
        `Still uncovered: ${list(p.uncovered.map((u) => u.label))}.`,
        ...(free ? [`Without your limits: ${list(free.titles)} for ${eur(free.totalCost)} and ${free.totalHours} hours.`] : []),
        ...p.notes,
      ];
  return [head, ...lines, ...tail].join('\n');
}

export function composeExplain(r: Obj, skill: string): string {
  const closest = ((r.closest as { label: string }[]) ?? []).map((c) => c.label);
  const near = closest.length ? ` The closest ESCO skill to “${skill}” is ${closest[0]}.` : '';
  switch (r.status) {
    case 'found': {
      const s = r.skill as { label: string; importance: string; score: number };
      const ev = (r.evidence as string[])[0];
      return `${s.label} is listed as ${s.importance} (score ${s.score.toFixed(2)}) because the posting says: “${ev}”.`;
    }
    case 'implied':
      return `${(r.skill as { label: string }).label} is not stated, but it is an essential skill of the occupation the posting describes.`;
    case 'mentioned_not_linked':
      return `${skill} is not in the list: the posting mentions it only in “${String(r.sentence)}”, which is not stated as a requirement.${near}`;
    default:
      return `${skill} is not in the list because the posting does not mention it, and the occupation does not require it.${near}`;
  }
}

export function composeVerify(v: VerifyResult): string {
  const failed = v.checks.filter((c) => c.ok === false && c.advisory !== true);
  const skills = v.skills.map((s) => s.label ?? s.text ?? s.uri ?? '').filter(Boolean);
  return [
    v.verified
      ? 'The credential is verified: every required check passed.'
      : `The credential is NOT verified: ${failed.map((c) => `${c.message} (${c.code})`).join('; ') || 'some checks could not be done'}.`,
    `Checks: ${v.checks.map((c) => `${c.id} ${c.ok === true ? 'ok' : c.ok === false ? 'failed' : 'not checked'}`).join(', ')}.`,
    skills.length ? `Skills it ${v.verified ? 'proves' : 'claims'}: ${list(skills)}.` : '',
  ].filter(Boolean).join(' ');
}

export function composeMatch(m: MatchResult): string {
  return [
    `The candidate covers ${m.matched.length} of ${m.matched.length + m.missing.length} required skills (${pct(m.score)}).`,
    m.matched.length ? `Matched: ${list(m.matched.map((s) => s.label))}.` : '',
    m.missing.length ? `Missing: ${list(m.missing.map((s) => s.label))}.` : '',
  ].filter(Boolean).join(' ');
}

export function composeSearch(r: Obj, query: string): string {
  const skills = (r.skills as { label: string; score: number }[]) ?? [];
  if (!skills.length) return `I found no ESCO skill close to “${query}”.`;
  return `Closest ESCO skills to “${query}”: ${skills.map((s) => `${s.label} (${s.score.toFixed(2)})`).join(', ')}.`;
}

export function composeElements(r: Obj): string {
  if (Array.isArray(r.levels)) return (r.levels as string[]).join('\n');
  if (Array.isArray(r.mandatory)) {
    const m = (r.mandatory as { element: string; meaning: string }[]).map((e) => `• ${e.element}: ${e.meaning}`);
    return ['Under the EU Council Recommendation (2022) a micro-credential must state:', ...m, `Optional: ${list(r.optional as string[])}.`].join('\n');
  }
  return String(r.text ?? '');
}
