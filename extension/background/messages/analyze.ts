import type { PlasmoMessaging } from "@plasmohq/messaging"

import type { PostingAnalysis } from "../../../src/core/analysis"
import type { ApiResult } from "~lib/api-client"
import type { HighlightMark, TabState } from "~lib/messages"
import { loadProfile } from "~lib/settings"

import { readTabState, serviceClient, writeTabState } from "../service-client"

export type RequestBody = { tabId: number }
export type ResponseBody = ApiResult<TabState>

/** Which words to mark in the page and in what colour: held skills green, missing essentials red, optional amber. */
export function marksFor(analysis: PostingAnalysis, held: Set<string>): HighlightMark[] {
  const marks: HighlightMark[] = []
  for (const skill of analysis.skills) {
    const state = held.has(skill.escoUri) ? "matched" : skill.importance === "optional" ? "optional" : "missing"
    for (const ev of skill.evidence) marks.push({ text: ev.mention, escoUri: skill.escoUri, state })
  }
  return marks
}

/** Analyses the draft the tab's content script read, stores the result for the panel and draws highlights. */
export async function analyzeTab(tabId: number, startedAt = Date.now()): Promise<ResponseBody> {
  const state = await readTabState(tabId)
  if (!state?.draft) return { ok: false, error: { code: "no_posting", message: "No job posting was found on this page." } }
  await writeTabState(tabId, { status: "working", error: null })
  const client = await serviceClient()
  const result = await client.analyze(state.draft)
  if (!result.ok) {
    await writeTabState(tabId, { status: "error", error: result.error })
    return result
  }
  const next = await writeTabState(tabId, { status: "done", analysis: result.data, elapsedMs: Date.now() - startedAt })
  await highlightTab(tabId, result.data)
  return { ok: true, data: next }
}

export async function highlightTab(tabId: number, analysis: PostingAnalysis): Promise<void> {
  const profile = await loadProfile()
  const held = new Set(profile.skills.map((s) => s.escoUri))
  await chrome.tabs.sendMessage(tabId, { type: "highlight", marks: marksFor(analysis, held) }).catch(() => undefined)
}

const handler: PlasmoMessaging.MessageHandler<RequestBody, ResponseBody> = async (req, res) => {
  res.send(await analyzeTab(req.body!.tabId))
}

export default handler
