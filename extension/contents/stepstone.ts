import type { PlasmoCSConfig } from "plasmo"

import { startContentReader } from "~lib/content-main"

/** StepStone job ads. */
export const config: PlasmoCSConfig = {
  matches: ["*://*.stepstone.de/*", "*://*.stepstone.at/*", "*://*.stepstone.be/*"],
  run_at: "document_idle"
}

startContentReader("stepstone")
