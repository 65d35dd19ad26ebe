import type { PlasmoMessaging } from "@plasmohq/messaging"

import type { ApiResult } from "~lib/api-client"
import type { Gap, Plan } from "~lib/api-schemas"

import { serviceClient } from "../service-client"
import { gapForTab } from "./gap"

export type RequestBody = { tabId: number; constraints?: Record<string, unknown> }
export type ResponseBody = ApiResult<{ gap: Gap; plan: Plan }>

/** Gap first, then the cheapest set of credentials that covers its essential part. */
const handler: PlasmoMessaging.MessageHandler<RequestBody, ResponseBody> = async (req, res) => {
  const gap = await gapForTab(req.body!.tabId)
  if (!gap.ok) {
    res.send(gap)
    return
  }
  const plan = await (await serviceClient()).plan(gap.data, req.body?.constraints ?? {})
  res.send(plan.ok ? { ok: true, data: { gap: gap.data, plan: plan.data } } : plan)
}

export default handler
