import type { PlasmoCSConfig } from "plasmo"

import { startContentReader } from "~lib/content-main"

/** Applicant-tracking sites that publish the posting as schema.org JobPosting JSON-LD; any other page is read on request (activeTab). */
export const config: PlasmoCSConfig = {
  matches: ["*://jobs.smartrecruiters.com/*", "*://jobs.ashbyhq.com/*", "*://*.recruitee.com/*", "*://*.jobs.personio.de/*"],
  run_at: "document_idle"
}

startContentReader(null)
