import type { HighlightMark, RuntimeMessage } from "./messages"
import { applyHighlights, clearHighlights } from "./highlight"
import { readPage, type PageRead } from "./read-page"

/**
 * Shared body of every job-site content script: read the posting once the page has it, hand the draft to the
 * background, re-read when a single-page app switches to another job, and draw/remove highlights on request.
 */
export function startContentReader(_site: string | null): void {
  // `_site` documents which script this is; the core readers recognise the site by host and markup themselves.
  let current: PageRead | null = null
  let lastUrl = location.href
  let lastText = ""

  const send = (msg: RuntimeMessage): void => {
    chrome.runtime.sendMessage(msg).catch(() => undefined)
  }

  // Job sites render the description after load; try for a few seconds before saying there is none.
  const readWhenReady = (deadlineMs: number): void => {
    const started = Date.now()
    const attempt = (): void => {
      const read = readPage(document, location.href)
      if (read && read.draft.text !== lastText) {
        current = read
        lastText = read.draft.text
        send({ type: "posting-found", draft: read.draft })
        return
      }
      if (Date.now() - started < deadlineMs) setTimeout(attempt, 250)
      else if (!read) send({ type: "no-posting" })
    }
    attempt()
  }

  readWhenReady(6000)

  // LinkedIn and Workday swap jobs with history.pushState; the isolated world cannot hook it, so watch the URL.
  setInterval(() => {
    if (location.href === lastUrl) return
    lastUrl = location.href
    clearHighlights(document)
    current = null
    readWhenReady(6000)
  }, 400)

  chrome.runtime.onMessage.addListener((msg: RuntimeMessage, _sender, reply) => {
    if (msg.type === "highlight" && current?.root) {
      const drawn = applyHighlights(current.root, msg.marks as HighlightMark[], (escoUri) => send({ type: "focus-skill", escoUri }))
      reply({ drawn })
    } else if (msg.type === "clear-highlights") {
      clearHighlights(document)
      reply({ drawn: 0 })
    }
    return false
  })
}
