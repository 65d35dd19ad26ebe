import { askBackground } from "~lib/ask-background"
import { useState } from "react"

import type { ApiError, Verification } from "~lib/api-schemas"
import { t } from "~lib/i18n"

import { credentialInput } from "./download"
import { errorText } from "./error-text"

/** Drop a credential file or paste a JWT/URL; shows each verification step in plain words. */
export function VerifyView({ onProfileChanged }: { onProfileChanged: () => void }) {
  const [text, setText] = useState("")
  const [add, setAdd] = useState(true)
  const [busy, setBusy] = useState(false)
  const [dragging, setDragging] = useState(false)
  const [result, setResult] = useState<Verification | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  const verify = async (raw: string): Promise<void> => {
    const input = credentialInput(raw)
    if (!input) {
      setError({ code: "bad_credential", message: t("err_bad_credential") })
      return
    }
    setBusy(true)
    setError(null)
    const res = await askBackground("verify", { ...input, addToProfile: add } as Parameters<typeof askBackground<"verify">>[1])
    setBusy(false)
    if (res.ok) {
      setResult(res.data)
      if (res.data.verified && add) onProfileChanged()
    } else setError(res.error)
  }
  const readFile = async (file: File | undefined): Promise<void> => {
    if (!file || file.size > 2_000_000) return
    const content = await file.text()
    setText(content)
    await verify(content)
  }
  return (
    <div className="verify">
      <label
        className={`dropzone${dragging ? " dropzone-active" : ""}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true) }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => { e.preventDefault(); setDragging(false); void readFile(e.dataTransfer.files[0]) }}>
        {t("verify_drop")}
        <input type="file" accept=".json,.jwt,.txt,application/json" onChange={(e) => void readFile(e.target.files?.[0])} />
      </label>
      <form onSubmit={(e) => { e.preventDefault(); void verify(text) }}>
        <label htmlFor="credential-text">{t("verify_paste")}</label>
        <textarea id="credential-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        <label className="check"><input type="checkbox" checked={add} onChange={(e) => setAdd(e.target.checked)} />{t("verify_add_profile")}</label>
        <button type="submit" disabled={busy || !text.trim()}>{busy ? t("state_working") : t("action_verify")}</button>
      </form>
      {error ? <p role="alert" className="banner banner-error">{error.code === "bad_credential" ? error.message : errorText(error)}</p> : null}
      {result ? (
        <section aria-labelledby="verify-result" className={`verdict ${result.verified ? "verdict-ok" : "verdict-bad"}`}>
          <div role="status">
            <h3 id="verify-result">{result.verified ? t("verify_ok") : result.outcome === "unverifiable" ? t("verify_unknown") : t("verify_bad")}{result.title ? ` — ${result.title}` : ""}</h3>
          </div>
          <ol className="steps">
            {result.checks.map((c) => (
              <li key={c.id} className={c.ok === true ? "step-ok" : c.ok === false ? "step-bad" : "step-unknown"}>
                <span aria-hidden="true">{c.ok === true ? "✓" : c.ok === false ? "✗" : "?"}</span>{" "}
                <span className="visually-hidden">{c.ok === true ? t("step_passed") : c.ok === false ? t("step_failed") : t("step_unchecked")}</span> {c.message}
                {c.advisory ? <span className="badge">{t("step_advisory")}</span> : null}
              </li>
            ))}
          </ol>
          {result.issuer.name ? <p>{t("label_issuer")}: {result.issuer.name}</p> : null}
          {result.skills.length > 0 ? <p>{t("label_skills")}: {result.skills.map((s) => s.text).join(", ")}</p> : null}
        </section>
      ) : null}
    </div>
  )
}
