import type { PlasmoCSConfig } from "plasmo"

import { startContentReader } from "~lib/content-main"

/** Greenhouse-hosted job boards. */
export const config: PlasmoCSConfig = {
  matches: ["*://boards.greenhouse.io/*", "*://job-boards.greenhouse.io/*", "*://*.job-boards.greenhouse.io/*"],
  run_at: "document_idle"
}

startContentReader("greenhouse")
