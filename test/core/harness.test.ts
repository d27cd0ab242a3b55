import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, DEFAULT_DATA_DIR, DEFAULT_PORT } from '../../db/harness-args';
import { bodyLimitFor, MAX_BODY_BYTES, TOKEN_HEADER, resolveStaticFile, startHarness as start, type Harness, type HarnessOptions } from '../../db/harness';
import { CONTENT_SECURITY_POLICY } from '../../db/harness-security';
import { OPEN_FILE_MAX_BYTES } from '../../shared/host';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** The token of each harness this file started, by port; API requests carry it unless `token: null`. */
const tokens = new Map<number, string>();

async function startHarness(options: HarnessOptions): Promise<Harness> {
  const started = await start(options);
  tokens.set(started.port, started.token);
  return started;
}

/** A raw HTTP request, so tests control Host, Origin, the token and the body byte for byte. */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; host?: string; token?: string | null },
): Promise<Reply> {
  const token = options.token === undefined ? tokens.get(port) : options.token;
  const headers = { ...(options.path.startsWith('/api/') && token !== null && token !== undefined ? { [TOKEN_HEADER]: token } : {}), ...options.headers };
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: options.host ?? '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function api(port: number, name: string, input: unknown, headers: Record<string, string> = {}, token?: string | null): Promise<Reply> {
  return request(port, {
    method: 'POST',
    path: `/api/${name}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
    token,
  });
}

let harness: Harness;
let tmp: string;
let port: number;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kaizenbord-harness-'));
  const staticDir = path.join(tmp, 'static');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kaizenbord</title><div id="root"></div>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("kaizen")');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'outside the static folder');
  harness = await startHarness({ port: 0, dataDir: path.join(tmp, 'data'), staticDir });
  port = harness.port;
});

afterAll(async () => {
  await harness?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('browser harness', () => {
  it('listens on 127.0.0.1 only and reports its URL with a random per-start token', async () => {
    expect(harness.origin).toBe(`http://127.0.0.1:${port}/`);
    expect(harness.url).toBe(`http://127.0.0.1:${port}/#token=${harness.token}`);
    expect(harness.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(tmp, 'data')).mode & 0o777).toBe(0o700);
    expect(fs.existsSync(path.join(tmp, 'data', 'kaizenbord.sqlite'))).toBe(true);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (external) {
      // The same port on this machine's LAN address must not answer.
      await expect(request(port, { path: '/', host: external.address, headers: { host: `127.0.0.1:${port}` } })).rejects.toThrow(
        /ECONNREFUSED/,
      );
    }
  });

  it('round-trips calls to the real core over POST /api/<call>', async () => {
    const created = await api(port, 'people:create', { name: 'Anouk' });
    expect(created.status).toBe(200);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    const person = JSON.parse(created.body) as { ok: true; value: { id: string; name: string } };
    expect(person.ok).toBe(true);
    expect(person.value.name).toBe('Anouk');

    const boot = JSON.parse((await api(port, 'app:bootstrap', {})).body) as { ok: true; value: { people: { id: string }[] } };
    expect(boot.value.people.map((p) => p.id)).toContain(person.value.id);
  });

  it('refuses API requests without the token, or with a wrong one, before reading them', async () => {
    for (const token of [null, '', 'x'.repeat(32), `${harness.token}x`, harness.token.toUpperCase()]) {
      const res = await api(port, 'people:create', { name: 'Zonder token' }, {}, token);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    }
    const boot = JSON.parse((await api(port, 'app:bootstrap', {})).body) as { value: { people: { name: string }[] } };
    expect(boot.value.people.map((p) => p.name)).not.toContain('Zonder token');
    // Static files need no token: they hold no data.
    expect((await request(port, { path: '/', token: null })).status).toBe(200);
    const other = await startHarness({ port: 0, dataDir: path.join(tmp, 'data-token'), staticDir: path.join(tmp, 'static') });
    try {
      expect(other.token).not.toBe(harness.token);
      expect((await api(other.port, 'app:bootstrap', {}, {}, harness.token)).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('serves the recovery calls when the database cannot be opened, and keeps the file', async () => {
    const dataDir = path.join(tmp, 'damaged');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'kaizenbord.sqlite'), Buffer.alloc(8192, 0x42));
    const broken = await startHarness({ port: 0, dataDir, staticDir: path.join(tmp, 'static') });
    try {
      const status = JSON.parse((await api(broken.port, 'recovery:status', {})).body);
      expect(status).toMatchObject({ ok: true, value: { state: 'recovery', reason: 'damaged', latestBackup: null } });
      expect(JSON.parse((await api(broken.port, 'app:bootstrap', {})).body)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(fs.readFileSync(path.join(dataDir, 'kaizenbord.sqlite'))).toEqual(Buffer.alloc(8192, 0x42));
      expect(JSON.parse((await api(broken.port, 'recovery:reset', {})).body)).toEqual({ ok: true, value: { state: 'ok' } });
      expect(JSON.parse((await api(broken.port, 'app:bootstrap', {})).body)).toMatchObject({ ok: true });
      expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('kaizenbord.damaged-'))).toHaveLength(1);
    } finally {
      await broken.close();
    }
  });

  it('turns bad input into typed Results, not crashes', async () => {
    const empty = JSON.parse((await api(port, 'people:create', { name: '' })).body);
    expect(empty).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });

    const unknown = JSON.parse((await api(port, 'ideas:explode', {})).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_call' } });

    const malformed = await request(port, {
      method: 'POST',
      path: '/api/people:create',
      headers: { 'content-type': 'application/json' },
      body: '{"name": "Bram"',
    });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'validation' } });

    const boot = JSON.parse((await api(port, 'app:bootstrap', {})).body) as { value: { people: { name: string }[] } };
    expect(boot.value.people.map((p) => p.name)).not.toContain('Bram');
  });

  it('accepts only JSON posts on /api', async () => {
    const get = await request(port, { path: '/api/app:bootstrap' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');

    const text = await request(port, {
      method: 'POST',
      path: '/api/people:create',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ name: 'Cas' }),
    });
    expect(text.status).toBe(415);
  });

  it.each([
    ['a foreign Host (DNS rebinding)', { host: 'evil.example' }],
    ['a foreign Host with our port', { host: 'evil.example:PORT' }],
    ['our host on another port', { host: '127.0.0.1:1' }],
    ['a foreign Origin', { host: '127.0.0.1:PORT', origin: 'http://evil.example' }],
    ['an Origin on another port', { host: '127.0.0.1:PORT', origin: 'http://127.0.0.1:1' }],
    ['an opaque Origin', { host: '127.0.0.1:PORT', origin: 'null' }],
  ])('refuses %s and writes nothing', async (_label, raw) => {
    const headers = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.replace('PORT', String(port))]));
    const res = await api(port, 'people:create', { name: 'Mallory' }, headers);
    expect(res.status).toBe(403);
    const page = await request(port, { path: '/', headers });
    expect(page.status).toBe(403);

    const boot = JSON.parse((await api(port, 'app:bootstrap', {})).body) as { value: { people: { name: string }[] } };
    expect(boot.value.people.map((p) => p.name)).not.toContain('Mallory');
  });

  it('accepts localhost and a same-origin Origin', async () => {
    const res = await api(port, 'app:bootstrap', {}, { host: `localhost:${port}`, origin: `http://localhost:${port}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).ok).toBe(true);
  });

  it('refuses request bodies over the limit with 413', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES + 10) });
    const res = await request(port, { method: 'POST', path: '/api/people:create', headers: { 'content-type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'validation', issue: 'too_big', limit: MAX_BODY_BYTES } });

    // Without a Content-Length (chunked), the limit still holds while streaming.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/people:create', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token }, agent: false },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write('x'.repeat(100_000));
      req.end();
    });
    expect(chunked).toBe(413);
  });

  it('lets the file calls of Team en bestanden carry files over 1 MB, and only those', async () => {
    expect(bodyLimitFor('people:create')).toBe(MAX_BODY_BYTES);
    expect(bodyLimitFor('exchange:preview')).toBeGreaterThan(2 * OPEN_FILE_MAX_BYTES);
    // A 2 MB file reaches the core, which answers about the file itself (not JSON), not with a 413.
    const text = 'x'.repeat(2 * MAX_BODY_BYTES);
    const res = await api(port, 'exchange:preview', { text });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { reason: 'file_damaged' } });
    // The same size to an ordinary call is still refused before it is parsed.
    expect((await api(port, 'people:create', { name: text })).status).toBe(413);
  });

  it('serves the static renderer with CSP and nosniff', async () => {
    const index = await request(port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<div id="root">');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');

    const script = await request(port, { path: '/assets/app.js?v=1' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');

    const head = await request(port, { method: 'HEAD', path: '/index.html' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');

    expect((await request(port, { path: '/missing.js' })).status).toBe(404);
    expect((await request(port, { path: '/assets' })).status).toBe(404);
    expect((await request(port, { method: 'DELETE', path: '/index.html' })).status).toBe(405);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/index.html%00', '/%E0%A4%A'])(
    'never serves files outside the static folder: %s',
    async (urlPath) => {
      const res = await request(port, { path: urlPath });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('outside the static folder');
    },
  );

  it('resolves static paths inside the root only', () => {
    expect(resolveStaticFile('/srv/app', '/')).toBe(path.resolve('/srv/app/index.html'));
    expect(resolveStaticFile('/srv/app', '/a/b.js')).toBe(path.resolve('/srv/app/a/b.js'));
    expect(resolveStaticFile('/srv/app', '/../etc/passwd')).toBeNull();
    expect(resolveStaticFile('/srv/app', '/%2e%2e/etc/passwd')).toBeNull();
  });

  it('keeps the data when restarted on the same folder', async () => {
    const again = await startHarness({ port: 0, dataDir: path.join(tmp, 'data-2'), staticDir: path.join(tmp, 'static') });
    try {
      await api(again.port, 'people:create', { name: 'Daan' });
    } finally {
      await again.close();
    }
    const reopened = await startHarness({ port: 0, dataDir: path.join(tmp, 'data-2'), staticDir: path.join(tmp, 'static') });
    try {
      const boot = JSON.parse((await api(reopened.port, 'app:bootstrap', {})).body) as { value: { people: { name: string }[] } };
      expect(boot.value.people.map((p) => p.name)).toEqual(['Daan']);
    } finally {
      await reopened.close();
    }
  });

  it('fills an empty database with the demo board once', async () => {
    const dataDir = path.join(tmp, 'demo');
    const first = await startHarness({ port: 0, dataDir, demo: true, staticDir: path.join(tmp, 'static') });
    let count: number;
    try {
      const board = JSON.parse((await api(first.port, 'board:get', { filter: {} })).body) as { value: { cards: { stage: string; kind: string }[] } };
      count = board.value.cards.length;
      expect(count).toBeGreaterThanOrEqual(24);
      expect(new Set(board.value.cards.map((c) => c.stage)).size).toBe(6);
      expect(new Set(board.value.cards.map((c) => c.kind))).toEqual(new Set(['verbeter', 'verleuk']));
      const boot = JSON.parse((await api(first.port, 'app:bootstrap', {})).body) as { value: { people: unknown[] } };
      expect(boot.value.people.length).toBeGreaterThanOrEqual(3);
    } finally {
      await first.close();
    }
    const second = await startHarness({ port: 0, dataDir, demo: true, staticDir: path.join(tmp, 'static') });
    try {
      const board = JSON.parse((await api(second.port, 'board:get', { filter: {} })).body) as { value: { cards: unknown[] } };
      expect(board.value.cards.length).toBe(count);
    } finally {
      await second.close();
    }
  });
});

describe('harness command line', () => {
  it('reads --port, --data and --demo', () => {
    expect(parseArgs(['--port', '0', '--data', '/tmp/kb', '--demo'])).toEqual({ port: 0, dataDir: path.resolve('/tmp/kb'), demo: true, help: false });
    expect(parseArgs(['--port=8123'])).toMatchObject({ port: 8123, dataDir: DEFAULT_DATA_DIR, demo: false });
    expect(parseArgs([])).toMatchObject({ port: DEFAULT_PORT, dataDir: DEFAULT_DATA_DIR });
  });

  it.each([['--port', 'abc'], ['--port', '70000'], ['--port'], ['--data'], ['--verbose']])('rejects %s %s', (...argv) => {
    expect(() => parseArgs(argv)).toThrow();
  });
});
