import type { PlasmoMessaging } from "@plasmohq/messaging"

import type { ApiResult } from "~lib/api-client"
import { loadProfile, saveProfile, type ProfileSkill } from "~lib/settings"

import { serviceClient } from "../service-client"

export type RequestBody = { text?: string; pdfBase64?: string; jsonResume?: unknown }
export type ResponseBody = ApiResult<{ added: number }>

/** Skill names and keywords of a JSON Resume (jsonresume.org schema), one per line, for the same pipeline as a CV. */
export function jsonResumeText(resume: unknown): string {
  const r = (resume ?? {}) as { skills?: Array<{ name?: unknown; keywords?: unknown }>; work?: Array<{ highlights?: unknown; summary?: unknown }> }
  const lines: string[] = []
  for (const s of Array.isArray(r.skills) ? r.skills : []) {
    if (typeof s?.name === "string") lines.push(`- ${s.name}`)
    if (Array.isArray(s?.keywords)) for (const k of s.keywords) if (typeof k === "string") lines.push(`- ${k}`)
  }
  for (const w of Array.isArray(r.work) ? r.work : []) {
    if (typeof w?.summary === "string") lines.push(w.summary)
    if (Array.isArray(w?.highlights)) for (const h of w.highlights) if (typeof h === "string") lines.push(`- ${h}`)
  }
  return lines.length ? `## Skills\n${lines.join("\n")}` : ""
}

/** Reads a CV or JSON Resume through the service and adds the skills found to the local profile. */
const handler: PlasmoMessaging.MessageHandler<RequestBody, ResponseBody> = async (req, res) => {
  const body = req.body ?? {}
  const source: ProfileSkill["source"] = body.jsonResume !== undefined ? "json-resume" : "cv"
  const text = body.jsonResume !== undefined ? jsonResumeText(body.jsonResume) : (body.text ?? "")
  if (!body.pdfBase64 && !text.trim()) {
    res.send({ ok: false, error: { code: "empty_profile", message: "The file has no skills we can read." } })
    return
  }
  const client = await serviceClient()
  const result = await client.analyzeDocument(body.pdfBase64 ? { pdfBase64: body.pdfBase64 } : { text })
  if (!result.ok) {
    res.send(result)
    return
  }
  const profile = await loadProfile()
  const known = new Set(profile.skills.map((s) => s.escoUri))
  let added = 0
  for (const s of result.data.skills) {
    if (known.has(s.escoUri)) continue
    const evidence = s.evidence[0]?.sentence ?? null
    profile.skills.push({ escoUri: s.escoUri, label: s.label, source, verified: false, evidence, confidence: s.score })
    known.add(s.escoUri)
    added += 1
  }
  await saveProfile(profile)
  res.send({ ok: true, data: { added } })
}

export default handler
