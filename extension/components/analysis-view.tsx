import type { PostingAnalysis, SkillMatch } from "../../src/core/analysis"
import { t } from "~lib/i18n"
import type { Profile } from "~lib/settings"

import { EvidenceText } from "./evidence-text"
import { MatchChart } from "./match-chart"

export const skillDomId = (uri: string): string => `skill-${uri.replace(/[^A-Za-z0-9]/g, "")}`

interface Props {
  analysis: PostingAnalysis
  profile: Profile
  focused: string | null
  onToggleHeld: (skill: { escoUri: string; label: string }) => void
}

function SkillItem({ skill, held, focused, onToggleHeld }: { skill: SkillMatch; held: boolean; focused: boolean; onToggleHeld: Props["onToggleHeld"] }) {
  const state = held ? "matched" : skill.importance === "optional" ? "optional" : "missing"
  return (
    <li id={skillDomId(skill.escoUri)} className={`skill skill-${state}${focused ? " skill-focused" : ""}`} tabIndex={-1}>
      <div className="skill-head">
        <span className={`dot dot-${state}`} aria-hidden="true" />
        <a href={skill.escoUri} target="_blank" rel="noreferrer noopener">{skill.label}</a>
        <span className="badge">{t(`state_${state}`)}</span>
        <span className="score" title={t("label_score")}>{Math.round(skill.score * 100)}%</span>
        {skill.years !== null ? <span className="badge">{t("label_years", skill.years)}</span> : null}
      </div>
      <ul className="evidence" aria-label={t("label_evidence")}>
        {skill.evidence.slice(0, 3).map((ev, i) => (
          <li key={i}>
            <EvidenceText sentence={ev.sentence} mention={ev.mention} />
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" aria-pressed={held} onClick={() => onToggleHeld(skill)}>
        {held ? t("action_not_held") : t("action_held")}
      </button>
    </li>
  )
}

/** The posting's skills grouped essential / optional / implied, with evidence and how the profile matches. */
export function AnalysisView({ analysis, profile, focused, onToggleHeld }: Props) {
  const held = new Set(profile.skills.map((s) => s.escoUri))
  const essential = analysis.skills.filter((s) => s.importance === "essential")
  const optional = analysis.skills.filter((s) => s.importance === "optional")
  const count = (list: SkillMatch[]): [number, number] => [list.filter((s) => held.has(s.escoUri)).length, list.length]
  const p = analysis.posting
  return (
    <div className="analysis">
      <header className="posting-head">
        <h2>{p.title ?? t("label_untitled")}</h2>
        <p className="muted">{[p.organisation, p.location, p.language.toUpperCase()].filter(Boolean).join(" · ")}</p>
      </header>
      <MatchChart essential={count(essential)} optional={count(optional)} />
      {[
        ["essential", essential],
        ["optional", optional]
      ].map(([group, list]) => (
        <section key={group as string} aria-labelledby={`h-${group}`}>
          <h3 id={`h-${group}`}>{t(`group_${group}`)} ({(list as SkillMatch[]).length})</h3>
          <ul className="skills">
            {(list as SkillMatch[]).map((s) => (
              <SkillItem key={s.escoUri} skill={s} held={held.has(s.escoUri)} focused={focused === s.escoUri} onToggleHeld={onToggleHeld} />
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="h-implied">
        <h3 id="h-implied">{t("group_implied")} ({analysis.implied.length})</h3>
        <ul className="implied">
          {analysis.implied.map((s) => (
            <li key={s.escoUri}>
              <a href={s.escoUri} target="_blank" rel="noreferrer noopener">{s.label}</a>
              {held.has(s.escoUri) ? <span className="badge">{t("state_matched")}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      {analysis.notes.length > 0 ? (
        <ul className="notes" aria-label={t("label_notes")}>
          {analysis.notes.map((n, i) => <li key={i}>{n}</li>)}
        </ul>
      ) : null}
    </div>
  )
}
