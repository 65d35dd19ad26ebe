import type { PlasmoMessaging } from "@plasmohq/messaging"

import type { ApiResult } from "~lib/api-client"
import type { CandidateMatch } from "~lib/api-schemas"

import { readTabState, serviceClient } from "../service-client"

export type RequestBody = { tabId: number; candidates: Array<{ name: string; credentials: unknown[] }> }
export type ResponseBody = ApiResult<CandidateMatch>

/** Recruiter mode: each candidate's credentials against the posting's requirements. */
const handler: PlasmoMessaging.MessageHandler<RequestBody, ResponseBody> = async (req, res) => {
  const state = await readTabState(req.body!.tabId)
  if (!state?.analysis) {
    res.send({ ok: false, error: { code: "no_analysis", message: "Analyse a posting first." } })
    return
  }
  res.send(await (await serviceClient()).matchCandidate(state.analysis, req.body!.candidates))
}

export default handler
