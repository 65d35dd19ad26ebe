import { askBackground } from "~lib/ask-background"
import { useState } from "react"

import type { ApiError } from "~lib/api-schemas"
import { t } from "~lib/i18n"
import { deleteEverything, saveProfile, type Profile } from "~lib/settings"

import { download } from "./download"
import { errorText } from "./error-text"

/** Skills and credentials held on this device: import, edit, export, delete everything. */
export function ProfileView({ profile, onChange }: { profile: Profile; onChange: () => void }) {
  const [cv, setCv] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const importContent = async (body: { text?: string; pdfBase64?: string; jsonResume?: unknown }): Promise<void> => {
    setBusy(true)
    setError(null)
    const res = await askBackground("import-profile", body)
    setBusy(false)
    if (res.ok) {
      setNotice(t("profile_imported", res.data.added))
      onChange()
    } else setError(res.error)
  }
  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file || file.size > 6_000_000) return
    if (file.type === "application/pdf" || file.name.endsWith(".pdf")) {
      const bytes = new Uint8Array(await file.arrayBuffer())
      let bin = ""
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return importContent({ pdfBase64: btoa(bin) })
    }
    const text = await file.text()
    try {
      return importContent({ jsonResume: JSON.parse(text) })
    } catch {
      return importContent({ text })
    }
  }
  const remove = async (uri: string): Promise<void> => {
    await saveProfile({ ...profile, skills: profile.skills.filter((s) => s.escoUri !== uri) })
    onChange()
  }
  const wipe = async (): Promise<void> => {
    if (!confirm(t("profile_delete_confirm"))) return
    await deleteEverything()
    onChange()
  }
  return (
    <div className="profile">
      <p className="muted">{t("profile_local")}</p>
      <form onSubmit={(e) => { e.preventDefault(); void importContent({ text: cv }) }}>
        <label htmlFor="cv-text">{t("profile_cv_text")}</label>
        <textarea id="cv-text" rows={4} value={cv} onChange={(e) => setCv(e.target.value)} />
        <button type="submit" disabled={busy || !cv.trim()}>{busy ? t("state_working") : t("action_import")}</button>
      </form>
      <label className="dropzone">{t("profile_file")}<input type="file" accept=".pdf,.txt,.json,application/pdf,application/json,text/plain" onChange={(e) => void onFile(e.target.files?.[0])} /></label>
      {notice ? <p role="status">{notice}</p> : null}
      {error ? <p role="alert" className="banner banner-error">{errorText(error)}</p> : null}
      <h3>{t("profile_skills")} ({profile.skills.length})</h3>
      <ul className="held">
        {profile.skills.map((s) => (
          <li key={s.escoUri}>
            <span>{s.label}</span> {s.verified ? <span className="badge badge-ok">{t("label_verified")}</span> : <span className="badge">{t(`source_${s.source.replace("-", "_")}`)}</span>}
            <button type="button" className="link-button" onClick={() => void remove(s.escoUri)} aria-label={t("action_remove_skill", s.label)}>{t("action_remove")}</button>
          </li>
        ))}
      </ul>
      <div className="row-actions">
        <button type="button" onClick={() => download("skillproof-profile.json", JSON.stringify(profile, null, 2), "application/json")}>{t("action_export")}</button>
        <button type="button" className="danger" onClick={() => void wipe()}>{t("action_delete_all")}</button>
      </div>
    </div>
  )
}
