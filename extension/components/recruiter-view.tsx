import { useState } from "react"

import { askBackground } from "~lib/ask-background"
import type { CredentialInput } from "~lib/api-client"
import type { ApiError, MatchMatrix } from "~lib/api-schemas"
import { t } from "~lib/i18n"

import { credentialInput, download } from "./download"
import { errorText } from "./error-text"

type Credential = CredentialInput & { label: string }

const csvCell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)

/** The matrix as CSV: one row per requirement, one column per credential, cells verified/unverifiable/invalid/none. */
export function matrixCsv(m: MatchMatrix): string {
  const head = ["requirement", "importance", ...m.columns.map((c) => c.title ?? c.label), "best"]
  const rows = m.rows.map((r) => [r.requirement.label, r.requirement.importance, ...r.cells.map((c) => c.status), r.best])
  return [head, ...rows].map((r) => r.map(csvCell).join(",")).join("\n")
}

/** Recruiter mode: a candidate's credentials, verified by the service, against this posting's requirements. */
export function RecruiterView({ tabId }: { tabId: number }) {
  const [credentials, setCredentials] = useState<Credential[]>([])
  const [label, setLabel] = useState("")
  const [raw, setRaw] = useState("")
  const [inputError, setInputError] = useState<string | null>(null)
  const [matrix, setMatrix] = useState<MatchMatrix | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const add = (): void => {
    const input = credentialInput(raw)
    if (!input) return setInputError(t("err_bad_credential"))
    setCredentials([...credentials, { ...input, label: label.trim() || t("recruiter_candidate", credentials.length + 1) }])
    setLabel("")
    setRaw("")
    setInputError(null)
  }
  const compare = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    const res = await askBackground("match-candidate", { tabId, credentials })
    setBusy(false)
    if (res.ok) setMatrix(res.data)
    else setError(res.error)
  }
  return (
    <div className="recruiter">
      <form onSubmit={(e) => { e.preventDefault(); add() }}>
        <label>{t("recruiter_name")}<input value={label} onChange={(e) => setLabel(e.target.value)} /></label>
        <label htmlFor="cand-creds">{t("recruiter_credentials")}</label>
        <textarea id="cand-creds" rows={3} value={raw} onChange={(e) => setRaw(e.target.value)} spellCheck={false} />
        {inputError ? <p role="alert" className="banner banner-error">{inputError}</p> : null}
        <button type="submit" disabled={!raw.trim()}>{t("action_add_candidate")}</button>
      </form>
      <p className="muted">{t("recruiter_count", credentials.length)}{credentials.length ? `: ${credentials.map((c) => c.label).join(", ")}` : ""}</p>
      <button type="button" onClick={() => void compare()} disabled={busy || credentials.length === 0}>{busy ? t("state_working") : t("action_compare")}</button>
      {error ? <p role="alert" className="banner banner-error">{errorText(error)}</p> : null}
      {matrix ? (
        <>
          <p role="status">{t("recruiter_coverage", matrix.coverage.essential.verified, matrix.coverage.essential.total)}</p>
          <div className="table-wrap" tabIndex={0} aria-label={t("recruiter_matrix")}>
            <table className="matrix">
              <caption>{t("recruiter_matrix")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("recruiter_requirement")}</th>
                  {matrix.columns.map((c, i) => <th scope="col" key={i}>{c.title ?? c.label}<br /><span className="muted">{t(`outcome_${c.outcome}`)}</span></th>)}
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((r) => (
                  <tr key={r.requirement.escoUri}>
                    <th scope="row">{r.requirement.label}{r.requirement.importance === "optional" ? ` (${t("group_optional")})` : ""}</th>
                    {r.cells.map((c, i) => <td key={i} className={`cell-${c.status}`}>{t(`cell_${c.status}`)}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {matrix.essentialGaps.length > 0 ? <p>{t("recruiter_ask_about")}: {matrix.essentialGaps.join(", ")}</p> : null}
          <button type="button" onClick={() => download("skillproof-matrix.csv", matrixCsv(matrix), "text/csv")}>{t("action_export_csv")}</button>
        </>
      ) : null}
    </div>
  )
}
