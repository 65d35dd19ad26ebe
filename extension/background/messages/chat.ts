import type { PlasmoMessaging } from "@plasmohq/messaging"

import type { ApiResult } from "~lib/api-client"

import { readTabState, serviceClient } from "../service-client"

export type RequestBody = { requestId: string; tabId: number | null; message: string; conversationId?: string }
export type ResponseBody = ApiResult<null>

/**
 * Streams the service's chat answer. Each server-sent event is relayed to the extension pages as a `chat-event`
 * runtime message tagged with the caller's requestId; the reply itself only says how the stream ended.
 */
const handler: PlasmoMessaging.MessageHandler<RequestBody, ResponseBody> = async (req, res) => {
  const body = req.body!
  const state = body.tabId === null ? null : await readTabState(body.tabId)
  const result = await (await serviceClient()).chat(
    {
      message: body.message,
      conversationId: body.conversationId,
      posting: state?.draft ? { draft: state.draft } : undefined
    },
    (event) => {
      chrome.runtime.sendMessage({ type: "chat-event", requestId: body.requestId, event }).catch(() => undefined)
    }
  )
  res.send(result)
}

export default handler
