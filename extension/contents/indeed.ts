import type { PlasmoCSConfig } from "plasmo"

import { startContentReader } from "~lib/content-main"

/** Indeed job pages (viewjob and the search view with a job pane). */
export const config: PlasmoCSConfig = {
  matches: ["*://*.indeed.com/*", "*://*.indeed.de/*", "*://*.indeed.fr/*", "*://*.indeed.es/*"],
  run_at: "document_idle"
}

startContentReader("indeed")
