import { useEffect, useState } from "react"

import { tabKey, type TabState } from "~lib/messages"

/**
 * The tab the panel is about: `?tab=<id>` when the panel page is opened directly (tests, a pinned window),
 * otherwise the active tab of the panel's window, followed as the user switches tabs.
 */
export function useTargetTab(): number | null {
  const [tabId, setTabId] = useState<number | null>(() => {
    const fromQuery = Number(new URLSearchParams(location.search).get("tab"))
    return Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : null
  })
  useEffect(() => {
    if (new URLSearchParams(location.search).has("tab")) return
    const refresh = (): void => {
      chrome.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id ?? null))
    }
    refresh()
    chrome.tabs.onActivated.addListener(refresh)
    return () => chrome.tabs.onActivated.removeListener(refresh)
  }, [])
  return tabId
}

/** Live view of what the background stored for the tab: updates as soon as the analysis lands. */
export function useTabState(tabId: number | null): TabState | null {
  const [state, setState] = useState<TabState | null>(null)
  useEffect(() => {
    if (tabId === null) return
    const key = tabKey(tabId)
    chrome.storage.session.get(key).then((v) => setState((v[key] as TabState | undefined) ?? null))
    const onChange = (changes: Record<string, chrome.storage.StorageChange>, area: string): void => {
      if (area === "session" && changes[key]) setState((changes[key].newValue as TabState | undefined) ?? null)
    }
    chrome.storage.onChanged.addListener(onChange)
    return () => chrome.storage.onChanged.removeListener(onChange)
  }, [tabId])
  return state
}
