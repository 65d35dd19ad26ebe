/**
 * A throw-away PostgreSQL cluster for tests and benchmarks: initdb in a temp dir, one loopback port, torn down by
 * `stop()`. Uses Debian's PostgreSQL 15 with pgvector (scripts/install-postgres.sh installs both). When it cannot
 * start, `startPgCluster` returns the reason instead of throwing, so suites can skip with a visible message.
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgCluster {
  /** Connection string of the `postgres` database (superuser, trust auth on loopback). */
  url: string;
  port: number;
  /** Create a fresh database and return its connection string. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export type PgClusterStart = { ok: true; cluster: PgCluster } | { ok: false; reason: string };

export interface PgClusterOptions {
  /** Extra server settings, e.g. { shared_buffers: '512MB', maintenance_work_mem: '1GB' } for bulk loads. */
  settings?: Record<string, string>;
}

function binDir(): string | null {
  for (const major of ['15', '16', '17']) {
    const dir = `/usr/lib/postgresql/${major}/bin`;
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** initdb refuses to run as root: as root, run the server binaries as the `postgres` system user. */
function asServerUser(): { uid: number; gid: number; prefix: string[] } | null {
  if (userInfo().uid !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid), prefix: ['runuser', '-u', 'postgres', '--'] };
}

async function exec(prefix: string[], cmd: string, args: string[]): Promise<void> {
  const [file, ...rest] = prefix.length ? [...prefix, cmd] : [cmd];
  await run(file!, [...rest, ...args], { timeout: 60_000 });
}

/** Start a private cluster; never throws for "cannot start here", returns `{ ok: false, reason }` instead. */
export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgClusterStart> {
  const bin = binDir();
  if (!bin) return { ok: false, reason: 'PostgreSQL server binaries not found (run scripts/install-postgres.sh as root)' };
  const major = bin.split('/')[4];
  if (!existsSync(`/usr/share/postgresql/${major}/extension/vector.control`)) {
    return { ok: false, reason: `pgvector is not installed for PostgreSQL ${major} (run scripts/install-postgres.sh as root)` };
  }
  const user = asServerUser();
  if (userInfo().uid === 0 && !user) return { ok: false, reason: 'running as root and there is no postgres system user to run initdb as' };
  const dir = mkdtempSync(join(tmpdir(), 'skillproof-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const prefix = user?.prefix ?? [];
  if (user) {
    chmodSync(dir, 0o700);
    chownSync(dir, user.uid, user.gid);
  }
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    await exec(prefix, join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
    const port = await freePort();
    const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: dir, fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', ...options.settings };
    const opts = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
    await exec(prefix, join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', log, '-w', '-t', '30', 'start']);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      await exec(prefix, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      cleanup();
    };
    // A crashed test run must not leave a server behind.
    process.once('exit', () => {
      if (!stopped) {
        try {
          const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
          if (pid > 0) process.kill(pid, 'SIGQUIT');
        } catch {
          // already gone
        }
        cleanup();
      }
    });
    return {
      ok: true,
      cluster: {
        url,
        port,
        stop,
        async createDatabase(name) {
          const { default: pg } = await import('pg');
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
          } finally {
            await client.end();
          }
          return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
        },
      },
    };
  } catch (e) {
    const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-5).join(' ') : '';
    cleanup();
    return { ok: false, reason: `the throw-away PostgreSQL cluster did not start: ${(e as Error).message.split('\n')[0]} ${tail}`.trim() };
  }
}
