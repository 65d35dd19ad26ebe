import { createApiClient, type ApiClient } from "~lib/api-client"
import type { TabState } from "~lib/messages"
import { tabKey } from "~lib/messages"
import { loadSettings } from "~lib/settings"

/** A client for the configured service, carrying the pairing token. Only background code calls this. */
export async function serviceClient(): Promise<ApiClient> {
  const settings = await loadSettings()
  return createApiClient({ baseUrl: settings.serviceUrl, token: settings.token })
}

export async function readTabState(tabId: number): Promise<TabState | null> {
  const key = tabKey(tabId)
  return ((await chrome.storage.session.get(key))[key] as TabState | undefined) ?? null
}

export async function writeTabState(tabId: number, patch: Partial<TabState>): Promise<TabState> {
  const prev = await readTabState(tabId)
  const next: TabState = {
    status: "none",
    draft: null,
    analysis: null,
    error: null,
    elapsedMs: null,
    ...prev,
    ...patch,
    updatedAt: Date.now()
  }
  await chrome.storage.session.set({ [tabKey(tabId)]: next })
  return next
}
