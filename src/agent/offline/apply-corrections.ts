import type { PlanConstraints } from '../capabilities.js';
import type { Memory } from '../conversation.js';
import type { SlotUpdate } from './extract-slots.js';
import type { Intent } from './recognize-intent.js';

const NOT_NOISE = /\b(budget|hours?|stunden|heures|horas|euros?|eur)\b|\d/;

/** Fold the corrections of one message into the conversation memory; true when anything changed. */
export function applyCorrections(memory: Memory, intent: Intent, s: SlotUpdate): boolean {
  const before = JSON.stringify(memory);
  const c: PlanConstraints = { ...memory.constraints };
  const k = s.constraints;
  if (intent !== 'match' && intent !== 'eqf') {
    if (k.budget !== undefined) c.budget = k.budget;
    if (k.maxHours !== undefined) c.maxHours = k.maxHours;
    if (k.language) c.language = k.language;
    if (k.mode) c.mode = k.mode;
    if (k.verifiableOnly) c.verifiableOnly = true;
    if (k.providers) c.providers = k.providers;
    if (k.excludeProviders) c.excludeProviders = [...new Set([...(c.excludeProviders ?? []), ...k.excludeProviders])];
    if (s.eqfLevel && (intent === 'plan' || intent === 'refine_plan')) c.eqfLevel = s.eqfLevel;
    // "Cheaper?" means strictly below the plan just shown; "faster?" likewise for hours.
    if (s.cheaper && memory.lastPlanCost !== null) c.budget = Math.max(0, Math.min(c.budget ?? Infinity, memory.lastPlanCost - 0.01));
    if (s.faster && memory.lastPlanHours !== null) c.maxHours = Math.max(1, Math.min(c.maxHours ?? Infinity, memory.lastPlanHours - 1));
  }
  memory.constraints = c;
  if (intent === 'held') {
    const held = s.held.filter((h) => !NOT_NOISE.test(h));
    memory.heldSkills = [...new Set([...memory.heldSkills, ...held])];
  }
  if (intent === 'match' && s.candidate.length) memory.candidateSkills = s.candidate;
  return JSON.stringify(memory) !== before;
}
