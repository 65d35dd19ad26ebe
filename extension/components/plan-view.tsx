import { useState } from "react"

import { askBackground } from "~lib/ask-background"
import type { ApiError, PlanItem, PlanReport } from "~lib/api-schemas"
import { t } from "~lib/i18n"

import { errorText } from "./error-text"

const money = (amount: number, currency: string): string => new Intl.NumberFormat(undefined, { style: "currency", currency }).format(amount)

function CredentialCard({ c }: { c: PlanItem }) {
  // The EU micro-credential elements the catalogue gives for this offer (Council Recommendation 2022/C 243/02).
  const elements: Array<[string, string | number | null]> = [
    ["eu_provider", c.provider],
    ["eu_eqf", c.eqfLevel],
    ["eu_mode", c.mode],
    ["eu_language", c.languages.join(", ") || null],
    ["eu_completeness", `${Math.round(c.completeness * 100)}%`]
  ]
  return (
    <article className="card" aria-labelledby={`cred-${c.id}`}>
      <h4 id={`cred-${c.id}`}>
        {c.url ? <a href={c.url} target="_blank" rel="noreferrer noopener">{c.title}</a> : c.title}
        {c.verifiable ? <span className="badge badge-ok">{t("label_verifiable")}</span> : null}
      </h4>
      <p className="card-facts">
        <span>{t("label_cost")}: {money(c.cost, c.currency)}{c.costEstimated ? ` (${t("label_estimated")})` : ""}</span>
        <span>{t("label_hours")}: {c.hours}{c.hoursEstimated ? ` (${t("label_estimated")})` : ""}</span>
      </p>
      <dl className="eu-elements">
        {elements.filter(([, v]) => v !== null && v !== "").map(([k, v]) => (
          <div key={k}><dt>{t(k)}</dt><dd>{String(v)}</dd></div>
        ))}
      </dl>
      {c.covers.length > 0 ? <p>{t("label_covers")}: {c.covers.map((s) => s.label).join(", ")}</p> : null}
      {c.stackableInto.length > 0 ? <p>{t("label_stacks")}: {c.stackableInto.join(", ")}</p> : null}
      {c.why ? <p className="muted">{c.why}</p> : null}
    </article>
  )
}

/** Gap against the profile and the cheapest credentials that close it, under the user's limits. */
export function PlanView({ tabId }: { tabId: number }) {
  const [budget, setBudget] = useState("")
  const [hours, setHours] = useState("")
  const [verifiableOnly, setVerifiableOnly] = useState(false)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<PlanReport | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const run = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    const constraints = { budget: budget ? Number(budget) : undefined, maxHours: hours ? Number(hours) : undefined, verifiableOnly }
    const res = await askBackground("plan", { tabId, constraints })
    setBusy(false)
    if (res.ok) setResult(res.data)
    else setError(res.error)
  }
  const plan = result?.plan
  return (
    <div className="plan">
      <form className="row-form" onSubmit={(e) => { e.preventDefault(); void run() }}>
        <label>{t("label_budget")}<input type="number" min="0" value={budget} onChange={(e) => setBudget(e.target.value)} /></label>
        <label>{t("label_max_hours")}<input type="number" min="0" value={hours} onChange={(e) => setHours(e.target.value)} /></label>
        <label className="check"><input type="checkbox" checked={verifiableOnly} onChange={(e) => setVerifiableOnly(e.target.checked)} />{t("label_verifiable_only")}</label>
        <button type="submit" disabled={busy}>{busy ? t("state_working") : t("action_plan")}</button>
      </form>
      {error ? <p role="alert" className="banner banner-error">{errorText(error)}</p> : null}
      {plan ? (
        <>
          <p className="summary" role="status">
            {t("plan_summary", Math.round((result.gap?.score ?? 0) * 100), result.gap?.essentialGap.length ?? plan.covered.length, money(plan.totalCost, plan.currency), plan.totalHours)}
          </p>
          {!plan.feasible ? <p className="banner banner-warn">{t("plan_infeasible")}</p> : null}
          <div className="cards">{plan.items.map((c) => <CredentialCard key={c.id} c={c} />)}</div>
          {plan.uncovered.length > 0 ? <p className="muted">{t("plan_uncovered")}: {plan.uncovered.map((s) => s.label).join(", ")}</p> : null}
          {plan.notes.length > 0 ? <ul className="notes">{plan.notes.map((n, i) => <li key={i}>{n}</li>)}</ul> : null}
        </>
      ) : null}
    </div>
  )
}
