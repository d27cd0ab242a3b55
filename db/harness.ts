/**
 * The browser harness: the real renderer (static files of the Vite build) plus the real core over HTTP on
 * 127.0.0.1, for newcomers without an Electron binary and for the end-to-end tests in Chromium.
 * POST /api/<callName> with a JSON body returns the call's Result as JSON.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ensureRendererBuilt, PROJECT_ROOT } from '../build/scripts/renderer-build.mjs';
import { OPEN_FILE_MAX_BYTES } from '../shared/host';
import type { Result } from '../shared/result';
import { ensurePrivateDir } from './backup';
import { SECURITY_HEADERS, contentTypeFor } from './harness-security';
import { seedDemo } from './index';
import { pendingMigration } from './migrate-in-worker';
import { openService, type Service } from './recovery';

const RENDERER_OUT_DIR = path.join(PROJECT_ROOT, 'out', 'renderer');
export const DB_FILE_NAME = 'kaizenbord.sqlite';
/** Requests with a larger body are refused with 413 before any of it is parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Calls that carry a whole file (the ideas and team files of Team en bestanden) may send more: the file limit of
 * shared/host.ts, with room for JSON escaping of its text.
 */
export const FILE_BODY_BYTES = 2 * OPEN_FILE_MAX_BYTES + 1024 * 1024;
const FILE_CALLS: ReadonlySet<string> = new Set(['exchange:preview', 'exchange:apply']);

/** The largest request body the harness reads for a call. */
export function bodyLimitFor(name: string): number {
  return FILE_CALLS.has(name) ? FILE_BODY_BYTES : MAX_BODY_BYTES;
}
/** Every API request must carry this start's token in this header (renderer/api/transport.ts sends it). */
export const TOKEN_HEADER = 'x-kaizenbord-token';

export interface HarnessOptions {
  /** 0 picks a free port. */
  port: number;
  /** Folder of kaizenbord.sqlite; created when missing. */
  dataDir: string;
  /** Fill an empty database with the demo board (true), or with that many generated ideas (a number). */
  demo?: boolean | number;
  /** Folder with the built renderer; defaults to out/renderer (built first when stale). */
  staticDir?: string;
  /** Build the renderer when out/renderer is missing or older than its sources (default true). */
  build?: boolean;
  /** Where build progress goes; the one line with the URL is the caller's to print. */
  log?: (line: string) => void;
}

