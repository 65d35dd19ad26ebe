import type { PlasmoCSConfig } from "plasmo"

import { startContentReader } from "~lib/content-main"

/** LinkedIn job pages, including the two-pane search view that switches jobs without reloading. */
export const config: PlasmoCSConfig = {
  matches: ["*://*.linkedin.com/jobs/*"],
  run_at: "document_idle"
}

startContentReader("linkedin")
