import type { ApiError } from "~lib/api-schemas"
import { t } from "~lib/i18n"

const KNOWN = new Set(["service_unreachable", "unpaired", "unauthorized", "timeout", "no_posting", "no_analysis", "bad_response", "no_access", "bad_pairing_code"])

/** `{code, message}` in plain words: our own sentence for codes we know, the service's message otherwise. */
export function errorText(error: ApiError): string {
  if (KNOWN.has(error.code)) return t(`err_${error.code}`)
  return error.message || t("err_unknown")
}
