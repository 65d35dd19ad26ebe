import { sendToBackground } from "@plasmohq/messaging"

import type * as Analyze from "~background/messages/analyze"
import type * as Chat from "~background/messages/chat"
import type * as Gap from "~background/messages/gap"
import type * as Health from "~background/messages/health"
import type * as ImportProfile from "~background/messages/import-profile"
import type * as MatchCandidate from "~background/messages/match-candidate"
import type * as Pair from "~background/messages/pair"
import type * as Plan from "~background/messages/plan"
import type * as ReadPage from "~background/messages/read-page"
import type * as Verify from "~background/messages/verify"

/** Request and response types of every background message handler, by handler name. */
interface Handlers {
  analyze: [Analyze.RequestBody, Analyze.ResponseBody]
  chat: [Chat.RequestBody, Chat.ResponseBody]
  gap: [Gap.RequestBody, Gap.ResponseBody]
  health: [Health.RequestBody, Health.ResponseBody]
  "import-profile": [ImportProfile.RequestBody, ImportProfile.ResponseBody]
  "match-candidate": [MatchCandidate.RequestBody, MatchCandidate.ResponseBody]
  pair: [Pair.RequestBody, Pair.ResponseBody]
  plan: [Plan.RequestBody, Plan.ResponseBody]
  "read-page": [ReadPage.RequestBody, ReadPage.ResponseBody]
  verify: [Verify.RequestBody, Verify.ResponseBody]
}
export type HandlerName = keyof Handlers

/** Typed call to a background handler; a broken extension context becomes an error value, not a throw. */
export async function askBackground<N extends HandlerName>(name: N, body: Handlers[N][0]): Promise<Handlers[N][1]> {
  try {
    const res = (await sendToBackground({ name: name as never, body })) as Handlers[N][1] | undefined
    return res ?? ({ ok: false, error: { code: "extension_error", message: "The extension background did not answer." } } as Handlers[N][1])
  } catch (e) {
    return { ok: false, error: { code: "extension_error", message: e instanceof Error ? e.message : String(e) } } as Handlers[N][1]
  }
}
