import type { EvidencedSkill } from '../../core/verify/verification.js';
import type { VerifyDeps } from './verify-deps.js';

/**
 * Add ESCO URIs to skills that only have words (achievement text, non-ESCO alignments, learning outcome titles),
 * using the injected linker; keeps the original item when nothing scores high enough. Never throws: a linker fault
 * leaves the skills unlinked and returns a note.
 */
export async function linkEvidencedSkills(skills: EvidencedSkill[], deps: VerifyDeps): Promise<{ skills: EvidencedSkill[]; note: string | null }> {
  const todo = skills.filter((s) => !s.uri);
  if (!deps.linkTexts || todo.length === 0) return { skills, note: null };
  const minScore = deps.linkMinScore ?? 0.5;
  let hits: { uri: string; label: string; score: number }[][];
  try {
    hits = await deps.linkTexts(todo.map((s) => s.text));
  } catch (e) {
    return { skills, note: `Skill text could not be linked to ESCO (${(e as Error).message ?? 'linker error'}).` };
  }
  const out: EvidencedSkill[] = skills.filter((s) => s.uri);
  todo.forEach((s, i) => {
    const best = (hits[i] ?? []).filter((h) => h.score >= minScore).slice(0, 3);
    if (best.length === 0) out.push(s);
    for (const h of best) out.push({ uri: h.uri, text: `${h.label} (from "${s.text}")`, provenance: 'linked_text', score: Math.round(h.score * 1000) / 1000 });
  });
  return { skills: out, note: null };
}
