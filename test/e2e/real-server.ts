import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * Starts the real `skillproof serve` on a free loopback port and reads the URL and the one-time pairing code it
 * prints. Used when SKILLPROOF_E2E_REAL=1; needs the ESCO data the service is configured with.
 */
export async function startRealServer(timeoutMs = 120_000): Promise<{ url: string; code: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'serve', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`skillproof serve did not print its pairing code within ${timeoutMs} ms:\n${out}`))
    }, timeoutMs)
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1]
      const code = /Pairing code: (\d{8})/.exec(out)?.[1]
      if (url && code) {
        clearTimeout(timer)
        resolvePromise({ url, code, child })
      }
    })
    child.once('exit', (codeOrNull) => {
      clearTimeout(timer)
      reject(new Error(`skillproof serve exited (${codeOrNull}) before it was ready:\n${out}`))
    })
  })
}
