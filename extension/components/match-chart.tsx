import { t } from "~lib/i18n"

/** Horizontal bars: share of essential and optional skills the profile already covers. */
export function MatchChart({ essential, optional }: { essential: [number, number]; optional: [number, number] }) {
  const rows: Array<[string, number, number]> = [
    [t("group_essential"), essential[0], essential[1]],
    [t("group_optional"), optional[0], optional[1]]
  ]
  return (
    <figure className="match-chart" aria-label={t("chart_label")}>
      {rows.map(([label, have, total]) => {
        const pct = total === 0 ? 0 : Math.round((have / total) * 100)
        return (
          <div key={label} className="chart-row">
            <span className="chart-label">{label}</span>
            <span className="chart-bar" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={`${label}: ${t("chart_value", have, total)}`}>
              <span className="chart-fill" style={{ width: `${pct}%` }} />
            </span>
            <span className="chart-value">{t("chart_value", have, total)}</span>
          </div>
        )
      })}
    </figure>
  )
}
