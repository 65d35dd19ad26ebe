import type { PlasmoMessaging } from "@plasmohq/messaging"

import type { ApiResult } from "~lib/api-client"
import type { Health } from "~lib/api-schemas"

import { serviceClient } from "../service-client"

export type RequestBody = Record<string, never>
export type ResponseBody = ApiResult<Health>

const handler: PlasmoMessaging.MessageHandler<RequestBody, ResponseBody> = async (_req, res) => {
  res.send(await (await serviceClient()).health())
}

export default handler
