/**
 * UI text from `_locales/<lang>/messages.json`. chrome.i18n follows the browser language; when the user picks
 * another language in the options, that catalogue is fetched from the extension's own files and used instead.
 */
type Catalogue = Record<string, { message: string }>
let override: Catalogue | null = null

export async function useLanguage(lang: string): Promise<void> {
  document.documentElement.lang = lang === "auto" ? (chrome.i18n?.getUILanguage?.() ?? "en") : lang
  if (lang === "auto") {
    override = null
    return
  }
  try {
    const res = await fetch(chrome.runtime.getURL(`_locales/${lang}/messages.json`))
    override = (await res.json()) as Catalogue
  } catch {
    override = null
  }
}

/** The message `key`, with `$1`… replaced by `subs`; falls back to the key so a missing entry is visible. */
export function t(key: string, ...subs: Array<string | number>): string {
  const own = override?.[key]?.message
  if (own) return subs.reduce<string>((acc, s, i) => acc.split(`$${i + 1}`).join(String(s)), own)
  const text = chrome.i18n?.getMessage(key, subs.map(String)) ?? ""
  return text || key
}
