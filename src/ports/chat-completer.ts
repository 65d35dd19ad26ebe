/**
 * One plain (non-streamed) chat completion from a configured OpenAI-compatible model. Used by optional stages that
 * send data off the machine, so it exists only when the user configured an LLM and turned such a stage on.
 *
 * Contract:
 * - `complete` resolves to the assistant's text ('' when the reply has none); it rejects on transport faults,
 *   HTTP errors and when `signal` aborts. It does not parse, repair or validate the text: callers do.
 * - At most one attempt per call (no hidden retries), so the caller's timeout is the whole cost.
 * - `id` names the model (e.g. `gpt-4o-mini`); it becomes part of cache keys for what the model shaped.
 */
export interface ChatCompleter {
  readonly id: string;
  complete(request: ChatCompletionRequest, signal: AbortSignal): Promise<string>;
}

export interface ChatCompletionRequest {
  /** Instructions (trusted, written by SkillProof). */
  system: string;
  /** The data to work on; may carry untrusted text, which the system message says how to treat. */
  user: string;
  maxTokens?: number;
}
