import type { PlasmoMessaging } from "@plasmohq/messaging"

import { createApiClient, type ApiResult } from "~lib/api-client"
import { loadSettings, saveSettings } from "~lib/settings"

export type RequestBody = { code: string; serviceUrl?: string }
export type ResponseBody = ApiResult<{ paired: true }>

/** Exchanges the one-time code the service printed for a token, kept in chrome.storage.local only. */
const handler: PlasmoMessaging.MessageHandler<RequestBody, ResponseBody> = async (req, res) => {
  const code = (req.body?.code ?? "").trim()
  if (!/^[A-Za-z0-9-]{4,64}$/.test(code)) {
    res.send({ ok: false, error: { code: "bad_pairing_code", message: "The pairing code looks wrong." } })
    return
  }
  const settings = req.body?.serviceUrl ? await saveSettings({ serviceUrl: req.body.serviceUrl }) : await loadSettings()
  const origin = `chrome-extension://${chrome.runtime.id}`
  const result = await createApiClient({ baseUrl: settings.serviceUrl, token: null }).pair(code, origin)
  if (!result.ok) {
    res.send(result)
    return
  }
  await saveSettings({ token: result.data.token })
  res.send({ ok: true, data: { paired: true } })
}

export default handler
