import OpenAI from 'openai';
import type { ChatCompleter, ChatCompletionRequest } from '../ports/chat-completer.js';

export interface OpenAiChatCompleterSettings {
  apiKey: string;
  baseUrl: string | null;
  model: string;
}

/** ChatCompleter over any OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, vLLM, llama.cpp). */
export function createOpenAiChatCompleter(settings: OpenAiChatCompleterSettings, client?: OpenAI): ChatCompleter {
  // No retries here: the caller bounds each call with its own timeout and falls back when it fails.
  const openai = client ?? new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseUrl ?? undefined, maxRetries: 0 });
  return {
    id: settings.model,
    async complete(request: ChatCompletionRequest, signal: AbortSignal): Promise<string> {
      const reply = await openai.chat.completions.create(
        {
          model: settings.model,
          messages: [
            { role: 'system', content: request.system },
            { role: 'user', content: request.user },
          ],
          temperature: 0,
          stream: false,
          ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
        },
        { signal, maxRetries: 0 },
      );
      return reply.choices[0]?.message?.content ?? '';
    },
  };
}
