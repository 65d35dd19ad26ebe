import { z } from "zod"

/** Everything the extension keeps lives in chrome.storage.local on this device; nothing is synced. */
export const SettingsSchema = z.object({
  serviceUrl: z.string().url().default("http://127.0.0.1:4477"),
  token: z.string().nullable().default(null),
  language: z.enum(["auto", "en", "de", "fr", "es"]).default("auto"),
  llmEndpoint: z.string().default(""),
  llmModel: z.string().default("")
})
export type Settings = z.infer<typeof SettingsSchema>

export const ProfileSkillSchema = z.object({
  escoUri: z.string(),
  label: z.string(),
  source: z.enum(["cv", "json-resume", "credential", "manual"]).default("manual"),
  verified: z.boolean().default(false)
})
export type ProfileSkill = z.infer<typeof ProfileSkillSchema>

export const ProfileSchema = z.object({
  name: z.string().default(""),
  skills: z.array(ProfileSkillSchema).default([]),
  credentials: z.array(z.object({ name: z.string(), issuer: z.string().nullable(), verified: z.boolean() })).default([])
})
export type Profile = z.infer<typeof ProfileSchema>

async function readKey<S extends z.ZodTypeAny>(key: string, schema: S): Promise<z.infer<S>> {
  const stored = (await chrome.storage.local.get(key))[key]
  const parsed = schema.safeParse(stored ?? {})
  return parsed.success ? parsed.data : schema.parse({})
}

export const loadSettings = (): Promise<Settings> => readKey("settings", SettingsSchema)
export const loadProfile = (): Promise<Profile> => readKey("profile", ProfileSchema)

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings()), ...patch })
  await chrome.storage.local.set({ settings: next })
  return next
}

export async function saveProfile(profile: Profile): Promise<void> {
  await chrome.storage.local.set({ profile: ProfileSchema.parse(profile) })
}

/** Removes every trace of the user: profile, settings, token, cached analyses. */
export async function deleteEverything(): Promise<void> {
  await chrome.storage.local.clear()
  await chrome.storage.session?.clear()
}
