import type { PlasmoMessaging } from "@plasmohq/messaging"

import type { ApiResult } from "~lib/api-client"
import type { PlanReport } from "~lib/api-schemas"
import { loadProfile } from "~lib/settings"

import { readTabState, serviceClient } from "../service-client"

export type RequestBody = { tabId: number; constraints?: Record<string, unknown> }
export type ResponseBody = ApiResult<PlanReport>

/** The cheapest set of credentials that closes the essential gap, under the user's limits. */
const handler: PlasmoMessaging.MessageHandler<RequestBody, ResponseBody> = async (req, res) => {
  const state = await readTabState(req.body!.tabId)
  if (!state?.analysis) {
    res.send({ ok: false, error: { code: "no_analysis", message: "Analyse a posting first." } })
    return
  }
  res.send(await (await serviceClient()).plan(state.analysis, await loadProfile(), req.body?.constraints ?? {}))
}

export default handler
