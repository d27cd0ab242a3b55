// Staleness checks and the Vite build of the renderer, shared by `npm start` (start.mjs) and the browser harness.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Sources the renderer build depends on (relative to the project root). */
export const RENDERER_INPUTS = ['renderer', 'shared', 'vite.config.ts', 'package.json'];

/** Newest modification time of any file under `target` (a file or a folder); 0 when it does not exist. */
export function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when `output` is missing or older than any of `inputs` (paths relative to `root`). */
export function isStale(output, inputs, root = PROJECT_ROOT) {
  const built = newestMtime(path.join(root, output));
  if (built === 0) return true;
  return inputs.some((input) => newestMtime(path.join(root, input)) > built);
}

export function rendererIsStale(root = PROJECT_ROOT) {
  return isStale(path.join('out', 'renderer', 'index.html'), RENDERER_INPUTS, root);
}

function run(command, args, cwd, log) {
  return new Promise((resolve, reject) => {
    // Vite honours an inherited NODE_ENV: under vitest (NODE_ENV=test) it would bundle React's slow development
    // build. What users get is always the production build.
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk.toString()));
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve();
      log(output.trim());
      reject(new Error(`vite build exited with code ${code}`));
    });
  });
}

/**
 * Build the renderer into out/renderer when it is missing or stale. Vite writes into a private folder that is
 * swapped in afterwards, so a harness already serving out/renderer never sees a half-written build.
 * @param {(line: string) => void} [log]
 * @param {{ force?: boolean, root?: string }} [options]
 * @returns {Promise<boolean>} whether a build ran
 */
export async function ensureRendererBuilt(log = () => {}, options = {}) {
  const root = options.root ?? PROJECT_ROOT;
  if (!options.force && !rendererIsStale(root)) return false;
  const outDir = path.join(root, 'out');
  fs.mkdirSync(outDir, { recursive: true });
  // Two processes (say, two test files) that find the build stale at once: one builds, the other waits for it.
  const release = await acquireLock(path.join(outDir, '.renderer-build.lock'));
  try {
    if (!options.force && !rendererIsStale(root)) return false;
    log('Building the renderer (vite build)...');
    const require = createRequire(import.meta.url);
    const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
    const stamp = `${process.pid}-${Date.now()}`;
    const tmpDir = path.join(outDir, `.renderer-${stamp}`);
    const oldDir = path.join(outDir, `.renderer-old-${stamp}`);
    try {
      await run(process.execPath, [viteBin, 'build', '--logLevel', 'warn', '--outDir', tmpDir, '--emptyOutDir'], root, log);
      const target = path.join(outDir, 'renderer');
      if (fs.existsSync(target)) fs.renameSync(target, oldDir);
      fs.renameSync(tmpDir, target);
    } finally {
      fs.rmSync(tmpDir, { recursive: true, force: true });
      fs.rmSync(oldDir, { recursive: true, force: true });
    }
    return true;
  } finally {
    release();
  }
}

/** A lock folder; one left behind by a killed build is taken over after `staleMs`. */
async function acquireLock(lockDir, staleMs = 5 * 60_000) {
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      return () => fs.rmSync(lockDir, { recursive: true, force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      try {
        if (Date.now() - fs.statSync(lockDir).mtimeMs > staleMs) fs.rmSync(lockDir, { recursive: true, force: true });
      } catch {
        // Released between the two calls: try again.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
