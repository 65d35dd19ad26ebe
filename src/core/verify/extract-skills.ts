import { asArray, isRecord, str, text } from './read-credential.js';
import type { EvidencedSkill } from './verification.js';

const ESCO_SKILL = /^https?:\/\/data\.europa\.eu\/esco\/(skill|knowledge|competence)\//i;
const MAX_TEXT = 300;

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT - 1)}…` : t;
}

function fromAlignments(alignments: unknown, out: EvidencedSkill[]): void {
  for (const a of asArray(alignments as unknown)) {
    if (!isRecord(a)) continue;
    const url = str(a.targetUrl) ?? str(a.url);
    const name = text(a.targetName) ?? text(a.name) ?? url;
    if (!name) continue;
    const framework = text(a.targetFramework) ?? undefined;
    if (url && ESCO_SKILL.test(url)) out.push({ uri: url, text: clip(name), provenance: 'esco_alignment', framework: framework ?? 'ESCO' });
    else out.push({ text: clip(name), provenance: 'framework_alignment', ...(framework ? { framework } : {}) });
  }
}

/** Walk an ELM (EDC) subject for learning outcomes and their related ESCO skills. */
function fromElm(node: unknown, out: EvidencedSkill[], depth = 0): void {
  if (depth > 12) return;
  if (Array.isArray(node)) {
    for (const n of node.slice(0, 200)) fromElm(n, out, depth + 1);
    return;
  }
  if (!isRecord(node)) return;
  for (const outcome of asArray(node.learningOutcome as unknown)) {
    if (!isRecord(outcome)) continue;
    const title = text(outcome.title) ?? text(outcome.prefLabel);
    const related = asArray(outcome.relatedESCOSkill as unknown);
    for (const r of related) {
      const id = isRecord(r) ? str(r.id) : str(r);
      const label = isRecord(r) ? (text(r.prefLabel) ?? title) : title;
      // Issuers often give local ids (urn:epass:…) with only the label: keep the words for the linker then.
      if (id && ESCO_SKILL.test(id)) out.push({ uri: id, text: clip(label ?? id), provenance: 'edc_esco_skill', framework: 'ESCO' });
      else if (label) out.push({ text: clip(label), provenance: 'edc_esco_skill', framework: 'ESCO' });
    }
    if (title && related.length === 0) out.push({ text: clip(title), provenance: 'edc_learning_outcome' });
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'learningOutcome' || key === 'logo' || key === 'content') continue;
    if (typeof value === 'object' && value !== null) fromElm(value, out, depth + 1);
  }
}

/** Achievement/badge text to link when there is no explicit alignment. */
function fromAchievementText(achievement: Record<string, unknown>, withDetails: boolean, out: EvidencedSkill[]): void {
  const name = text(achievement.name);
  if (name) out.push({ text: clip(name), provenance: 'achievement_text' });
  if (!withDetails) return;
  const criteria = isRecord(achievement.criteria) ? text(achievement.criteria.narrative) : null;
  for (const t of [text(achievement.description), criteria]) if (t) out.push({ text: clip(t), provenance: 'achievement_text' });
}

/**
 * The skills a credential claims, best source first: explicit ESCO alignments, other framework alignments,
 * EDC learning outcomes, then achievement name/description/criteria text for the linker. De-duplicated.
 */
export function extractSkills(doc: unknown): EvidencedSkill[] {
  if (!isRecord(doc)) return [];
  const out: EvidencedSkill[] = [];
  for (const subject of asArray(doc.credentialSubject as unknown)) {
    if (!isRecord(subject)) continue;
    const achievement = isRecord(subject.achievement) ? subject.achievement : null;
    if (achievement) {
      const before = out.length;
      fromAlignments(achievement.alignment, out);
      fromAchievementText(achievement, out.length === before, out);
    }
    if (subject.hasClaim !== undefined) fromElm(subject.hasClaim, out);
  }
  // OB 2.0 assertion with an embedded BadgeClass.
  if (isRecord(doc.badge)) {
    const before = out.length;
    fromAlignments(doc.badge.alignment, out);
    fromAchievementText(doc.badge, out.length === before, out);
  }
  const seen = new Set<string>();
  return out.filter((s) => {
    const key = `${s.uri ?? ''}|${s.text.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
