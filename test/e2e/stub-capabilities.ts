import type { PostingAnalysis } from '../../src/core/analysis.js'
import type { Gap } from '../../src/core/gap/gap-types.js'
import type { Plan, PlanItem } from '../../src/core/plan/plan-types.js'
import type { Check, Verification } from '../../src/core/verify/verification.js'
import { STUB_SKILLS, escoUri } from './stub-vocabulary.js'

/**
 * Canned answers in the service's shapes (core Gap, Plan, Verification, the match matrix), typed with the core
 * types: when a core schema changes, the root typecheck points here, and the extension's client (which parses every
 * answer with the core schema) is exercised against the new shape.
 */
const ref = (id: string): { escoUri: string; label: string } => {
  const s = STUB_SKILLS.find((x) => x.id === id)!
  return { escoUri: escoUri(s), label: s.label }
}

export function stubGap(analysis: PostingAnalysis, held: ReadonlySet<string>): Gap {
  const reqs = analysis.skills.map((s) => ({ escoUri: s.escoUri, label: s.label, importance: s.importance }))
  const weight = (i: string): number => (i === 'essential' ? 1 : 0.5)
  const requirements = reqs.map((r) => {
    const has = held.has(r.escoUri)
    return { ...r, weight: weight(r.importance), coverage: has ? 1 : 0, verifiedCoverage: 0, status: has ? ('covered' as const) : ('missing' as const), match: null, contribution: has ? weight(r.importance) : 0 }
  })
  const weightSum = requirements.reduce((a, r) => a + r.weight, 0)
  const covered = requirements.reduce((a, r) => a + r.contribution, 0)
  const missing = reqs.filter((r) => !held.has(r.escoUri))
  return {
    score: weightSum ? covered / weightSum : 1,
    verifiedScore: 0,
    formula: 'Σ(weight × coverage) / Σ weight',
    weights: { essential: 1, optional: 0.5, broader: 0.5, related: 0.25 },
    totals: { weightSum, covered, verifiedCovered: 0 },
    requirements,
    covered: reqs.filter((r) => held.has(r.escoUri)),
    missing,
    essentialGap: missing.filter((r) => r.importance === 'essential'),
    optionalGap: missing.filter((r) => r.importance === 'optional'),
    notes: [],
  }
}

const item = (id: string, title: string, provider: string, cost: number, hours: number, eqf: number, verifiable: boolean, covers: string[], stack: string[]): PlanItem => ({
  id, title, provider, cost, currency: 'EUR', costEstimated: false, hours, hoursEstimated: false, eqfLevel: eqf, mode: 'online',
  languages: ['en'], verifiable, completeness: verifiable ? 0.9 : 0.6, url: `https://courses.example.org/${id}`, stackableInto: stack, covers: covers.map(ref),
  onlyThisCloses: covers.map(ref), why: `Only option here that teaches ${covers.map((c) => ref(c).label).join(' and ')}.`,
})

export function stubPlan(): Plan {
  const items = [
    item('k8s-fundamentals', 'Kubernetes Fundamentals (micro-credential)', 'Open Cloud Academy', 290, 40, 5, true, ['kubernetes', 'docker'], ['Cloud Native Developer certificate']),
    item('sql-basics', 'Relational Databases and SQL', 'Example University', 0, 25, 4, false, ['sql'], []),
  ]
  return {
    feasible: true, method: 'greedy', optimal: false, currency: 'EUR', items,
    totalCost: 290, totalHours: 65, covered: [ref('kubernetes'), ref('docker'), ref('sql')], uncovered: [],
    alternatives: [], withoutLimits: null, candidates: { considered: 12, afterFilters: 6, afterPruning: 3 }, notes: [],
  }
}

/** Signed (has a `proof`) and not `revoked` → verified; the skills it names come back as ESCO skills. */
export function stubVerify(text: string | undefined): Verification {
  let cred: { name?: string; proof?: unknown; revoked?: boolean } = {}
  try {
    cred = JSON.parse(text ?? '{}') as typeof cred
  } catch {
    cred = {}
  }
  const checks: Check[] = [
    { id: 'parse', ok: Boolean(text), code: 'parsed', message: 'The credential could be read.', advisory: false },
    cred.proof
      ? { id: 'proof', ok: true, code: 'signature_valid', message: 'The issuer’s signature matches the content.', advisory: false }
      : { id: 'proof', ok: false, code: 'proof_missing', message: 'The credential carries no signature.', advisory: false },
    cred.revoked
      ? { id: 'status', ok: false, code: 'revoked', message: 'The issuer has revoked it.', advisory: false }
      : { id: 'status', ok: true, code: 'not_revoked', message: 'The issuer has not revoked it.', advisory: false },
    { id: 'issuer_trust', ok: null, code: 'registry_unreachable', message: 'The issuer registry could not be reached.', advisory: true },
  ]
  const verified = checks.every((c) => c.advisory || c.ok === true)
  return {
    verified, outcome: verified ? 'verified' : 'invalid', format: 'vc2', title: cred.name ?? null,
    issuer: { id: 'did:web:uni.example.org', name: 'Example University', trusted: null, registries: [] },
    subject: null, validFrom: '2026-01-10T00:00:00Z', validUntil: null, checks,
    skills: verified ? [ref('python'), ref('sql')].map((s) => ({ uri: s.escoUri, text: s.label, provenance: 'esco_alignment' as const })) : [],
    nested: [], notes: [],
  }
}

export function stubMatch(analysis: PostingAnalysis, credentials: Array<{ label: string; text?: string }>) {
  const verifications = credentials.map((c) => stubVerify(c.text))
  const rows = analysis.skills.map((s) => {
    const cells = verifications.map((v) => {
      const hit = v.skills.find((k) => k.uri === s.escoUri)
      return { status: hit ? (v.verified ? 'verified' : 'invalid') : 'none', via: hit ? 'exact' : null, evidence: hit ? { uri: hit.uri, text: hit.text, provenance: hit.provenance } : null }
    })
    const best = cells.some((c) => c.status === 'verified') ? 'verified' : 'none'
    return { requirement: { escoUri: s.escoUri, label: s.label, importance: s.importance }, cells, best }
  })
  const count = (imp: string) => {
    const r = rows.filter((x) => x.requirement.importance === imp)
    const verified = r.filter((x) => x.best === 'verified').length
    return { total: r.length, verified, ratio: r.length ? verified / r.length : 0 }
  }
  return {
    matrix: {
      columns: verifications.map((v, i) => ({ label: credentials[i]!.label, title: v.title, outcome: v.outcome, format: v.format, issuer: v.issuer.name, trusted: v.issuer.trusted })),
      rows,
      coverage: { essential: count('essential'), optional: count('optional') },
      essentialGaps: rows.filter((r) => r.requirement.importance === 'essential' && r.best !== 'verified').map((r) => r.requirement.label),
      notes: [],
    },
    verifications,
  }
}
