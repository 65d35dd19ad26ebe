/**
 * Two `skillproof serve` replicas on loopback ports against one PostgreSQL database: pairing shared through the
 * database, autocannon load on both at once, answers compared across replicas, then one replica killed mid-run
 * while a retrying client keeps going. Bounded in time and count; every process is stopped at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const EXT_ORIGIN = `chrome-extension://${'a'.repeat(32)}`;

export interface Replica {
  name: string;
  port: number;
  code: string;
  proc: ChildProcess;
}

function post(port: number, path: string, body: unknown, token?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(data);
  });
}

/** Start one `skillproof serve` on a free loopback port; resolves once it prints its port and pairing code. */
export function startReplica(name: string, root: string, env: Record<string, string>): Promise<Replica> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0'], {
    cwd: root,
    env: { ...process.env, ...env, SKILLPROOF_DATA_DIR: mkdtempSync(join(tmpdir(), `sp-${name}-`)) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let port = 0;
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 120 s: ${out}`)), 120_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      port ||= Number(out.match(/listening on http:\/\/127\.0\.0\.1:(\d+)/)?.[1] ?? 0);
      const code = out.match(/Pairing code: (\d{8})/)?.[1];
      if (port && code) {
        clearTimeout(timer);
        resolve({ name, port, code, proc });
      }
    });
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', (c) => reject(new Error(`${name} exited (${c}): ${out}`)));
  });
}

export interface ReplicaFigures {
  pairedAcross: boolean;
  identicalAnswers: { compared: number; identical: number };
  load: { replica: string; requests: number; rps: number; p50Ms: number; p97_5Ms: number; errors: number; non2xx: number }[];
  kill: { sent: number; ok: number; retried: number; lost: number; servedBy: Record<string, number>; killedAfter: number; p95Ms: number };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
}

/** Run the replica checks; `queries` are skill-search texts, `plans` plan request bodies. */
export async function benchReplicas(root: string, databaseUrl: string, queries: readonly string[], plans: readonly unknown[], seconds = 15): Promise<ReplicaFigures> {
  const env = { SKILLPROOF_STORE: 'postgres', DATABASE_URL: databaseUrl, SKILLPROOF_RATE_LIMIT: '1000000/1000000' };
  const [a, b] = await Promise.all([startReplica('replica-a', root, env), startReplica('replica-b', root, env)]);
  const replicas = [a, b];
  try {
    // The code replica A printed pairs on replica B: pairing state lives in the database.
    const paired = await post(b.port, '/v1/pair', { code: a.code, origin: EXT_ORIGIN });
    const token = (JSON.parse(paired.text) as { token?: string }).token;
    if (!token) throw new Error(`pairing across replicas failed: ${paired.status} ${paired.text}`);
    // Warm both (each loads the label table from the database once).
    for (const r of replicas) await post(r.port, '/v1/search-skills', { query: 'warm up', k: 10 }, token);

    let compared = 0;
    let identical = 0;
    for (const q of queries) {
      const [x, y] = await Promise.all(replicas.map((r) => post(r.port, '/v1/search-skills', { query: q, k: 10 }, token)));
      compared++;
      if (x!.status === 200 && x!.text === y!.text) identical++;
    }
    for (const body of plans) {
      const [x, y] = await Promise.all(replicas.map((r) => post(r.port, '/v1/plan', body, token)));
      compared++;
      if (x!.status === 200 && x!.text === y!.text) identical++;
    }

    const load = await Promise.all(
      replicas.map(async (r) => {
        const res = await autocannon({
          url: `http://127.0.0.1:${r.port}`,
          connections: 4,
          duration: seconds,
          workers: 1,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          requests: queries.slice(0, 50).map((q) => ({ method: 'POST' as const, path: '/v1/search-skills', body: JSON.stringify({ query: q, k: 10 }) })),
        });
        return { replica: r.name, requests: res.requests.total, rps: res.requests.average, p50Ms: res.latency.p50, p97_5Ms: res.latency.p97_5, errors: res.errors + res.timeouts, non2xx: res.non2xx };
      }),
    );

    // Kill test: a client that retries on the other replica; replica A gets SIGKILL a quarter of the way in.
    const total = 400;
    const servedBy: Record<string, number> = { [a.name]: 0, [b.name]: 0 };
    let ok = 0;
    let retried = 0;
    let lost = 0;
    let sent = 0;
    const killAt = Math.floor(total / 4);
    const latencies: number[] = [];
    const worker = async () => {
      while (sent < total) {
        const i = sent++;
        if (i === killAt) a.proc.kill('SIGKILL');
        const order = i % 2 === 0 ? [a, b] : [b, a];
        const started = performance.now();
        let done = false;
        for (let attempt = 0; attempt < order.length && !done; attempt++) {
          try {
            const r = await post(order[attempt]!.port, '/v1/search-skills', { query: queries[i % queries.length], k: 10 }, token);
            if (r.status !== 200) throw new Error(`status ${r.status}`);
            servedBy[order[attempt]!.name]!++;
            done = true;
            if (attempt > 0) retried++;
          } catch {
            // connection refused or reset: try the other replica
          }
        }
        latencies.push(performance.now() - started);
        if (done) ok++;
        else lost++;
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return { pairedAcross: true, identicalAnswers: { compared, identical }, load, kill: { sent: total, ok, retried, lost, servedBy, killedAfter: killAt, p95Ms: percentile(latencies, 95) } };
  } finally {
    for (const r of replicas) if (r.proc.exitCode === null && r.proc.signalCode === null) r.proc.kill('SIGTERM');
  }
}
