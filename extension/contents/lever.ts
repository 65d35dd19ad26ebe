import type { PlasmoCSConfig } from "plasmo"

import { startContentReader } from "~lib/content-main"

/** Lever-hosted job pages. */
export const config: PlasmoCSConfig = {
  matches: ["*://jobs.lever.co/*"],
  run_at: "document_idle"
}

startContentReader("lever")
