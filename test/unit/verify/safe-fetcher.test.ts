import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBlockedAddress } from '../../../src/adapters/ip-policy.js';
import { SafeFetcher } from '../../../src/adapters/safe-fetcher.js';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/hello') return void res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end('{"hi":1}');
    if (url.startsWith('/redirect/')) {
      const n = Number(url.split('/')[2]);
      return void res.writeHead(302, { location: n > 0 ? `/redirect/${n - 1}` : '/hello' }).end();
    }
    if (url === '/big') {
      res.writeHead(200);
      for (let i = 0; i < 64; i++) res.write(Buffer.alloc(1024, 97));
      return void res.end();
    }
    if (url === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 2000);
    if (url === '/missing') return void res.writeHead(404).end('no');
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '224.0.0.1',
    '255.255.255.255', '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1',
    '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '2002:c0a8:101::1', '[::1]', 'not-an-ip',
  ])('refuses %s', (a) => expect(isBlockedAddress(a)).toBe(true));
  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '172.32.0.1'])('allows %s', (a) =>
    expect(isBlockedAddress(a)).toBe(false),
  );
});

describe('SafeFetcher', () => {
  it('refuses loopback unless allowPrivate', async () => {
    await expect(new SafeFetcher().fetch(`${base}/hello`)).rejects.toMatchObject({ code: 'fetch_refused_private' });
    await expect(new SafeFetcher().fetch('http://localhost:9/x')).rejects.toMatchObject({ code: 'fetch_refused_private' });
    await expect(new SafeFetcher().fetch('http://[::ffff:127.0.0.1]:9/x')).rejects.toMatchObject({ code: 'fetch_refused_private' });
  });

  it('fetches from a local server when allowed, never throwing for HTTP status', async () => {
    const f = new SafeFetcher({ allowPrivate: true });
    const ok = await f.fetch(`${base}/hello`);
    expect(ok).toMatchObject({ status: 200, contentType: 'application/json', fromMirror: false });
    expect(new TextDecoder().decode(ok.body)).toBe('{"hi":1}');
    expect((await f.fetch(`${base}/missing`)).status).toBe(404);
  });

  it('follows up to 5 redirects and no more', async () => {
    const f = new SafeFetcher({ allowPrivate: true });
    expect((await f.fetch(`${base}/redirect/3`)).status).toBe(200);
    await expect(f.fetch(`${base}/redirect/6`)).rejects.toMatchObject({ code: 'fetch_failed' });
  });

  it('enforces size and time limits', async () => {
    const f = new SafeFetcher({ allowPrivate: true });
    await expect(f.fetch(`${base}/big`, { maxBytes: 10_000 })).rejects.toMatchObject({ code: 'fetch_too_large' });
    await expect(f.fetch(`${base}/slow`, { timeoutMs: 200 })).rejects.toMatchObject({ code: 'fetch_timeout' });
  });

  it('rejects bad URLs and non-http schemes', async () => {
    const f = new SafeFetcher();
    await expect(f.fetch('file:///etc/passwd')).rejects.toMatchObject({ code: 'fetch_bad_url' });
    await expect(f.fetch('not a url')).rejects.toMatchObject({ code: 'fetch_bad_url' });
    await expect(f.fetch('http://user:pw@example.org/')).rejects.toMatchObject({ code: 'fetch_bad_url' });
  });

  it('answers from the mirror first, with 404 for missing files and no escape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-mirror-'));
    mkdirSync(join(dir, 'dids'));
    writeFileSync(join(dir, 'dids', 'did.json'), '{"id":"did:web:example.org"}');
    writeFileSync(join(dir, 'one.json'), '{"one":true}');
    const f = new SafeFetcher({ network: false, mirror: { 'https://example.org/': dir, 'https://single.example/x': join(dir, 'one.json') } });
    const hit = await f.fetch('https://example.org/dids/did.json');
    expect(hit).toMatchObject({ status: 200, fromMirror: true, contentType: 'application/json' });
    expect((await f.fetch('https://single.example/x')).status).toBe(200);
    expect((await f.fetch('https://example.org/nothing.json')).status).toBe(404);
    await expect(f.fetch('https://example.org/..%2f..%2fetc%2fpasswd')).rejects.toMatchObject({ code: 'fetch_bad_url' });
    await expect(f.fetch('https://elsewhere.example/')).rejects.toMatchObject({ code: 'fetch_offline' });
    await expect(f.fetch('https://example.org/%E0%A4%A')).rejects.toMatchObject({ code: 'fetch_bad_url' });
    const noSlash = new SafeFetcher({ network: false, mirror: { 'https://example.org': dir } });
    expect((await noSlash.fetch('https://example.org/dids/did.json')).status).toBe(200);
  });
});
