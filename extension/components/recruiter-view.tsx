import { askBackground } from "~lib/ask-background"
import { useState } from "react"

import type { ApiError, CandidateMatch } from "~lib/api-schemas"
import { t } from "~lib/i18n"

import { download } from "./download"
import { errorText } from "./error-text"

interface Candidate {
  name: string
  credentials: unknown[]
}

const csvCell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)

/** The matrix as CSV; cells say verified / claimed / missing. */
export function matrixCsv(m: CandidateMatch): string {
  const head = ["requirement", "importance", ...m.candidates.map((c) => c.name)]
  const rows = m.requirements.map((r) => [r.label, r.importance ?? "", ...m.candidates.map((c) => c.cells.find((x) => x.escoUri === r.escoUri)?.status ?? "missing")])
  return [head, ...rows, ["score", "", ...m.candidates.map((c) => `${Math.round(c.score * 100)}%`)]].map((r) => r.map(csvCell).join(",")).join("\n")
}

/** Recruiter mode: candidates' credentials against this posting's requirements, exportable as CSV. */
export function RecruiterView({ tabId }: { tabId: number }) {
  const [candidates, setCandidates] = useState<Candidate[]>([])
  const [name, setName] = useState("")
  const [creds, setCreds] = useState("")
  const [inputError, setInputError] = useState<string | null>(null)
  const [matrix, setMatrix] = useState<CandidateMatch | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const addCandidate = (): void => {
    try {
      const parsed: unknown = JSON.parse(creds || "[]")
      setCandidates([...candidates, { name: name.trim() || t("recruiter_candidate", candidates.length + 1), credentials: Array.isArray(parsed) ? parsed : [parsed] }])
      setName("")
      setCreds("")
      setInputError(null)
    } catch {
      setInputError(t("err_bad_credential"))
    }
  }
  const compare = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    const res = await askBackground("match-candidate", { tabId, candidates })
    setBusy(false)
    if (res.ok) setMatrix(res.data)
    else setError(res.error)
  }
  return (
    <div className="recruiter">
      <form onSubmit={(e) => { e.preventDefault(); addCandidate() }}>
        <label>{t("recruiter_name")}<input value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label htmlFor="cand-creds">{t("recruiter_credentials")}</label>
        <textarea id="cand-creds" rows={3} value={creds} onChange={(e) => setCreds(e.target.value)} spellCheck={false} />
        {inputError ? <p role="alert" className="banner banner-error">{inputError}</p> : null}
        <button type="submit">{t("action_add_candidate")}</button>
      </form>
      <p className="muted">{t("recruiter_count", candidates.length)}</p>
      <button type="button" onClick={() => void compare()} disabled={busy || candidates.length === 0}>{busy ? t("state_working") : t("action_compare")}</button>
      {error ? <p role="alert" className="banner banner-error">{errorText(error)}</p> : null}
      {matrix ? (
        <>
          <div className="table-wrap" tabIndex={0} aria-label={t("recruiter_matrix")}>
            <table className="matrix">
              <caption>{t("recruiter_matrix")}</caption>
              <thead><tr><th scope="col">{t("recruiter_requirement")}</th>{matrix.candidates.map((c) => <th scope="col" key={c.name}>{c.name} ({Math.round(c.score * 100)}%)</th>)}</tr></thead>
              <tbody>
                {matrix.requirements.map((r) => (
                  <tr key={r.escoUri}>
                    <th scope="row">{r.label}{r.importance === "optional" ? ` (${t("group_optional")})` : ""}</th>
                    {matrix.candidates.map((c) => {
                      const status = c.cells.find((x) => x.escoUri === r.escoUri)?.status ?? "missing"
                      return <td key={c.name} className={`cell-${status}`}>{t(`cell_${status}`)}</td>
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" onClick={() => download("skillproof-matrix.csv", matrixCsv(matrix), "text/csv")}>{t("action_export_csv")}</button>
        </>
      ) : null}
    </div>
  )
}
