import type { PostingAnalysis } from "../../src/core/analysis"
import type { PostingDraft } from "../../src/core/posting"
import type { ApiError } from "./api-schemas"

/** What the background keeps per tab in chrome.storage.session under `tab:<id>`. */
export interface TabState {
  status: "none" | "found" | "working" | "done" | "error"
  draft: PostingDraft | null
  analysis: PostingAnalysis | null
  error: ApiError | null
  /** ms between the content script reading the page and the analysis being stored. */
  elapsedMs: number | null
  updatedAt: number
}

export const tabKey = (tabId: number): string => `tab:${tabId}`

/** A mark the content script draws: words to find in the page, the skill they belong to, and how it stands. */
export interface HighlightMark {
  text: string
  escoUri: string
  state: "matched" | "missing" | "optional"
}

/** Messages between content scripts, the background and the panel that do not reach the server. */
export type RuntimeMessage =
  | { type: "posting-found"; draft: PostingDraft }
  | { type: "no-posting" }
  | { type: "highlight"; marks: HighlightMark[] }
  | { type: "clear-highlights" }
  | { type: "focus-skill"; escoUri: string }
  | { type: "chat-event"; requestId: string; event: unknown }
