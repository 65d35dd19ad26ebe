import type { z } from "zod"

import { PostingAnalysisSchema, type PostingAnalysis } from "../../src/core/analysis"
import type { PostingDraft } from "../../src/core/posting"
import type { Profile } from "../../src/core/profile/profile"
import {
  ApiErrorSchema,
  ChatEventSchema,
  GapReportSchema,
  HealthSchema,
  MatchCandidateResultSchema,
  PairResponseSchema,
  PlanReportSchema,
  VerificationSchema,
  type ApiError,
  type ChatEvent,
  type GapReport,
  type Health,
  type MatchMatrix,
  type PlanReport,
  type Verification
} from "./api-schemas"

/** Every call resolves to a value; failures carry a stable code the panel turns into plain words. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export interface ApiClientOptions {
  baseUrl: string
  token: string | null
  fetch?: typeof fetch
  timeoutMs?: number
}

/** A credential as the verify route takes it: JSON or JWT text, a URL, or file bytes. */
export type CredentialInput = { text: string } | { url: string } | { base64: string }

const fail = (code: string, message: string): { ok: false; error: ApiError } => ({ ok: false, error: { code, message } })

/** Typed client for the local SkillProof service; every response body is checked with a zod schema. */
export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? fetch
  const base = options.baseUrl.replace(/\/+$/, "")
  const headers = (): Record<string, string> => {
    const h: Record<string, string> = { "content-type": "application/json" }
    if (options.token) h.authorization = `Bearer ${options.token}`
    return h
  }

  async function send(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<ApiResult<Response>> {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000)
    try {
      const res = await doFetch(`${base}${path}`, {
        method,
        headers: headers(),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout
      })
      if (res.ok) return { ok: true, data: res }
      const payload = ApiErrorSchema.safeParse(await res.json().catch(() => null))
      if (payload.success) return { ok: false, error: payload.data }
      if (res.status === 401 || res.status === 403) return fail("unpaired", `The service refused the request (${res.status}).`)
      return fail("http_error", `The service answered ${res.status}.`)
    } catch (e) {
      if (e instanceof DOMException && e.name === "TimeoutError") return fail("timeout", "The service took too long to answer.")
      if (e instanceof DOMException && e.name === "AbortError") return fail("aborted", "Cancelled.")
      return fail("service_unreachable", "The SkillProof service is not reachable.")
    }
  }

  async function call<S extends z.ZodTypeAny>(schema: S, method: string, path: string, body?: unknown): Promise<ApiResult<z.infer<S>>> {
    const res = await send(method, path, body)
    if (!res.ok) return res
    const parsed = schema.safeParse(await res.data.json().catch(() => undefined))
    if (!parsed.success) return fail("bad_response", `Unexpected answer from ${path}: ${parsed.error.issues[0]?.message ?? "invalid"}`)
    return { ok: true, data: parsed.data }
  }

  return {
    health: (): Promise<ApiResult<Health>> => call(HealthSchema, "GET", "/v1/health"),
    pair: (code: string, origin: string) => call(PairResponseSchema, "POST", "/v1/pair", { code, origin }),
    analyze: (draft: PostingDraft, lang?: string): Promise<ApiResult<PostingAnalysis>> =>
      call(PostingAnalysisSchema, "POST", "/v1/analyze", { draft, ...(lang ? { lang } : {}) }),
    /** Same pipeline for a CV: plain text or a PDF, read into skills by the service. */
    analyzeDocument: (doc: { text: string } | { pdfBase64: string }): Promise<ApiResult<PostingAnalysis>> =>
      call(PostingAnalysisSchema, "POST", "/v1/analyze", { ...doc, includeImplied: false }),
    gap: (analysis: PostingAnalysis, profile: Profile): Promise<ApiResult<GapReport>> =>
      call(GapReportSchema, "POST", "/v1/gap", { analysis, profile }),
    plan: (analysis: PostingAnalysis, profile: Profile, constraints: Record<string, unknown>): Promise<ApiResult<PlanReport>> =>
      call(PlanReportSchema, "POST", "/v1/plan", { analysis, profile, constraints }),
    verify: (credential: CredentialInput): Promise<ApiResult<Verification>> => call(VerificationSchema, "POST", "/v1/verify", credential),
    matchCandidate: async (posting: PostingAnalysis, credentials: Array<CredentialInput & { label: string }>): Promise<ApiResult<MatchMatrix>> => {
      const res = await call(MatchCandidateResultSchema, "POST", "/v1/match-candidate", { posting, credentials })
      return res.ok ? { ok: true, data: res.data.matrix } : res
    },
    /** Streams `/v1/chat` server-sent events to `onEvent`; resolves when the stream ends. */
    async chat(body: unknown, onEvent: (e: ChatEvent) => void, signal?: AbortSignal): Promise<ApiResult<null>> {
      const res = await send("POST", "/v1/chat", body, signal)
      if (!res.ok) return res
      const reader = res.data.body?.getReader()
      if (!reader) return fail("bad_response", "The chat answer had no body.")
      const decoder = new TextDecoder()
      let buffer = ""
      for (;;) {
        const { done, value } = await reader.read()
        if (value) buffer += decoder.decode(value, { stream: true })
        let cut: number
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          const event = parseSseBlock(block)
          if (event) onEvent(event)
        }
        if (done) return { ok: true, data: null }
      }
    }
  }
}
export type ApiClient = ReturnType<typeof createApiClient>

/** One SSE block → a chat event; the event name, if any, is folded into `type`. Unknown events are dropped. */
export function parseSseBlock(block: string): ChatEvent | null {
  let name: string | null = null
  const data: string[] = []
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith("event:")) name = line.slice(6).trim()
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""))
  }
  if (data.length === 0) return null
  let json: unknown
  try {
    json = JSON.parse(data.join("\n"))
  } catch {
    return null
  }
  const withType = name && json && typeof json === "object" && !("type" in json) ? { ...json, type: name } : json
  const parsed = ChatEventSchema.safeParse(withType)
  return parsed.success ? parsed.data : null
}
