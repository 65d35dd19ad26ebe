import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import type OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';

/** LangChain messages in the OpenAI chat-completions wire format. */
export function toOpenAiMessages(messages: readonly BaseMessage[]): ChatCompletionMessageParam[] {
  return messages.map((m): ChatCompletionMessageParam => {
    const content = typeof m.content === 'string' ? m.content : JSON.stringify(m.content);
    switch (m.getType()) {
      case 'system':
        return { role: 'system', content };
      case 'human':
        return { role: 'user', content };
      case 'tool':
        return { role: 'tool', content, tool_call_id: (m as unknown as { tool_call_id: string }).tool_call_id };
      default: {
        const calls = (m as AIMessage).tool_calls ?? [];
        return calls.length
          ? {
              role: 'assistant',
              content: content || null,
              tool_calls: calls.map((c) => ({ id: c.id ?? '', type: 'function' as const, function: { name: c.name, arguments: JSON.stringify(c.args) } })),
            }
          : { role: 'assistant', content };
      }
    }
  });
}

/**
 * One streamed completion: text deltas go to `onToken` as they arrive; tool-call fragments are assembled by index.
 * Returns the turn as a LangChain AIMessage; calls whose arguments are not a JSON object are listed in `invalid`
 * so the caller answers them with an error instead of running them.
 */
export async function streamChatTurn(
  client: OpenAI,
  request: { model: string; messages: readonly BaseMessage[]; tools: ChatCompletionTool[] },
  onToken: (text: string) => void,
  signal?: AbortSignal,
): Promise<{ message: AIMessage; invalid: Set<string> }> {
  const stream = await client.chat.completions.create(
    { model: request.model, messages: toOpenAiMessages(request.messages), tools: request.tools, stream: true, temperature: 0 },
    { signal },
  );
  let text = '';
  const parts = new Map<number, { id: string; name: string; args: string }>();
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta;
    if (!delta) continue;
    if (delta.content) {
      text += delta.content;
      onToken(delta.content);
    }
    for (const tc of delta.tool_calls ?? []) {
      const p = parts.get(tc.index) ?? { id: '', name: '', args: '' };
      if (tc.id) p.id = tc.id;
      if (tc.function?.name) p.name += tc.function.name;
      if (tc.function?.arguments) p.args += tc.function.arguments;
      parts.set(tc.index, p);
    }
  }
  const invalid = new Set<string>();
  const toolCalls = [...parts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([i, p]) => {
      const id = p.id || `call_${i}`;
      let args: Record<string, unknown> = {};
      try {
        const parsed: unknown = p.args ? JSON.parse(p.args) : {};
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) args = parsed as Record<string, unknown>;
        else invalid.add(id);
      } catch {
        invalid.add(id);
      }
      return { id, name: p.name, args, type: 'tool_call' as const };
    });
  return { message: new AIMessage({ content: text, tool_calls: toolCalls }), invalid };
}