export interface Harness {
  /** The address to open: http://127.0.0.1:PORT/#token=… (the fragment never reaches the server or its logs). */
  url: string;
  /** http://127.0.0.1:PORT/ */
  origin: string;
  /** Random per start; required on every API request in the x-kaizenbord-token header. */
  token: string;
  port: number;
  dataDir: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function sendResult(res: http.ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, JSON.stringify(result), { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
}

const failure = (code: 'validation' | 'unknown_call' | 'internal' | 'unavailable', message: string, extra: object = {}): Result<never> => ({
  ok: false,
  error: { code, message, ...extra },
});

/** Hosts a page of this harness may be reached by; anything else is DNS rebinding or a foreign site. */
function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Null when the request may proceed, else the reason it is refused. */
function checkRequestOrigin(headers: http.IncomingHttpHeaders, port: number): string | null {
  const hosts = allowedHosts(port);
  const host = headers.host?.toLowerCase();
  if (!host || !hosts.has(host)) return 'Forbidden host';
  const origin = headers.origin;
  if (origin !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return 'Forbidden origin';
    }
    if (parsed.protocol !== 'http:' || !hosts.has(parsed.host.toLowerCase())) return 'Forbidden origin';
  }
  return null;
}

/** Resolve a URL path to a file inside `root`, or null when it would leave it. */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (!file.startsWith(base + path.sep)) return null;
  return file;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      // Answer at once and discard the rest, so the client reads the 413 instead of a reset connection.
      req.resume();
      resolve('too_large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function hasToken(headers: http.IncomingHttpHeaders, token: string): boolean {
  const given = headers[TOKEN_HEADER];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function handleApi(service: Service, token: string, req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
  if (req.method !== 'POST') {
    send(res, 405, 'Method Not Allowed', { Allow: 'POST', 'Content-Type': 'text/plain; charset=utf-8' });
    return;
  }
  if (!hasToken(req.headers, token)) {
    sendResult(res, 401, failure('unavailable', 'Missing or wrong harness token; open the address the harness printed'));
    return;
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  // Only JSON: a cross-site form or text/plain "simple request" can never reach the core.
  if (type !== 'application/json') {
    sendResult(res, 415, failure('validation', 'Content-Type must be application/json'));
    return;
  }
  const limit = bodyLimitFor(name);
  const body = await readBody(req, limit);
  if (body === 'too_large') {
    sendResult(res, 413, failure('validation', 'Request body too large', { issue: 'too_big', limit }));
    return;
  }
  let input: unknown;
  try {
    input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch {
    sendResult(res, 400, failure('validation', 'Request body is not valid JSON', { issue: 'invalid_type' }));
    return;
  }
  const result = await service.call(name, input);
  sendResult(res, 200, result);
}

function handleStatic(root: string, req: http.IncomingMessage, res: http.ServerResponse, urlPath: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    return;
  }
  const file = resolveStaticFile(root, urlPath);
  let data: Buffer | null = null;
  if (file) {
    try {
      if (fs.statSync(file).isFile()) data = fs.readFileSync(file);
    } catch {
      data = null;
    }
  }
  if (!file || !data) {
    send(res, 404, 'Not Found', { 'Content-Type': 'text/plain; charset=utf-8' });
    return;
  }
  const headers = { 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache', 'Content-Length': String(data.length) };
  if (req.method === 'HEAD') {
    res.writeHead(200, { ...SECURITY_HEADERS, ...headers });
    res.end();
    return;
  }
  send(res, 200, data, headers);
}

/** Start the harness; resolves once it listens on 127.0.0.1. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const log = options.log ?? (() => {});
  const staticDir = options.staticDir ?? RENDERER_OUT_DIR;
  if (options.staticDir === undefined && options.build !== false) await ensureRendererBuilt(log);

  const dataDir = path.resolve(options.dataDir);
  ensurePrivateDir(dataDir);
  const dbPath = path.join(dataDir, DB_FILE_NAME);
  // The first start after an update may rebuild large indexes (up to half a minute at 100,000 ideas): say so.
  const pending = pendingMigration(dbPath);
  if (pending) log('Database wordt bijgewerkt (eenmalig)…');
  const started = performance.now();
  // A database that cannot be opened puts the harness in recovery mode instead of failing to start.
  const service = openService({ dbPath });
  if (pending) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(service.failure ? `Bijwerken mislukt na ${seconds} s` : `Database bijgewerkt in ${seconds} s (schema ${pending.from} → ${pending.to})`);
  }
  if (service.failure) log(`Database could not be opened (${service.failure.reason}): serving the recovery screen`);
  try {
    // seedDemo writes nothing when the database already has ideas.
    if (options.demo && service.core) seedDemo(service.core, typeof options.demo === 'number' ? { count: options.demo } : {});
  } catch (err) {
    service.close();
    throw err;
  }
  const token = randomBytes(24).toString('base64url');

  let port = options.port;
  const server = http.createServer((req, res) => {
    const refused = checkRequestOrigin(req.headers, port);
    if (refused) {
      send(res, 403, refused, { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    const urlPath = (req.url ?? '/').split('?')[0]!;
    const api = /^\/api\/([^/]+)$/.exec(urlPath);
    const handled = api
      ? handleApi(service, token, req, res, decodeURIComponentSafe(api[1]!))
      : Promise.resolve(handleStatic(staticDir, req, res, urlPath));
    handled.catch((err: unknown) => {
      if (!res.headersSent) sendResult(res, 500, failure('internal', err instanceof Error ? err.message : String(err)));
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    service.close();
    throw err;
  }
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    origin: `http://127.0.0.1:${port}/`,
    token,
    port,
    dataDir,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          service.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
