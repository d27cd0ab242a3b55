/**
 * `npm run bench [-- --quick] [--json FILE] [--core | --renderer] [--sizes 1000,10000] [--large FILE]`: the benchmark
 * suite. One line per figure; headline figures carry a ratio against a baseline measured in the same run.
 * `--large FILE` gives the renderer's typing benchmark a database made earlier (a copy is used; it is never changed)
 * instead of generating 100,000 ideas, which takes minutes.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCoreBench } from './core';
import { runRendererBench } from './renderer';
import { Report } from './stats';

interface Args {
  quick: boolean;
  json: string | null;
  core: boolean;
  renderer: boolean;
  sizes: number[] | null;
  large: string | null;
}

function parse(argv: readonly string[]): Args {
  const args: Args = { quick: false, json: null, core: true, renderer: true, sizes: null, large: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') args.quick = true;
    else if (arg === '--json') args.json = argv[++i] ?? '';
    else if (arg === '--core') args.renderer = false;
    else if (arg === '--renderer') args.core = false;
    else if (arg === '--sizes') args.sizes = (argv[++i] ?? '').split(',').map(Number);
    else if (arg === '--large') args.large = argv[++i] ?? '';
    else throw new Error(`Unknown option ${arg}\nUsage: npm run bench -- [--quick] [--json FILE] [--core | --renderer] [--sizes 1000,10000] [--large FILE]`);
  }
  if (args.json === '') throw new Error('--json needs a file name');
  if (args.large !== null && !fs.existsSync(args.large)) throw new Error(`--large needs an existing database file, not "${args.large}"`);
  if (args.sizes?.some((n) => !Number.isInteger(n) || n < 10)) throw new Error('--sizes takes whole numbers of at least 10');
  return args;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const report = new Report();
  const started = performance.now();
  report.note(`Kaizenbord benchmarks (${args.quick ? 'quick' : 'full'}), Node ${process.version}, ${new Date().toISOString()}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kaizenbord-bench-'));
  try {
    let largeDb: { path: string; ideas: number } | undefined = args.large ? { path: args.large, ideas: countIdeas(args.large) } : undefined;
    if (args.core) {
      const sizes = args.sizes ?? (args.quick ? [300] : [1_000, 10_000, 100_000]);
      const generated = await runCoreBench({ sizes, runs: args.quick ? 10 : 200, report, tmp, keepLargest: args.renderer && !largeDb });
      largeDb ??= generated;
    }
    if (args.renderer) await runRendererBench({ quick: args.quick, report, tmp, largeDb });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (args.json) {
    fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
    fs.writeFileSync(args.json, `${JSON.stringify(report.figures, null, 2)}\n`);
  }
  report.note(`${report.figures.length} figures in ${((performance.now() - started) / 1000).toFixed(0)} s; budgets missed: ${report.missed.length ? report.missed.join(', ') : 'none'}`);
}

/** The ideas (deleted ones too) in a database file, read without changing it. */
function countIdeas(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT count(*) FROM ideas').pluck().get() as number;
  } finally {
    db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
