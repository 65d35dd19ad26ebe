import type { GapResult, MatchResult, PlanConstraints, PlanResult, VerifyResult } from '../capabilities.js';
import type { Phrases } from './phrases.js';

type Obj = Record<string, unknown>;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const eur = (x: number) => `€${Number.isInteger(x) ? x : x.toFixed(2)}`;

/** Answers composed from tool results, in the phrasebook's language. Names of skills and courses are kept. */
export function composeAnswer(p: Phrases) {
  const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${p.and} ${xs.at(-1)}`);
  const join = (parts: string[]) => parts.filter(Boolean).join(' ');

  const constraints = (c: PlanConstraints): string => {
    const parts = [
      c.budget !== undefined ? `≤ ${eur(c.budget)}` : '',
      c.maxHours !== undefined ? `≤ ${c.maxHours} h` : '',
      c.mode ?? '',
      c.language ? `lang ${c.language}` : '',
      c.eqfLevel ? `EQF ${c.eqfLevel}` : '',
      c.verifiableOnly ? 'verifiable' : '',
      c.providers?.length ? `= ${list(c.providers)}` : '',
      c.excludeProviders?.length ? `≠ ${list(c.excludeProviders)}` : '',
    ].filter(Boolean);
    return parts.length ? ` (${p.yourConstraints}: ${parts.join(', ')})` : '';
  };

  return {
    analysis(r: Obj): string {
      const skills = (r.skills as { label: string; importance: string }[]) ?? [];
      const ess = skills.filter((s) => s.importance === 'essential').map((s) => s.label);
      const opt = skills.filter((s) => s.importance !== 'essential').map((s) => s.label);
      const implied = ((r.implied as { label: string }[]) ?? []).map((s) => s.label);
      if (skills.length === 0) return p.noSkills;
      return join([
        p.postingAsks(r.title ? String(r.title) : null, skills.length),
        ess.length ? `${p.essential}: ${list(ess)}.` : '',
        opt.length ? `${p.optional}: ${list(opt)}.` : '',
        implied.length ? `${p.implied}: ${list(implied)}.` : '',
      ]);
    },

    gap(g: GapResult): string {
      const missing = g.missing.filter((m) => m.importance !== 'optional').map((m) => m.label);
      const optional = g.missing.filter((m) => m.importance === 'optional').map((m) => m.label);
      const covered = g.covered.map((c) => c.label);
      if (missing.length === 0 && optional.length === 0) return p.allHeld(pct(g.score));
      return join([
        p.coverEssential(pct(g.score)),
        missing.length ? `${p.missingEssential}: ${list(missing)}.` : p.noEssentialMissing,
        optional.length ? `${p.missingOptional}: ${list(optional)}.` : '',
        covered.length ? `${p.alreadyCovered}: ${list(covered)}.` : '',
      ]);
    },

    plan(r: PlanResult, c: PlanConstraints): string {
      const lines = r.items.map((i) => {
        const lang = i.language ?? i.languages?.join('/');
        const facts = [eur(i.cost), `${i.hours} h`, i.eqfLevel ? `EQF ${i.eqfLevel}` : '', i.mode ?? '', lang ?? '', i.verifiable ? 'verifiable' : ''];
        return `• ${i.title} — ${i.provider}, ${facts.filter(Boolean).join(', ')}: ${p.closes} ${list(i.covers.map((s) => s.label))}.`;
      });
      const k = constraints(c);
      const head = r.feasible
        ? r.items.length === 0
          ? p.nothingToClose
          : p.planHead(eur(r.totalCost), r.totalHours, k)
        : p.noPlan(k) + (r.items.length ? p.bestPartial(eur(r.totalCost), r.totalHours) : '');
      const free = (r as { withoutLimits?: { totalCost: number; totalHours: number; titles: string[] } | null }).withoutLimits;
      // A feasible plan may still leave skills no catalogue entry teaches: say so, with the planner's notes.
      const tail = [
        ...(r.uncovered.length ? [`${p.stillUncovered}: ${list(r.uncovered.map((u) => u.label))}.`] : []),
        ...(!r.feasible && free ? [p.withoutLimits(list(free.titles), eur(free.totalCost), free.totalHours)] : []),
        ...r.notes,
      ];
      return [head, ...lines, ...tail].join('\n');
    },

    explain(r: Obj, skill: string): string {
      const closest = ((r.closest as { label: string }[]) ?? []).map((x) => x.label);
      const near = closest.length ? p.closest(skill, closest[0]!) : '';
      switch (r.status) {
        case 'found': {
          const s = r.skill as { label: string; importance: string; score: number };
          return p.found(s.label, s.importance, s.score.toFixed(2), (r.evidence as string[])[0] ?? '');
        }
        case 'implied':
          return p.impliedSkill((r.skill as { label: string }).label);
        case 'mentioned_not_linked':
          return p.mentionedOnly(skill, String(r.sentence)) + near;
        default:
          return p.notMentioned(skill) + near;
      }
    },

    verify(v: VerifyResult): string {
      const failed = v.checks.filter((x) => x.ok === false && x.advisory !== true);
      const skills = v.skills.map((s) => s.label ?? s.text ?? s.uri ?? '').filter(Boolean);
      return join([
        v.verified ? p.verified : p.notVerified(failed.map((x) => `${x.message} (${x.code})`).join('; ') || '—'),
        `${p.checks}: ${v.checks.map((x) => `${x.id} ${x.ok === true ? '✓' : x.ok === false ? '✗' : '?'}`).join(', ')}.`,
        skills.length ? `${v.verified ? p.proves : p.claims}: ${list(skills)}.` : '',
      ]);
    },

    match(m: MatchResult): string {
      return join([
        p.candidateCovers(m.matched.length, m.matched.length + m.missing.length, pct(m.score)),
        m.matched.length ? `${p.matched}: ${list(m.matched.map((s) => s.label))}.` : '',
        m.missing.length ? `${p.missing}: ${list(m.missing.map((s) => s.label))}.` : '',
      ]);
    },

    search(r: Obj, query: string): string {
      const skills = (r.skills as { label: string; score: number }[]) ?? [];
      if (!skills.length) return p.searchNone(query);
      return `${p.searchHead(query)}: ${skills.map((s) => `${s.label} (${s.score.toFixed(2)})`).join(', ')}.`;
    },

    /** Reference knowledge stays in English (it is written once, carefully). */
    elements(r: Obj): string {
      if (Array.isArray(r.levels)) return (r.levels as string[]).join('\n');
      if (Array.isArray(r.mandatory)) {
        const m = (r.mandatory as { element: string; meaning: string }[]).map((e) => `• ${e.element}: ${e.meaning}`);
        return ['Under the EU Council Recommendation (2022) a micro-credential must state:', ...m, `Optional: ${list(r.optional as string[])}.`].join('\n');
      }
      return String(r.text ?? '');
    },
  };
}
