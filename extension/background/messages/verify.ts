import type { PlasmoMessaging } from "@plasmohq/messaging"

import type { ApiResult } from "~lib/api-client"
import type { Verification } from "~lib/api-schemas"
import { loadProfile, saveProfile } from "~lib/settings"

import { serviceClient } from "../service-client"

export type RequestBody = { json?: unknown; jwt?: string; url?: string; addToProfile?: boolean }
export type ResponseBody = ApiResult<Verification>

/** Verifies a credential; when asked, a verified one adds its skills to the profile as verified. */
const handler: PlasmoMessaging.MessageHandler<RequestBody, ResponseBody> = async (req, res) => {
  const { addToProfile, ...credential } = req.body ?? {}
  const result = await (await serviceClient()).verify(credential)
  if (result.ok && result.data.verified && addToProfile) {
    const profile = await loadProfile()
    const known = new Set(profile.skills.map((s) => s.escoUri))
    for (const s of result.data.skills) {
      if (!known.has(s.escoUri)) profile.skills.push({ escoUri: s.escoUri, label: s.label, source: "credential", verified: true })
    }
    profile.credentials.push({ name: result.data.name ?? "Credential", issuer: result.data.issuer ?? null, verified: true })
    await saveProfile(profile)
  }
  res.send(result)
}

export default handler
