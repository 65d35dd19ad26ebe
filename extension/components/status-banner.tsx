import type { ApiError } from "~lib/api-schemas"
import { t } from "~lib/i18n"

import { errorText } from "./error-text"

export type ServiceState = "checking" | "down" | "unpaired" | "ready"

/** The one line that says why the panel cannot show anything yet, and what to do about it. */
export function StatusBanner({ service, error, onRetry }: { service: ServiceState; error: ApiError | null; onRetry: () => void }) {
  if (service === "checking") return <p className="banner" role="status">{t("state_checking")}</p>
  if (service === "down" || error?.code === "service_unreachable")
    return (
      <div className="banner banner-error" role="alert">
        <p>{t("state_service_down")}</p>
        <pre className="command">{t("state_service_command")}</pre>
        <button type="button" onClick={onRetry}>{t("action_retry")}</button>
      </div>
    )
  if (service === "unpaired" || error?.code === "unpaired" || error?.code === "unauthorized")
    return (
      <div className="banner banner-warn" role="alert">
        <p>{t("state_unpaired")}</p>
        <button type="button" onClick={() => chrome.runtime.openOptionsPage()}>{t("action_open_options")}</button>
      </div>
    )
  if (error)
    return (
      <div className="banner banner-error" role="alert">
        <p>{errorText(error)}</p>
        <button type="button" onClick={onRetry}>{t("action_retry")}</button>
      </div>
    )
  return null
}
