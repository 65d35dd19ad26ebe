import { z } from 'zod';
import { PostingDraftSchema } from '../core/posting.js';
import { PlanConstraintsSchema } from './capabilities.js';

/** The posting a conversation is about, as the extension sends it (untrusted page content). */
export const ChatPostingSchema = z
  .object({
    text: z.string().max(500_000).optional().describe('Posting text'),
    url: z.string().url().optional().describe('Posting URL'),
    draft: PostingDraftSchema.optional().describe('Posting read by the extension'),
  })
  .refine((p) => [p.text, p.url, p.draft].filter((x) => x !== undefined).length === 1, {
    message: 'Give exactly one of text, url or draft.',
  });
export type ChatPosting = z.infer<typeof ChatPostingSchema>;

/** What the agent remembers between turns; the user's corrections live here. */
export const MemorySchema = z.object({
  constraints: PlanConstraintsSchema.default({}),
  heldSkills: z.array(z.string()).default([]),
  candidateSkills: z.array(z.string()).default([]),
  posting: ChatPostingSchema.nullable().default(null),
  lastIntent: z.string().nullable().default(null),
  lastPlanCost: z.number().nullable().default(null),
  lastPlanHours: z.number().nullable().default(null),
  /** Language the engine answers in, from the user's last message that showed one. */
  lang: z.enum(['en', 'de', 'fr', 'es']).default('en'),
});
export type Memory = z.infer<typeof MemorySchema>;

export const ChatMessageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  at: z.number(),
  tools: z.array(z.string()).optional(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const ConversationSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  createdAt: z.number(),
  updatedAt: z.number(),
  messages: z.array(ChatMessageSchema),
  memory: MemorySchema,
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** Durable conversations and the user's profile (skills they said they hold). */
export interface ConversationStore {
  load(id: string): Conversation | null;
  save(conversation: Conversation): void;
  loadProfile(): { heldSkills: string[] };
  saveProfile(profile: { heldSkills: string[] }): void;
}

/** Streaming callbacks a chat agent reports to (the server turns them into SSE events). */
export interface ChatEvents {
  token(text: string): void;
  toolStart(name: string, args: unknown): void;
  toolEnd(name: string, ok: boolean): void;
  /** Memory changed (a correction was understood): persist before going on. */
  checkpoint(memory: Memory): void;
}

export interface ChatTurn {
  text: string;
  memory: Memory;
  tools: string[];
}

/** An agent answering one user message in a conversation (offline engine or LLM). */
export interface ChatAgent {
  readonly kind: 'offline' | 'llm';
  reply(conversation: Conversation, message: string, events: ChatEvents, signal?: AbortSignal): Promise<ChatTurn>;
}

/** A new, empty conversation. */
export function newConversation(id: string, now: number, heldSkills: string[] = []): Conversation {
  return { id, createdAt: now, updatedAt: now, messages: [], memory: MemorySchema.parse({ heldSkills }) };
}
