import type { PlasmoMessaging } from "@plasmohq/messaging"

import type { ApiResult, CredentialInput } from "~lib/api-client"
import type { MatchMatrix } from "~lib/api-schemas"

import { readTabState, serviceClient } from "../service-client"

export type RequestBody = { tabId: number; credentials: Array<CredentialInput & { label: string }> }
export type ResponseBody = ApiResult<MatchMatrix>

/** Recruiter mode: a candidate's credentials, each verified by the service, against this posting's requirements. */
const handler: PlasmoMessaging.MessageHandler<RequestBody, ResponseBody> = async (req, res) => {
  const state = await readTabState(req.body!.tabId)
  if (!state?.analysis) {
    res.send({ ok: false, error: { code: "no_analysis", message: "Analyse a posting first." } })
    return
  }
  res.send(await (await serviceClient()).matchCandidate(state.analysis, req.body!.credentials))
}

export default handler
