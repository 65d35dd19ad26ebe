import type { PlasmoMessaging } from "@plasmohq/messaging"

import type { ApiResult } from "~lib/api-client"
import type { Gap } from "~lib/api-schemas"
import { loadProfile } from "~lib/settings"

import { readTabState, serviceClient } from "../service-client"

export type RequestBody = { tabId: number }
export type ResponseBody = ApiResult<Gap>

/** The posting's requirements against the profile kept on this device. */
export async function gapForTab(tabId: number): Promise<ResponseBody> {
  const state = await readTabState(tabId)
  if (!state?.analysis) return { ok: false, error: { code: "no_analysis", message: "Analyse a posting first." } }
  const profile = await loadProfile()
  const held = profile.skills.map((s) => ({ escoUri: s.escoUri, label: s.label, verified: s.verified }))
  return (await serviceClient()).gap(state.analysis, held)
}

const handler: PlasmoMessaging.MessageHandler<RequestBody, ResponseBody> = async (req, res) => {
  res.send(await gapForTab(req.body!.tabId))
}

export default handler
