import { AnalysisCache } from './analysis-cache.js';
import { GapResultSchema, MatchResultSchema, PlanResultSchema, VerifyResultSchema } from './capabilities.js';
import { MemorySchema, type ChatAgent, type ChatEvents, type Conversation, type Memory } from './conversation.js';
import { composeAnswer } from './offline/compose-answer.js';
import { applyCorrections } from './offline/apply-corrections.js';
import { extractSlots, type SlotUpdate } from './offline/extract-slots.js';
import { PHRASES, type Phrases } from './offline/phrases.js';
import { recognizeIntent, type Embed, type Intent } from './offline/recognize-intent.js';
import { guessLanguage } from './offline/text.js';
import { getTool, type ToolContext, type ToolOutput } from './tools/index.js';
import type { SkillProofService } from '../service/service-types.js';


/** Which tool-backed action answers this turn, after corrections. */
function actionFor(intent: Intent, memory: Memory, message: string): Intent {
  if (intent === 'held' || intent === 'refine_plan') {
    if (intent === 'held' && /\b(course|credential|plan|kurs|cours|curso)/i.test(message)) return 'plan';
    if (memory.lastIntent === 'match') return 'match';
    if (intent === 'refine_plan' || memory.lastIntent === 'plan') return 'plan';
    return 'gap';
  }
  return intent;
}

export interface OfflineAgentOptions {
  /** Optional sentence embedder for intent similarity; the lexical path needs none. */
  embed?: Embed;
}

/** The built-in conversation engine: rules and similarity for intents, slots for corrections, tools for answers. */
export function createOfflineAgent(service: SkillProofService, options: OfflineAgentOptions = {}): ChatAgent {
  const analyses = new AnalysisCache();
  return {
    kind: 'offline',
    async reply(conversation: Conversation, message: string, events: ChatEvents) {
      let memory = MemorySchema.parse(structuredClone(conversation.memory));
      const guess = await recognizeIntent(message, options.embed);
      const slots = extractSlots(message);
      if (guess.intent === 'reset') memory = MemorySchema.parse({ posting: memory.posting });
      if (applyCorrections(memory, guess.intent, slots) || guess.intent === 'reset') events.checkpoint(structuredClone(memory));

      const ctx: ToolContext = { service, posting: memory.posting, analyses };
      const tools: string[] = [];
      const call = async (name: string, args: Record<string, unknown>): Promise<ToolOutput> => {
        events.toolStart(name, args);
        const out = await getTool(name).invoke(args, ctx);
        tools.push(name);
        events.toolEnd(name, !('error' in out));
        return out;
      };
      const action = actionFor(guess.intent, memory, message);
      const lang = guessLanguage(message, memory.lang);
      memory.lang = lang;
      const text = await answer(action, message, slots, memory, call, PHRASES[lang]);
      if (['analyze', 'gap', 'plan', 'match', 'explain_missing', 'explain_found'].includes(action)) memory.lastIntent = action;
      for (const word of text.match(/\S+\s*/g) ?? [text]) events.token(word);
      return { text, memory, tools };
    },
  };
}

type Call = (name: string, args: Record<string, unknown>) => Promise<ToolOutput>;
const err = (o: ToolOutput) => ('error' in o ? String(o.error) : null);

async function answer(action: Intent, message: string, slots: SlotUpdate, memory: Memory, call: Call, p: Phrases): Promise<string> {
  const say = composeAnswer(p);
  switch (action) {
    case 'analyze': {
      const r = await call('analyze_posting', {});
      return err(r) ?? say.analysis(r);
    }
    case 'gap': {
      const r = await call('gap', { heldSkills: memory.heldSkills });
      const g = GapResultSchema.safeParse(r);
      return err(r) ?? (g.success ? say.gap(g.data) : p.unreadable('gap'));
    }
    case 'plan': {
      const r = await call('plan_credentials', { heldSkills: memory.heldSkills, ...memory.constraints });
      const plan = PlanResultSchema.safeParse(r);
      if (err(r) || !plan.success) return err(r) ?? p.unreadable('plan');
      if (plan.data.feasible) [memory.lastPlanCost, memory.lastPlanHours] = [plan.data.totalCost, plan.data.totalHours];
      return say.plan(plan.data, memory.constraints);
    }
    case 'explain_missing':
    case 'explain_found': {
      if (!slots.skill) return p.askSkill;
      const r = await call('explain_match', { skill: slots.skill });
      return err(r) ?? say.explain(r, slots.skill);
    }
    case 'search': {
      const query = message.replace(/^.*\b(for|nach|pour|para|skill|esco)\b[:\s]*/i, '').replace(/[?.!]+$/, '').trim() || message;
      const r = await call('search_skills', { query, k: 5 });
      return err(r) ?? say.search(r, query);
    }
    case 'verify': {
      const start = message.search(/[{]|eyJ|https?:\/\//);
      if (start < 0) return p.askCredential;
      const r = await call('verify_credential', { credential: message.slice(start).trim() });
      const v = VerifyResultSchema.safeParse(r);
      return err(r) ?? (v.success ? say.verify(v.data) : p.unreadable('verify'));
    }
    case 'match': {
      const at = message.search(/[{]|eyJ|https?:\/\//);
      if (at < 0 && !memory.candidateSkills.length) return p.askCandidate;
      const r = await call('match_candidate', at >= 0 ? { credentials: [message.slice(at).trim()] } : { candidateSkills: memory.candidateSkills });
      const m = MatchResultSchema.safeParse(r);
      return err(r) ?? (m.success ? say.match(m.data) : p.unreadable('match'));
    }
    case 'eqf': {
      const r = await call('credential_elements', { topic: 'eqf', ...(slots.eqfLevel ? { eqfLevel: slots.eqfLevel } : {}) });
      return err(r) ?? say.elements(r);
    }
    case 'elements':
    case 'ects':
    case 'vc': {
      const topic = action === 'elements' ? 'micro-credential-elements' : action === 'ects' ? 'ects' : 'verifiable-credentials';
      const r = await call('credential_elements', { topic });
      return err(r) ?? say.elements(r);
    }
    case 'reset':
      return p.reset;
    case 'help':
      return p.canDo;
    case 'unsupported':
      return p.cannot + p.canDo;
    default:
      return p.notUnderstood + p.canDo;
  }
}
