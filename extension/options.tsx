import { askBackground } from "~lib/ask-background"
import { useEffect, useState } from "react"

import { errorText } from "~components/error-text"
import type { ApiError } from "~lib/api-schemas"
import { t, useLanguage } from "~lib/i18n"
import { loadSettings, saveSettings, type Settings } from "~lib/settings"

import "./style.css"

/** Service address, pairing, LLM choice (the key itself stays with the service) and UI language. */
function Options() {
  const [settings, setSettings] = useState<Settings | null>(null)
  const [code, setCode] = useState("")
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  useEffect(() => {
    void loadSettings().then(async (s) => {
      await useLanguage(s.language)
      setSettings(s)
    })
  }, [])
  if (!settings) return null

  const update = (patch: Partial<Settings>): void => setSettings({ ...settings, ...patch })
  const save = async (): Promise<void> => {
    setError(null)
    try {
      const next = await saveSettings(settings)
      await useLanguage(next.language)
      setSettings(next)
      setMessage(t("options_saved"))
    } catch {
      setError({ code: "bad_settings", message: t("err_bad_settings") })
    }
  }
  const pair = async (): Promise<void> => {
    setError(null)
    const res = await askBackground("pair", { code, serviceUrl: settings.serviceUrl })
    if (res.ok) {
      setMessage(t("options_paired"))
      setCode("")
      setSettings(await loadSettings())
    } else setError(res.error)
  }
  return (
    <main className="panel options">
      <h1>{t("options_title")}</h1>
      <form onSubmit={(e) => { e.preventDefault(); void save() }}>
        <label>{t("options_service_url")}<input type="url" value={settings.serviceUrl} onChange={(e) => update({ serviceUrl: e.target.value })} /></label>
        <label>{t("options_language")}
          <select value={settings.language} onChange={(e) => update({ language: e.target.value as Settings["language"] })}>
            {["auto", "en", "de", "fr", "es"].map((l) => <option key={l} value={l}>{t(`lang_${l}`)}</option>)}
          </select>
        </label>
        <fieldset>
          <legend>{t("options_llm")}</legend>
          <p className="muted">{t("options_llm_note")}</p>
          <label>{t("options_llm_endpoint")}<input value={settings.llmEndpoint} onChange={(e) => update({ llmEndpoint: e.target.value })} placeholder="http://127.0.0.1:11434/v1" /></label>
          <label>{t("options_llm_model")}<input value={settings.llmModel} onChange={(e) => update({ llmModel: e.target.value })} /></label>
        </fieldset>
        <button type="submit">{t("action_save")}</button>
      </form>
      <form onSubmit={(e) => { e.preventDefault(); void pair() }}>
        <h2>{t("options_pairing")}</h2>
        <p className="muted">{settings.token ? t("options_is_paired") : t("options_pair_help")}</p>
        <label>{t("options_pair_code")}<input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" /></label>
        <button type="submit" disabled={!code.trim()}>{t("action_pair")}</button>
      </form>
      {message ? <p role="status">{message}</p> : null}
      {error ? <p role="alert" className="banner banner-error">{errorText(error)}</p> : null}
    </main>
  )
}

export default Options
