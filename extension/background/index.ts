import { PostingDraftSchema } from "../../src/core/posting"
import type { RuntimeMessage } from "~lib/messages"
import { tabKey, type TabState } from "~lib/messages"

import { analyzeTab, highlightTab } from "./messages/analyze"
import { writeTabState } from "./service-client"

// The toolbar button opens the side panel; clicking it also grants activeTab for the generic reader.
chrome.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined)
chrome.storage.session.setAccessLevel?.({ accessLevel: "TRUSTED_CONTEXTS" }).catch(() => undefined)

// Content scripts report what they read; the analysis starts at once so the panel has it when it opens.
chrome.runtime.onMessage.addListener((raw: RuntimeMessage, sender) => {
  const tabId = sender.tab?.id
  if (tabId === undefined) return false
  if (raw.type === "posting-found") {
    const parsed = PostingDraftSchema.safeParse(raw.draft)
    if (!parsed.success) return false
    const startedAt = Date.now()
    void writeTabState(tabId, { status: "found", draft: parsed.data, analysis: null, error: null }).then(() =>
      analyzeTab(tabId, startedAt)
    )
  } else if (raw.type === "no-posting") {
    void writeTabState(tabId, { status: "none", draft: null, analysis: null, error: null })
  }
  return false
})

chrome.tabs.onRemoved.addListener((tabId) => {
  void chrome.storage.session.remove(tabKey(tabId))
})

// Marking a skill as held (or importing a CV) recolours the highlights already drawn in open tabs.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== "local" || !changes.profile) return
  void chrome.storage.session.get(null).then((all) => {
    for (const [key, value] of Object.entries(all)) {
      const state = value as TabState
      if (key.startsWith("tab:") && state.analysis) void highlightTab(Number(key.slice(4)), state.analysis)
    }
  })
})
