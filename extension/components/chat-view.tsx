import { askBackground } from "~lib/ask-background"
import { useEffect, useRef, useState } from "react"

import type { ApiError, ChatEvent } from "~lib/api-schemas"
import { ChatEventSchema } from "~lib/api-schemas"
import { t } from "~lib/i18n"

import { errorText } from "./error-text"

interface Turn {
  role: "user" | "assistant"
  text: string
  tools: string[]
}

/** Chat with the service's agent; tokens stream in, tool calls are listed, the engine in use is always shown. */
export function ChatView({ tabId, llmConfigured }: { tabId: number | null; llmConfigured: boolean }) {
  const [turns, setTurns] = useState<Turn[]>([])
  const [input, setInput] = useState("")
  const [busy, setBusy] = useState(false)
  const [engine, setEngine] = useState<"offline" | "llm">(llmConfigured ? "llm" : "offline")
  useEffect(() => setEngine(llmConfigured ? "llm" : "offline"), [llmConfigured])
  const [error, setError] = useState<ApiError | null>(null)
  const conversation = useRef<string | undefined>(undefined)
  const pending = useRef<string | null>(null)

  useEffect(() => {
    const onMessage = (msg: { type?: string; requestId?: string; event?: unknown }): void => {
      if (msg?.type !== "chat-event" || msg.requestId !== pending.current) return
      const parsed = ChatEventSchema.safeParse(msg.event)
      if (parsed.success) apply(parsed.data)
    }
    chrome.runtime.onMessage.addListener(onMessage)
    return () => chrome.runtime.onMessage.removeListener(onMessage)
  }, [])

  const apply = (e: ChatEvent): void => {
    if (e.type === "done") {
      if (e.engine) setEngine(e.engine)
      conversation.current = e.conversationId ?? conversation.current
      return
    }
    if (e.type === "error") {
      setError({ code: e.code, message: e.message })
      return
    }
    setTurns((prev) => {
      const last = prev[prev.length - 1]
      if (!last || last.role !== "assistant") return prev
      const next = { ...last }
      if (e.type === "token") next.text += e.text
      else if (e.type === "tool_start") next.tools = [...next.tools, `${e.name}: ${t("tool_start")}`]
      else next.tools = [...next.tools, `${e.name}: ${e.ok ? t("tool_end") : t("tool_error")}`]
      return [...prev.slice(0, -1), next]
    })
  }

  const send = async (): Promise<void> => {
    const message = input.trim()
    if (!message || busy) return
    const requestId = crypto.randomUUID()
    pending.current = requestId
    setInput("")
    setError(null)
    setBusy(true)
    setTurns((prev) => [...prev, { role: "user", text: message, tools: [] }, { role: "assistant", text: "", tools: [] }])
    const res = await askBackground("chat", { requestId, tabId, message, conversationId: conversation.current })
    setBusy(false)
    if (!res.ok) setError(res.error)
  }

  return (
    <div className="chat">
      <p className={`engine engine-${engine}`} role="status">{engine === "llm" ? t("chat_engine_llm") : t("chat_engine_offline")}</p>
      <ol className="turns" aria-live="polite" aria-label={t("chat_log")}>
        {turns.map((turn, i) => (
          <li key={i} className={`turn turn-${turn.role}`}>
            <span className="visually-hidden">{turn.role === "user" ? t("chat_you") : t("chat_assistant")}: </span>
            {turn.tools.length > 0 ? <ul className="tools" aria-label={t("chat_tools")}>{turn.tools.map((x, j) => <li key={j}>{x}</li>)}</ul> : null}
            <p>{turn.text || (busy && i === turns.length - 1 ? "…" : "")}</p>
          </li>
        ))}
      </ol>
      {error ? <p role="alert" className="banner banner-error">{errorText(error)}</p> : null}
      <form className="chat-form" onSubmit={(e) => { e.preventDefault(); void send() }}>
        <label htmlFor="chat-input" className="visually-hidden">{t("chat_input")}</label>
        <input id="chat-input" value={input} onChange={(e) => setInput(e.target.value)} placeholder={t("chat_placeholder")} autoComplete="off" />
        <button type="submit" disabled={busy || !input.trim()}>{t("action_send")}</button>
      </form>
    </div>
  )
}
