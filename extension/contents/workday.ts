import type { PlasmoCSConfig } from "plasmo"

import { startContentReader } from "~lib/content-main"

/** Workday career sites, which render the posting client-side after load. */
export const config: PlasmoCSConfig = {
  matches: ["*://*.myworkdayjobs.com/*", "*://*.myworkdaysite.com/*"],
  run_at: "document_idle"
}

startContentReader("workday")
