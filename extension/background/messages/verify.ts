import type { PlasmoMessaging } from "@plasmohq/messaging"

import type { ApiResult, CredentialInput } from "~lib/api-client"
import type { Verification } from "~lib/api-schemas"
import { loadProfile, saveProfile } from "~lib/settings"

import { serviceClient } from "../service-client"

export type RequestBody = CredentialInput & { addToProfile?: boolean }
export type ResponseBody = ApiResult<Verification>

/** Verifies a credential; when asked, a verified one adds its ESCO skills to the profile as verified. */
const handler: PlasmoMessaging.MessageHandler<RequestBody, ResponseBody> = async (req, res) => {
  const { addToProfile, ...credential } = req.body!
  const result = await (await serviceClient()).verify(credential as CredentialInput)
  if (result.ok && result.data.verified && addToProfile) {
    const v = result.data
    const profile = await loadProfile()
    const skills = v.skills.filter((s) => s.uri).map((s) => ({ escoUri: s.uri!, label: s.text }))
    const byUri = new Map(profile.skills.map((s) => [s.escoUri, s]))
    for (const s of skills) {
      byUri.set(s.escoUri, { escoUri: s.escoUri, label: s.label, source: "credential", verified: true, evidence: v.title, confidence: 1 })
    }
    profile.skills = [...byUri.values()]
    profile.credentials.push({ title: v.title ?? "Credential", issuer: v.issuer.name, verified: true, skills, date: v.validFrom })
    await saveProfile(profile)
  }
  res.send(result)
}

export default handler
