import type { ChatAgent, ChatEvents } from './conversation.js';

/**
 * Use `primary` (the LLM) and fall back to `fallback` (the offline engine) when the model cannot be reached before
 * it has said anything — a stopped Ollama must not leave the user without answers.
 */
export function fallbackAgent(primary: ChatAgent, fallback: ChatAgent): ChatAgent {
  return {
    kind: primary.kind,
    async reply(conversation, message, events, signal) {
      let spoke = false;
      const watched: ChatEvents = {
        ...events,
        token: (t) => ((spoke = true), events.token(t)),
        toolStart: (n, a) => ((spoke = true), events.toolStart(n, a)),
      };
      try {
        return await primary.reply(conversation, message, watched, signal);
      } catch (e) {
        if (spoke || signal?.aborted) throw e;
        const note = 'The language model is not reachable, so the built-in assistant answers instead.\n';
        events.token(note);
        const turn = await fallback.reply(conversation, message, events, signal);
        return { ...turn, text: note + turn.text };
      }
    },
  };
}
