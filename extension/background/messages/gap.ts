import type { PlasmoMessaging } from "@plasmohq/messaging"

import type { ApiResult } from "~lib/api-client"
import type { GapReport } from "~lib/api-schemas"
import { loadProfile } from "~lib/settings"

import { readTabState, serviceClient } from "../service-client"

export type RequestBody = { tabId: number }
export type ResponseBody = ApiResult<GapReport>

/** The posting's requirements against the profile kept on this device (sent along; the service keeps nothing). */
const handler: PlasmoMessaging.MessageHandler<RequestBody, ResponseBody> = async (req, res) => {
  const state = await readTabState(req.body!.tabId)
  if (!state?.analysis) {
    res.send({ ok: false, error: { code: "no_analysis", message: "Analyse a posting first." } })
    return
  }
  res.send(await (await serviceClient()).gap(state.analysis, await loadProfile()))
}

export default handler
