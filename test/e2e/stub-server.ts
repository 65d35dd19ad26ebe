import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PostingDraftSchema } from '../../src/core/posting.js'
import { stubAnalyze } from './stub-analyze.js'
import { STUB_SKILLS, escoUri } from './stub-vocabulary.js'

/**
 * A stand-in for `skillproof serve` speaking the same routes (issue 8), so the extension can be driven end to end
 * before the real server lands. Pairing code and token are fixed; every route but health and pair needs the token.
 */
export const STUB_PAIR_CODE = 'E2E-4477'
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

const ref = (id: string): { escoUri: string; label: string } => {
  const s = STUB_SKILLS.find((x) => x.id === id)!
  return { escoUri: escoUri(s), label: s.label }
}

function verify(body: Json): Json {
  const cred = body.json as Json | undefined
  const signed = Boolean(cred && typeof cred === 'object' && cred.proof)
  const revoked = Boolean(cred && (cred as { revoked?: boolean }).revoked)
  const checks = [
    { id: 'parse', ok: Boolean(cred || body.jwt), code: 'parsed', message: 'The credential could be read.' },
    { id: 'signature', ok: signed, code: signed ? 'signature_valid' : 'signature_missing', message: signed ? 'The issuer’s signature matches the content.' : 'The credential carries no signature.' },
    { id: 'status', ok: !revoked, code: revoked ? 'revoked' : 'not_revoked', message: revoked ? 'The issuer has revoked it.' : 'The issuer has not revoked it.' },
  ]
  const verified = checks.every((c) => c.ok)
  return { verified, checks, skills: verified ? [ref('python'), ref('sql')] : [], issuer: 'Example University', name: (cred?.name as string) ?? 'Data skills badge' }
}

async function chat(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req)
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
  const event = (name: string, data: unknown): void => void res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`)
  event('tool', { name: 'gap', status: 'start' })
  event('tool', { name: 'gap', status: 'end', summary: '2 essential skills missing' })
  const question = typeof body?.message === 'string' ? body.message : ''
  const answer = `You asked: "${question.slice(0, 80)}". Kubernetes and SQL are the essential skills you do not show yet.`
  for (const word of answer.split(/(?<= )/)) {
    event('token', { text: word })
    await new Promise((r) => setTimeout(r, 5))
  }
  event('done', { engine: 'offline', conversationId: 'stub-conversation' })
  res.end()
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]
  if (req.method === 'GET' && path === '/v1/health') return send(res, 200, { ok: true, escoVersion: 'stub', embedder: 'stub', skills: STUB_SKILLS.length, llm: false })
  if (req.method !== 'POST') return send(res, 404, { code: 'not_found', message: 'No such route.' })
  if (path === '/v1/pair') {
    const body = await readJson(req)
    if (body?.code !== STUB_PAIR_CODE) return send(res, 400, { code: 'bad_pairing_code', message: 'That pairing code is not valid.' })
    return send(res, 200, { token: TOKEN })
  }
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(res, 401, { code: 'unpaired', message: 'Pair the extension first.' })
  if (path === '/v1/chat') return chat(req, res)
  const body = await readJson(req)
  if (!body) return send(res, 400, { code: 'bad_request', message: 'The body is not JSON.' })
  switch (path) {
    case '/v1/analyze': {
      const draft = PostingDraftSchema.safeParse(body.draft ?? { url: null, title: null, organisation: null, location: null, reader: 'text', jsonLd: null, text: body.text ?? '' })
      if (!draft.success) return send(res, 400, { code: 'bad_request', message: 'Give a posting draft.' })
      return send(res, 200, stubAnalyze(draft.data))
    }
    case '/v1/gap': {
      const required = (body.required as Array<{ escoUri: string; label: string; importance: string }>) ?? []
      const held = new Set(((body.held as Array<{ escoUri: string }>) ?? []).map((h) => h.escoUri))
      const covered = required.filter((r) => held.has(r.escoUri)).map((r) => ({ escoUri: r.escoUri, label: r.label }))
      const missing = required.filter((r) => !held.has(r.escoUri)).map((r) => ({ escoUri: r.escoUri, label: r.label, importance: r.importance }))
      return send(res, 200, { covered, missing, score: required.length ? covered.length / required.length : 1 })
    }
    case '/v1/plan':
      return send(res, 200, {
        credentials: [
          { id: 'k8s-basics', title: 'Kubernetes Fundamentals (micro-credential)', provider: 'Open Cloud Academy', url: 'https://example.org/k8s', hours: 40, cost: { amount: 290, currency: 'EUR' }, ects: 2, eqfLevel: 5, mode: 'online', assessment: 'proctored exam', qualityAssurance: 'ISO 21001', verifiable: true, stackableWith: ['Cloud Native Developer certificate'], covers: [ref('kubernetes'), ref('docker')] },
          { id: 'sql-course', title: 'Relational Databases and SQL', provider: 'Example University', url: null, hours: 25, cost: { amount: 0, currency: 'EUR' }, ects: 1, eqfLevel: 4, mode: 'online', assessment: 'project', qualityAssurance: null, verifiable: false, stackableWith: [], covers: [ref('sql')] },
        ],
        totalCost: { amount: 290, currency: 'EUR' },
        totalHours: 65,
        uncovered: [],
      })
    case '/v1/verify':
      return send(res, 200, verify(body))
    case '/v1/match-candidate': {
      const required = ((body.required as Array<{ escoUri: string; label: string; importance: string }>) ?? []).slice(0, 8)
      const candidates = (body.candidates as Array<{ name: string }>) ?? []
      const statuses = ['verified', 'claimed', 'missing'] as const
      return send(res, 200, {
        requirements: required.map((r) => ({ escoUri: r.escoUri, label: r.label, importance: r.importance })),
        candidates: candidates.map((c, ci) => ({
          name: c.name,
          score: Math.max(0, 0.8 - ci * 0.25),
          cells: required.map((r, ri) => ({ escoUri: r.escoUri, status: statuses[(ri + ci) % 3] })),
        })),
      })
    }
    default:
      return send(res, 404, { code: 'not_found', message: 'No such route.' })
  }
}

/** Starts the stub on 127.0.0.1 (random port unless given); resolves with its base URL and server. */
export async function startStubServer(port = 0): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    route(req, res).catch(() => send(res, 500, { code: 'internal', message: 'Stub failure.' }))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}
