import type { PlasmoMessaging } from "@plasmohq/messaging"

import { PostingDraftSchema } from "../../../src/core/posting"
import type { ApiResult } from "~lib/api-client"
import type { TabState } from "~lib/messages"

import { writeTabState } from "../service-client"
import { analyzeTab } from "./analyze"

export type RequestBody = { tabId: number }
export type ResponseBody = ApiResult<TabState>

/**
 * Runs in the page through chrome.scripting (activeTab, after the user asked): JSON-LD first, else the main text.
 * It must be self-contained because only its source is sent to the tab.
 */
function readAnyPage() {
  const clean = (s: unknown) => (typeof s === "string" ? s.replace(/\s+/g, " ").trim().slice(0, 300) || null : null)
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const data = JSON.parse(script.textContent || "")
      const items = ([] as unknown[]).concat(data, data?.["@graph"] ?? [])
      const job = items.find((x: any) => x && (x["@type"] === "JobPosting" || x["@type"]?.includes?.("JobPosting"))) as any
      if (job && typeof job.description === "string") {
        const body = new DOMParser().parseFromString(job.description, "text/html").body
        const text = (body?.innerText || body?.textContent || "").trim()
        if (text.length >= 40) {
          const org = job.hiringOrganization
          return { url: location.href, title: clean(job.title), organisation: clean(org?.name ?? org), location: null, text, reader: "json-ld", jsonLd: job }
        }
      }
    } catch {
      // ignore broken blocks
    }
  }
  const root = (document.querySelector("main, article, [role=main]") as HTMLElement | null) ?? document.body
  const text = (root?.innerText || "").trim()
  if (text.length < 80) return null
  return { url: location.href, title: clean(document.title), organisation: null, location: null, text: text.slice(0, 2_000_000), reader: "generic", jsonLd: null }
}

const handler: PlasmoMessaging.MessageHandler<RequestBody, ResponseBody> = async (req, res) => {
  const tabId = req.body!.tabId
  try {
    const [first] = await chrome.scripting.executeScript({ target: { tabId }, func: readAnyPage })
    const parsed = PostingDraftSchema.safeParse(first?.result)
    if (!parsed.success) {
      await writeTabState(tabId, { status: "none", draft: null, analysis: null })
      res.send({ ok: false, error: { code: "no_posting", message: "No job posting was found on this page." } })
      return
    }
    await writeTabState(tabId, { status: "found", draft: parsed.data, analysis: null, error: null })
    res.send(await analyzeTab(tabId))
  } catch {
    res.send({ ok: false, error: { code: "no_access", message: "This page cannot be read. Click the SkillProof button on the page first." } })
  }
}

export default handler
