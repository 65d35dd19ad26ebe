import { lookup as dnsLookup } from 'node:dns';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { FetchError } from '../core/errors.js';
import type { FetchOptions, FetchResult, Fetcher } from '../ports/fetcher.js';
import { isBlockedAddress } from './ip-policy.js';

export interface SafeFetcherOptions {
  /** Allow loopback/private/link-local targets (tests, intranet deployments). Default false. */
  allowPrivate?: boolean;
  /** URL prefix → local folder or file, consulted before any network access. */
  mirror?: Readonly<Record<string, string>>;
  /** When false, only the mirror answers; anything else fails with `fetch_offline`. Default true. */
  network?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  userAgent?: string;
}

const DEFAULTS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 5 };

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.txt': 'text/plain',
  '.pdf': 'application/pdf',
  '.jwt': 'application/jwt',
};

/** The one SSRF-safe, size- and time-limited implementation of the `Fetcher` port (see its contract). */
export class SafeFetcher implements Fetcher {
  private readonly options: Required<Omit<SafeFetcherOptions, 'mirror'>> & { mirror: [string, string][] };

  constructor(options: SafeFetcherOptions = {}) {
    this.options = {
      allowPrivate: options.allowPrivate ?? false,
      network: options.network ?? true,
      maxBytes: options.maxBytes ?? DEFAULTS.maxBytes,
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
      userAgent: options.userAgent ?? 'SkillProof/0.1 (+credential verification)',
      // Longest prefix first so a specific mapping wins over a general one.
      mirror: Object.entries(options.mirror ?? {}).sort((a, b) => b[0].length - a[0].length),
    };
  }

  async fetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
    const maxBytes = options.maxBytes ?? this.options.maxBytes;
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    let current = parseUrl(url);
    const mirrored = await this.fromMirror(current.href, maxBytes);
    if (mirrored) return mirrored;
    if (!this.options.network) {
      throw new FetchError('fetch_offline', `Network access is off and no local mirror entry covers ${current.href}; add one or enable network.`);
    }
    const deadline = Date.now() + timeoutMs;
    let method = options.method ?? 'GET';
    let body = options.body;
    for (let hop = 0; hop <= this.options.maxRedirects; hop++) {
      const answer = await this.request(current, { ...options, method, body }, maxBytes, deadline);
      if (answer.location === null) return answer.result;
      current = parseUrl(new URL(answer.location, current).href);
      const again = await this.fromMirror(current.href, maxBytes);
      if (again) return again;
      if (answer.result.status === 303 || ((answer.result.status === 301 || answer.result.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
    }
    throw new FetchError('fetch_failed', `Too many redirects (more than ${this.options.maxRedirects}) from ${url}.`);
  }

  private async fromMirror(href: string, maxBytes: number): Promise<FetchResult | null> {
    for (const [prefix, target] of this.options.mirror) {
      if (!href.startsWith(prefix)) continue;
      let rest: string;
      try {
        rest = decodeURIComponent(href.slice(prefix.length).replace(/[?#].*$/, '')).replace(/^\/+/, '');
      } catch (e) {
        throw new FetchError('fetch_bad_url', `The URL ${href} has a malformed %-escape; fix the address.`, { cause: e });
      }
      const base = resolve(target);
      const file = rest === '' ? base : resolve(base, rest);
      if (file !== base && !file.startsWith(base + sep)) {
        throw new FetchError('fetch_bad_url', `The URL ${href} escapes its mirror folder; use a plain path.`);
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        return { url: href, status: 404, contentType: null, body: new Uint8Array(), fromMirror: true };
      }
      if (info.size > maxBytes) {
        throw new FetchError('fetch_too_large', `${href} is larger than ${maxBytes} bytes; raise maxBytes if it is expected.`);
      }
      const bytes = new Uint8Array(await readFile(file));
      return { url: href, status: 200, contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? null, body: bytes, fromMirror: true };
    }
    return null;
  }

  private request(
    target: URL,
    options: FetchOptions,
    maxBytes: number,
    deadline: number,
  ): Promise<{ result: FetchResult; location: string | null }> {
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !this.options.allowPrivate && isBlockedAddress(host)) {
      return Promise.reject(refused(target.href, host));
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) return Promise.reject(timedOut(target.href));
    const allowPrivate = this.options.allowPrivate;
    // Checking inside the socket's own lookup closes the gap between "resolve and check" and "connect".
    const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
      dnsLookup(hostname, { ...lookupOptions, all: true }, (err, addresses) => {
        if (err) return callback(err, '', 0);
        const list = addresses as unknown as { address: string; family: number }[];
        const bad = allowPrivate ? undefined : list.find((a) => isBlockedAddress(a.address));
        if (bad) return callback(refused(target.href, bad.address), '', 0);
        if (lookupOptions.all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
        const first = list[0];
        if (!first) return callback(new Error(`No address for ${hostname}`), '', 0);
        callback(null, first.address, first.family);
      });
    };
    const client = target.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept: options.accept ?? '*/*',
      ...(options.headers ?? {}),
    };
    return new Promise((resolvePromise, reject) => {
      let settled = false;
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        reject(e instanceof FetchError ? e : new FetchError('fetch_failed', `Could not fetch ${target.href}: ${(e as Error)?.message ?? e}. Check the address and your connection.`, { cause: e }));
      };
      const timer = setTimeout(() => fail(timedOut(target.href)), remaining);
      const req = client.request(target, { method: options.method ?? 'GET', headers, lookup: guardedLookup }, (res) => {
        const status = res.statusCode ?? 0;
        const location = status >= 300 && status < 400 && typeof res.headers.location === 'string' ? res.headers.location : null;
        if (location !== null) {
          res.resume();
          settled = true;
          clearTimeout(timer);
          resolvePromise({ result: { url: target.href, status, contentType: null, body: new Uint8Array(), fromMirror: false }, location });
          return;
        }
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (Number.isFinite(declared) && declared > maxBytes) return fail(tooLarge(target.href, maxBytes));
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) return fail(tooLarge(target.href, maxBytes));
          chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const type = res.headers['content-type'];
          resolvePromise({
            result: { url: target.href, status, contentType: type ? type.split(';')[0]!.trim() : null, body: new Uint8Array(Buffer.concat(chunks)), fromMirror: false },
            location: null,
          });
        });
      });
      req.on('error', fail);
      if (options.body !== undefined && options.method === 'POST') req.write(options.body);
      req.end();
    });
  }
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (e) {
    throw new FetchError('fetch_bad_url', `"${url.slice(0, 200)}" is not a valid URL; give a full http(s) address.`, { cause: e });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError('fetch_bad_url', `Only http and https URLs can be fetched, not ${parsed.protocol}.`);
  }
  if (parsed.username || parsed.password) {
    throw new FetchError('fetch_bad_url', 'URLs with embedded credentials are not fetched; remove the user:password part.');
  }
  return parsed;
}

function refused(url: string, address: string): FetchError {
  return new FetchError(
    'fetch_refused_private',
    `Refused to fetch ${url}: it resolves to a non-public address (${address}). Set SKILLPROOF_ALLOW_PRIVATE_FETCH=1 only if you trust this target.`,
  );
}

function tooLarge(url: string, maxBytes: number): FetchError {
  return new FetchError('fetch_too_large', `${url} sent more than ${maxBytes} bytes; it was cut off. Raise maxBytes if this is expected.`);
}

function timedOut(url: string): FetchError {
  return new FetchError('fetch_timeout', `${url} did not answer in time; try again later or raise timeoutMs.`);
}
