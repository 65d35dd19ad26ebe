import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core'

/** The little of the extension API the tests call inside the browser (root tsconfig has no chrome types). */
export interface ChromeShim {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> }
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } }
}
declare const chrome: ChromeShim

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const EXTENSION_DIR = join(ROOT, 'extension', 'build', 'chrome-mv3-prod')
export const RESULTS_DIR = join(ROOT, 'test-results', 'e2e')

export interface Browser {
  context: BrowserContext
  worker: Worker
  extensionId: string
  url: (page: string) => string
  shot: (page: Page, name: string) => Promise<void>
}

/** Debian's Chromium with the built extension loaded, a fresh profile, and the job-site hosts pointed at us. */
export async function launchWithExtension(fixturePort: number, hosts: string[]): Promise<Browser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`Build the extension first: ${EXTENSION_DIR} is missing`)
  mkdirSync(RESULTS_DIR, { recursive: true })
  const rules = hosts.map((h) => `MAP ${h} 127.0.0.1:${fixturePort}`).join(',')
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'skillproof-e2e-profile-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    ignoreHTTPSErrors: true,
    viewport: { width: 1100, height: 800 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--ignore-certificate-errors',
      `--host-resolver-rules=${rules}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  })
  context.setDefaultTimeout(10_000)
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }))
  const extensionId = new URL(worker.url()).host
  return {
    context,
    worker,
    extensionId,
    url: (page) => `chrome-extension://${extensionId}/${page}`,
    shot: async (page, name) => {
      await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true })
    },
  }
}

/** The browser's id for the tab showing `page` (found by a unique URL), from the extension's service worker. */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url)
  if (id === null) throw new Error(`no tab with ${url}`)
  return id
}

/** Runs axe-core in `page` and returns the serious and critical violations. */
export async function axeSerious(page: Page, axeSource: string): Promise<Array<{ id: string; impact: string; nodes: number }>> {
  // evaluate() goes through the DevTools protocol, so the extension page's CSP does not block it.
  await page.evaluate(`${axeSource}\n;0`)
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }))
  })
}
