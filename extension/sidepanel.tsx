import { askBackground } from "~lib/ask-background"
import { useCallback, useEffect, useState } from "react"

import { AnalysisView, skillDomId } from "~components/analysis-view"
import { ChatView } from "~components/chat-view"
import { PlanView } from "~components/plan-view"
import { ProfileView } from "~components/profile-view"
import { RecruiterView } from "~components/recruiter-view"
import { StatusBanner, type ServiceState } from "~components/status-banner"
import { Tabs } from "~components/tabs"
import { useTabState, useTargetTab } from "~components/use-tab-state"
import { VerifyView } from "~components/verify-view"
import { t, useLanguage } from "~lib/i18n"
import type { RuntimeMessage } from "~lib/messages"
import { loadProfile, loadSettings, saveProfile, type Profile } from "~lib/settings"

import { emptyProfile } from "../src/core/profile/profile"

import "./style.css"

function SidePanel() {
  const tabId = useTargetTab()
  const state = useTabState(tabId)
  const [service, setService] = useState<ServiceState>("checking")
  const [llm, setLlm] = useState(false)
  const [profile, setProfile] = useState<Profile>(() => emptyProfile(new Date().toISOString()))
  const [view, setView] = useState("analysis")
  const [focused, setFocused] = useState<string | null>(null)
  const [, setLangReady] = useState(0)

  const refreshProfile = useCallback(() => void loadProfile().then(setProfile), [])
  const checkService = useCallback(async () => {
    setService("checking")
    const settings = await loadSettings()
    await useLanguage(settings.language)
    setLangReady((n) => n + 1)
    const health = await askBackground("health", {})
    if (!health.ok) return setService("down")
    setLlm(health.data.chat === "llm")
    setService(settings.token ? "ready" : "unpaired")
  }, [])

  useEffect(() => {
    void checkService()
    refreshProfile()
    const onStorage = (changes: Record<string, unknown>, area: string): void => {
      if (area === "local" && "profile" in changes) refreshProfile()
      if (area === "local" && "settings" in changes) void checkService()
    }
    chrome.storage.onChanged.addListener(onStorage)
    return () => chrome.storage.onChanged.removeListener(onStorage)
  }, [checkService, refreshProfile])

  // A click on a highlighted mention in the page focuses that skill here.
  useEffect(() => {
    const onMessage = (msg: RuntimeMessage): void => {
      if (msg.type !== "focus-skill") return
      setView("analysis")
      setFocused(msg.escoUri)
      setTimeout(() => {
        const el = document.getElementById(skillDomId(msg.escoUri))
        el?.scrollIntoView({ block: "center" })
        el?.focus()
      }, 50)
    }
    chrome.runtime.onMessage.addListener(onMessage)
    return () => chrome.runtime.onMessage.removeListener(onMessage)
  }, [])

  const reread = async (): Promise<void> => {
    if (tabId !== null) await askBackground("read-page", { tabId })
  }
  const retry = async (): Promise<void> => {
    await checkService()
    if (tabId !== null && state?.draft) await askBackground("analyze", { tabId })
  }
  const toggleHeld = async (skill: { escoUri: string; label: string }): Promise<void> => {
    const has = profile.skills.some((s) => s.escoUri === skill.escoUri)
    const skills = has ? profile.skills.filter((s) => s.escoUri !== skill.escoUri) : [...profile.skills, { escoUri: skill.escoUri, label: skill.label, source: "manual" as const, verified: false, evidence: null, confidence: 1 }]
    await saveProfile({ ...profile, skills })
    refreshProfile()
  }

  const analysisPanel =
    state?.status === "done" && state.analysis ? (
      <AnalysisView analysis={state.analysis} profile={profile} focused={focused} onToggleHeld={(s) => void toggleHeld(s)} />
    ) : state?.status === "working" || state?.status === "found" ? (
      <p role="status" className="banner"><span className="spinner" aria-hidden="true" /> {t("state_analyzing")}</p>
    ) : state?.status === "error" ? null : (
      <div className="banner" role="status">
        <p>{t("state_no_posting")}</p>
        <button type="button" onClick={() => void reread()}>{t("action_read_page")}</button>
      </div>
    )

  return (
    <main className="panel" data-status={state?.status ?? "none"}>
      <header className="top">
        <h1>{t("extName")}</h1>
        <button type="button" className="link-button" onClick={() => chrome.runtime.openOptionsPage()}>{t("action_options")}</button>
      </header>
      <StatusBanner service={service} error={state?.status === "error" ? state.error : null} onRetry={() => void retry()} />
      <Tabs
        label={t("extName")}
        selected={view}
        onSelect={setView}
        tabs={[
          { id: "analysis", label: t("view_analysis"), panel: analysisPanel },
          { id: "plan", label: t("view_plan"), panel: tabId !== null ? <PlanView tabId={tabId} /> : null },
          { id: "verify", label: t("view_verify"), panel: <VerifyView onProfileChanged={refreshProfile} /> },
          { id: "recruiter", label: t("view_recruiter"), panel: tabId !== null ? <RecruiterView tabId={tabId} /> : null },
          { id: "chat", label: t("view_chat"), panel: <ChatView tabId={tabId} llmConfigured={llm} /> },
          { id: "profile", label: t("view_profile"), panel: <ProfileView profile={profile} onChange={refreshProfile} /> }
        ]}
      />
    </main>
  )
}

export default SidePanel
