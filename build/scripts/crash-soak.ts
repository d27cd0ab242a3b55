/**
 * Crash safety, proven: a child process runs the real core on a SQLite file and commits a burst of writes through
 * the contract (ideas:create and comments:add), printing "ack <title>" only after each call returned ok; the parent
 * SIGKILLs it at a random moment, reopens the file, and checks that integrity_check is ok and every acknowledged
 * write is there. Then the next child continues on the same file.
 *
 * `npm run soak:crash [-- --kills 2000]` runs 1,000 kills and prints kills, acknowledged writes and
 * writes lost; test/core/crash.test.ts runs the same loop with 50 kills inside `npm test`.
 * The child is this file bundled with esbuild (better-sqlite3 external), so it starts in a fraction of tsx's time.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import { createCore } from '../../db/service';

export interface SoakOptions {
  kills: number;
  /** Folder for the database; a fresh temp folder when missing (removed afterwards). */
  dir?: string;
  /** Longest time a child writes before it is killed (ms after it is ready). */
  maxDelayMs?: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  kills: number;
  acknowledged: number;
  lost: number;
  /** Writes that were committed but not yet acknowledged when the kill came (allowed). */
  unacknowledgedCommitted: number;
  integrityFailures: number;
  /** The first lost titles, for the failure message. */
  lostExamples: string[];
}

/** Bundle this file into one CommonJS script for the child (cached under node_modules/.cache). */
export function buildChild(root = process.cwd()): string {
  const outfile = path.join(root, 'node_modules', '.cache', 'kaizenbord', 'crash-child.cjs');
  buildSync({
    entryPoints: [path.join(root, 'build', 'scripts', 'crash-soak.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'esbuild'],
    logLevel: 'error',
    absWorkingDir: root,
  });
  return outfile;
}

/** One child: start it, let it write for `delayMs` after it is ready, SIGKILL it; the titles it acknowledged. */
function runChild(childFile: string, dbPath: string, prefix: string, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, '--child', dbPath, prefix], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('ack ')) acked.push(line.slice(4));
        else if (line === 'ready') {
          setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, delayMs);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      // A line cut off by the kill was never acknowledged: only complete lines count.
      if (killed && signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`Crash child ended by itself (code ${code}, signal ${signal}): ${stderr.slice(0, 500)}`));
    });
  });
}

/** Reopen the file like the app does (WAL recovery included) and compare with what was acknowledged. */
function verify(dbPath: string): { ok: boolean; present: Set<string> } {
  const db = new Database(dbPath);
  try {
    const ok = db.pragma('integrity_check', { simple: true }) === 'ok';
    const titles = db.prepare("SELECT title FROM ideas WHERE title LIKE 'crash-%'").pluck().all() as string[];
    const comments = db.prepare("SELECT body FROM comments WHERE body LIKE 'crash-%'").pluck().all() as string[];
    const present = new Set([...titles, ...comments]);
    return { ok, present };
  } finally {
    db.close();
  }
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => {});
  const own = !options.dir;
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kaizenbord-crash-'));
  const dbPath = path.join(dir, 'kaizenbord.sqlite');
  const childFile = buildChild();
  const maxDelay = options.maxDelayMs ?? 120;
  const allAcked: string[] = [];
  let integrityFailures = 0;
  let lostExamples: string[] = [];
  let lost = 0;
  let present = new Set<string>();
  try {
    for (let kill = 1; kill <= options.kills; kill++) {
      const acked = await runChild(childFile, dbPath, `crash-${kill}`, Math.floor(Math.random() * maxDelay));
      allAcked.push(...acked);
      const check = verify(dbPath);
      present = check.present;
      if (!check.ok) integrityFailures++;
      const missing = allAcked.filter((title) => !present.has(title));
      lost = missing.length;
      if (missing.length) lostExamples = missing.slice(0, 5);
      if (kill % 50 === 0 || kill === options.kills) {
        log(`kills ${kill}/${options.kills}, acknowledged writes ${allAcked.length}, lost ${lost}, integrity failures ${integrityFailures}`);
      }
    }
    return {
      kills: options.kills,
      acknowledged: allAcked.length,
      lost,
      unacknowledgedCommitted: present.size - (allAcked.length - lost),
      integrityFailures,
      lostExamples,
    };
  } finally {
    if (own) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The child: open the core and write until killed, acknowledging each committed write on stdout. */
async function child(dbPath: string, prefix: string): Promise<void> {
  const core = createCore({ dbPath, dailyBackups: false });
  const say = (line: string) => fs.writeSync(1, `${line}\n`);
  const must = async <T>(pending: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>): Promise<T> => {
    const result = await pending;
    if (!result.ok) {
      process.stderr.write(`call failed: ${result.error.message}\n`);
      process.exit(2);
    }
    return result.value as T;
  };
  const boot = await must<{ people: { id: string }[]; touchpoints: { id: string }[] }>(core.call('app:bootstrap', {}));
  const actorId = boot.people[0]?.id ?? (await must<{ id: string }>(core.call('people:create', { name: 'Crash' }))).id;
  const touchpointId = boot.touchpoints[0]!.id;
  say('ready');
  let lastIdea: string | null = null;
  for (let n = 0; ; n++) {
    const title = `${prefix}-${n}`;
    if (lastIdea && n % 3 === 2) {
      await must(core.call('comments:add', { ideaId: lastIdea, authorId: actorId, body: title }));
    } else {
      lastIdea = (await must<{ id: string }>(core.call('ideas:create', { actorId, title, kind: n % 2 ? 'verleuk' : 'verbeter', touchpointId }))).id;
    }
    say(`ack ${title}`);
  }
}

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) ? value : fallback;
}

if (process.argv[2] === '--child') {
  void child(process.argv[3]!, process.argv[4]!);
} else if (process.argv.includes('--soak')) {
  const kills = argValue('--kills', 1000);
  const started = Date.now();
  runSoak({ kills, log: (line) => console.log(line) }).then(
    (r) => {
      console.log(
        `crash soak: kills ${r.kills}, acknowledged writes ${r.acknowledged}, writes lost ${r.lost}, ` +
          `integrity failures ${r.integrityFailures}, committed but unacknowledged ${r.unacknowledgedCommitted}, ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      process.exit(r.lost === 0 && r.integrityFailures === 0 ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
