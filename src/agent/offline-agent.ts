import { GapResultSchema, MatchResultSchema, PlanResultSchema, VerifyResultSchema } from './capabilities.js';
import { MemorySchema, type ChatAgent, type ChatEvents, type Conversation, type Memory } from './conversation.js';
import * as say from './offline/compose-answer.js';
import { applyCorrections } from './offline/apply-corrections.js';
import { extractSlots, type SlotUpdate } from './offline/extract-slots.js';
import { recognizeIntent, type Embed, type Intent } from './offline/recognize-intent.js';
import { getTool, type ToolContext, type ToolOutput } from './tools/index.js';
import type { SkillProofService } from '../service/service-types.js';

const CANNOT =
  'I can’t do that: I work only on this machine, and I don’t apply for jobs, write letters, or book or pay for courses. ';

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
  return {
    kind: 'offline',
    async reply(conversation: Conversation, message: string, events: ChatEvents) {
      let memory = MemorySchema.parse(structuredClone(conversation.memory));
      const guess = await recognizeIntent(message, options.embed);
      const slots = extractSlots(message);
      if (guess.intent === 'reset') memory = MemorySchema.parse({ posting: memory.posting });
      if (applyCorrections(memory, guess.intent, slots) || guess.intent === 'reset') events.checkpoint(structuredClone(memory));

      const ctx: ToolContext = { service, posting: memory.posting, analyses: new Map() };
      const tools: string[] = [];
      const call = async (name: string, args: Record<string, unknown>): Promise<ToolOutput> => {
        events.toolStart(name, args);
        const out = await getTool(name).invoke(args, ctx);
        tools.push(name);
        events.toolEnd(name, !('error' in out));
        return out;
      };
      const action = actionFor(guess.intent, memory, message);
      const text = await answer(action, message, slots, memory, call);
      if (['analyze', 'gap', 'plan', 'match', 'explain_missing', 'explain_found'].includes(action)) memory.lastIntent = action;
      for (const word of text.match(/\S+\s*/g) ?? [text]) events.token(word);
      return { text, memory, tools };
    },
  };
}

type Call = (name: string, args: Record<string, unknown>) => Promise<ToolOutput>;
const err = (o: ToolOutput) => ('error' in o ? String(o.error) : null);

async function answer(action: Intent, message: string, slots: SlotUpdate, memory: Memory, call: Call): Promise<string> {
  switch (action) {
    case 'analyze': {
      const r = await call('analyze_posting', {});
      return err(r) ?? say.composeAnalysis(r);
    }
    case 'gap': {
      const r = await call('gap', { heldSkills: memory.heldSkills });
      const g = GapResultSchema.safeParse(r);
      return err(r) ?? (g.success ? say.composeGap(g.data) : 'The gap analysis returned a result I cannot summarise.');
    }
    case 'plan': {
      const r = await call('plan_credentials', { heldSkills: memory.heldSkills, ...memory.constraints });
      const p = PlanResultSchema.safeParse(r);
      if (err(r) || !p.success) return err(r) ?? 'The planner returned a result I cannot summarise.';
      if (p.data.feasible) [memory.lastPlanCost, memory.lastPlanHours] = [p.data.totalCost, p.data.totalHours];
      return say.composePlan(p.data, memory.constraints);
    }
    case 'explain_missing':
    case 'explain_found': {
      if (!slots.skill) return 'Which skill do you mean? For example: “why is Kubernetes missing?”';
      const r = await call('explain_match', { skill: slots.skill });
      return err(r) ?? say.composeExplain(r, slots.skill);
    }
    case 'search': {
      const query = message.replace(/^.*\b(for|nach|pour|para|skill|esco)\b[:\s]*/i, '').replace(/[?.!]+$/, '').trim() || message;
      const r = await call('search_skills', { query, k: 5 });
      return err(r) ?? say.composeSearch(r, query);
    }
    case 'verify': {
      const start = message.search(/[{]|eyJ|https?:\/\//);
      if (start < 0) return 'Paste the credential (its JSON, a JWT or its URL) and I will verify it.';
      const r = await call('verify_credential', { credential: message.slice(start).trim() });
      const v = VerifyResultSchema.safeParse(r);
      return err(r) ?? (v.success ? say.composeVerify(v.data) : 'The verifier returned a result I cannot summarise.');
    }
    case 'match': {
      if (!memory.candidateSkills.length) return 'Tell me the candidate’s skills, e.g. “the candidate has Python, SQL and Docker”.';
      const r = await call('match_candidate', { candidateSkills: memory.candidateSkills });
      const m = MatchResultSchema.safeParse(r);
      return err(r) ?? (m.success ? say.composeMatch(m.data) : 'The matcher returned a result I cannot summarise.');
    }
    case 'eqf': {
      const r = await call('credential_elements', { topic: 'eqf', ...(slots.eqfLevel ? { eqfLevel: slots.eqfLevel } : {}) });
      return err(r) ?? say.composeElements(r);
    }
    case 'elements':
    case 'ects':
    case 'vc': {
      const topic = action === 'elements' ? 'micro-credential-elements' : action === 'ects' ? 'ects' : 'verifiable-credentials';
      const r = await call('credential_elements', { topic });
      return err(r) ?? say.composeElements(r);
    }
    case 'reset':
      return 'Done: I forgot your constraints and the skills you told me about. The posting stays.';
    case 'help':
      return say.CAN_DO;
    case 'unsupported':
      return CANNOT + say.CAN_DO;
    default:
      return `I did not understand that. ${say.CAN_DO}`;
  }
}
