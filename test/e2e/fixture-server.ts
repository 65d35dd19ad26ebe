import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures')

/** Real job-site host names mapped to the fixture each one serves; Chromium resolves them all to 127.0.0.1. */
export const SITES = [
  { site: 'linkedin', url: 'https://www.linkedin.com/jobs/view/101/', file: 'linkedin.html', title: 'Backend Engineer' },
  { site: 'indeed', url: 'https://www.indeed.com/viewjob?jk=e2e1', file: 'indeed.html', title: 'Data Analyst' },
  { site: 'greenhouse', url: 'https://job-boards.greenhouse.io/lumen/jobs/7', file: 'greenhouse.html', title: 'Platform Engineer' },
  { site: 'lever', url: 'https://jobs.lever.co/tidewater/0d1f', file: 'lever.html', title: 'Machine Learning Engineer' },
  { site: 'workday', url: 'https://acme.wd3.myworkdayjobs.com/en-US/careers/job/Dublin/123', file: 'workday.html', title: 'Software Engineer, Payments' },
  { site: 'stepstone', url: 'https://www.stepstone.de/stellenangebote--Softwareentwickler-123.html', file: 'stepstone.html', title: 'Softwareentwickler Backend (m/w/d)' },
  { site: 'json-ld', url: 'https://jobs.smartrecruiters.com/Copperleaf/744', file: 'json-ld.html', title: 'Site Reliability Engineer' },
] as const

export const NO_POSTING_URL = 'https://www.indeed.com/about/blog'
export const HOSTS = [...new Set(SITES.map((s) => new URL(s.url).hostname))]

function fixtureFor(host: string, path: string): string | null {
  if (path.startsWith('/__blank')) return '<!doctype html><title>blank</title>'
  if (host === 'www.indeed.com' && path.startsWith('/about')) return readFileSync(join(FIXTURES, 'no-posting.html'), 'utf8')
  const site = SITES.find((s) => new URL(s.url).hostname === host)
  return site ? readFileSync(join(FIXTURES, site.file), 'utf8') : null
}

/** HTTPS (self-signed, made with openssl per run) because Chromium upgrades these hosts to https anyway. */
export async function startFixtureServer(): Promise<{ port: number; server: Server }> {
  const dir = mkdtempSync(join(tmpdir(), 'skillproof-e2e-tls-'))
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=skillproof-e2e', '-days', '2', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' })
  const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0] ?? ''
    const body = fixtureFor(host, req.url ?? '/')
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    res.end(body ?? 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { port: (server.address() as AddressInfo).port, server }
}
