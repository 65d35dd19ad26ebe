import { askBackground } from "~lib/ask-background"
import { useState } from "react"

import type { ApiError, CredentialOffer, Gap, Plan } from "~lib/api-schemas"
import { t } from "~lib/i18n"

import { errorText } from "./error-text"

const money = (c: { amount: number; currency: string } | null | undefined): string =>
  c ? new Intl.NumberFormat(undefined, { style: "currency", currency: c.currency }).format(c.amount) : "—"

function CredentialCard({ c }: { c: CredentialOffer }) {
  const elements: Array<[string, string | number | null | undefined]> = [
    ["eu_provider", c.provider],
    ["eu_eqf", c.eqfLevel],
    ["eu_ects", c.ects],
    ["eu_assessment", c.assessment],
    ["eu_mode", c.mode],
    ["eu_quality", c.qualityAssurance]
  ]
  return (
    <article className="card" aria-labelledby={`cred-${c.id}`}>
      <h4 id={`cred-${c.id}`}>
        {c.url ? <a href={c.url} target="_blank" rel="noreferrer noopener">{c.title}</a> : c.title}
        {c.verifiable ? <span className="badge badge-ok">{t("label_verifiable")}</span> : null}
      </h4>
      <p className="card-facts">
        <span>{t("label_cost")}: {money(c.cost)}</span> <span>{t("label_hours")}: {c.hours ?? "—"}</span>
      </p>
      <dl className="eu-elements">
        {elements.filter(([, v]) => v !== null && v !== undefined && v !== "").map(([k, v]) => (
          <div key={k}><dt>{t(k)}</dt><dd>{String(v)}</dd></div>
        ))}
      </dl>
      {c.covers.length > 0 ? <p>{t("label_covers")}: {c.covers.map((s) => s.label).join(", ")}</p> : null}
      {c.stackableWith.length > 0 ? <p>{t("label_stacks")}: {c.stackableWith.join(", ")}</p> : null}
    </article>
  )
}

/** Gap against the profile and the cheapest credentials that close it, under the user's limits. */
export function PlanView({ tabId }: { tabId: number }) {
  const [budget, setBudget] = useState("")
  const [hours, setHours] = useState("")
  const [verifiableOnly, setVerifiableOnly] = useState(false)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ gap: Gap; plan: Plan } | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const run = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    const constraints = { maxCost: budget ? Number(budget) : undefined, maxHours: hours ? Number(hours) : undefined, verifiableOnly }
    const res = await askBackground("plan", { tabId, constraints })
    setBusy(false)
    if (res.ok) setResult(res.data)
    else setError(res.error)
  }
  return (
    <div className="plan">
      <form className="row-form" onSubmit={(e) => { e.preventDefault(); void run() }}>
        <label>{t("label_budget")}<input type="number" min="0" value={budget} onChange={(e) => setBudget(e.target.value)} /></label>
        <label>{t("label_max_hours")}<input type="number" min="0" value={hours} onChange={(e) => setHours(e.target.value)} /></label>
        <label className="check"><input type="checkbox" checked={verifiableOnly} onChange={(e) => setVerifiableOnly(e.target.checked)} />{t("label_verifiable_only")}</label>
        <button type="submit" disabled={busy}>{busy ? t("state_working") : t("action_plan")}</button>
      </form>
      {error ? <p role="alert" className="banner banner-error">{errorText(error)}</p> : null}
      {result ? (
        <>
          <p className="summary" role="status">
            {t("plan_summary", Math.round(result.gap.score * 100), result.gap.missing.length, money(result.plan.totalCost), result.plan.totalHours ?? "—")}
          </p>
          <div className="cards">{result.plan.credentials.map((c) => <CredentialCard key={c.id} c={c} />)}</div>
          {result.plan.uncovered.length > 0 ? <p className="muted">{t("plan_uncovered")}: {result.plan.uncovered.map((s) => s.label).join(", ")}</p> : null}
        </>
      ) : null}
    </div>
  )
}
