import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PostingDraftSchema } from '../../src/core/posting.js'
import { stubAnalyze } from './stub-analyze.js'
import { PostingAnalysisSchema } from '../../src/core/analysis.js'
import { stubGap, stubMatch, stubPlan, stubVerify } from './stub-capabilities.js'
import { STUB_SKILLS } from './stub-vocabulary.js'

/**
 * A stand-in for `skillproof serve` speaking the same routes (issue 8), so the extension can be driven end to end
 * before the real server lands. Pairing code and token are fixed; every route but health and pair needs the token.
 */
export const STUB_PAIR_CODE = '44771234'
const TOKEN = 'stub-token-0123456789'

type Json = Record<string, unknown>

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

async function readJson(req: IncomingMessage): Promise<Json | null> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  try {
    const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
    return v && typeof v === 'object' ? (v as Json) : null
  } catch {
    return null
  }
}

async function chat(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req)
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
  const event = (name: string, data: unknown): void => void res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`)
  event('tool_start', { name: 'gap', args: {} })
  event('tool_end', { name: 'gap', ok: true })
  const question = typeof body?.message === 'string' ? body.message : ''
  const answer = `You asked: "${question.slice(0, 80)}". Kubernetes and SQL are the essential skills you do not show yet.`
  for (const word of answer.split(/(?<= )/)) {
    event('token', { text: word })
    await new Promise((r) => setTimeout(r, 5))
  }
  event('done', { conversationId: 'stub-conversation', text: answer, tools: ['gap'] })
  res.end()
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]
  if (req.method === 'GET' && path === '/v1/health') return send(res, 200, { ok: true, escoVersion: 'stub', embedder: 'stub', skills: STUB_SKILLS.length })
  if (req.method !== 'POST') return send(res, 404, { code: 'not_found', message: 'No such route.' })
  if (path === '/v1/pair') {
    const body = await readJson(req)
    if (body?.code !== STUB_PAIR_CODE) return send(res, 400, { code: 'bad_pairing_code', message: 'That pairing code is not valid.' })
    if (typeof body.origin !== 'string' || !body.origin.startsWith('chrome-extension://')) return send(res, 400, { code: 'invalid_request', message: 'origin: required' })
    return send(res, 200, { token: TOKEN, expiresAt: new Date(Date.now() + 86_400_000).toISOString() })
  }
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(res, 401, { code: 'unauthorized', message: 'Pair the extension first.' })
  if (path === '/v1/chat') return chat(req, res)
  const body = await readJson(req)
  if (!body) return send(res, 400, { code: 'bad_request', message: 'The body is not JSON.' })
  switch (path) {
    case '/v1/analyze': {
      const draft = PostingDraftSchema.safeParse(body.draft ?? { url: null, title: null, organisation: null, location: null, reader: 'text', jsonLd: null, text: body.text ?? '' })
      if (!draft.success) return send(res, 400, { code: 'bad_request', message: 'Give a posting draft.' })
      return send(res, 200, stubAnalyze(draft.data))
    }
    case '/v1/gap':
    case '/v1/plan': {
      const analysis = PostingAnalysisSchema.safeParse(body.analysis)
      if (!analysis.success) return send(res, 400, { code: 'invalid_request', message: 'analysis: required' })
      const profile = body.profile as { skills?: Array<{ escoUri: string }> } | undefined
      const gap = stubGap(analysis.data, new Set((profile?.skills ?? []).map((k) => k.escoUri)))
      if (path === '/v1/gap') return send(res, 200, { gap, posting: null, profile: { name: null, skills: profile?.skills?.length ?? 0, verifiedSkills: 0 } })
      return send(res, 200, { plan: stubPlan(), gap })
    }
    case '/v1/verify':
      return send(res, 200, stubVerify(typeof body.text === 'string' ? body.text : undefined))
    case '/v1/match-candidate': {
      const posting = PostingAnalysisSchema.safeParse(body.posting)
      if (!posting.success) return send(res, 400, { code: 'invalid_request', message: 'posting: required' })
      return send(res, 200, stubMatch(posting.data, (body.credentials as Array<{ label: string; text?: string }>) ?? []))
    }
    default:
      return send(res, 404, { code: 'not_found', message: 'No such route.' })
  }
}

/** Starts the stub on 127.0.0.1 (random port unless given); resolves with its base URL and server. */
export async function startStubServer(port = 0): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => send(res, 500, { code: 'internal', message: `Stub failure: ${String(e).slice(0, 300)}` }))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}
