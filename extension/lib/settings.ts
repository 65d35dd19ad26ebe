import { z } from "zod"

import type { HeldSkill } from "../../src/core/profile/held-skill"
import { emptyProfile, ProfileSchema, type Profile } from "../../src/core/profile/profile"

/** Everything the extension keeps lives in chrome.storage.local on this device; nothing is synced. */
export const SettingsSchema = z.object({
  serviceUrl: z.string().url().default("http://127.0.0.1:4477"),
  token: z.string().nullable().default(null),
  language: z.enum(["auto", "en", "de", "fr", "es"]).default("auto"),
  llmEndpoint: z.string().default(""),
  llmModel: z.string().default("")
})
export type Settings = z.infer<typeof SettingsSchema>

export { ProfileSchema }
export type { Profile }
export type ProfileSkill = HeldSkill

async function readKey<S extends z.ZodTypeAny>(key: string, schema: S): Promise<z.infer<S>> {
  const stored = (await chrome.storage.local.get(key))[key]
  const parsed = schema.safeParse(stored ?? {})
  return parsed.success ? parsed.data : schema.parse({})
}

export const loadSettings = (): Promise<Settings> => readKey("settings", SettingsSchema)
/** The profile kept on this device, in the core Profile shape the service's gap and plan routes take. */
export async function loadProfile(): Promise<Profile> {
  const parsed = ProfileSchema.safeParse((await chrome.storage.local.get("profile")).profile)
  return parsed.success ? parsed.data : emptyProfile(new Date().toISOString())
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings()), ...patch })
  await chrome.storage.local.set({ settings: next })
  return next
}

export async function saveProfile(profile: Profile): Promise<void> {
  await chrome.storage.local.set({ profile: ProfileSchema.parse({ ...profile, updatedAt: new Date().toISOString() }) })
}

/** Removes every trace of the user: profile, settings, token, cached analyses. */
export async function deleteEverything(): Promise<void> {
  await chrome.storage.local.clear()
  await chrome.storage.session?.clear()
}
