// `npm start`: build what is stale, make sure better-sqlite3 exists for Electron's ABI, then open the app window.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildElectron } from './build-electron.mjs';
import { rebuildForElectron } from './rebuild-electron.mjs';
import { PROJECT_ROOT, ensureRendererBuilt, isStale } from './renderer-build.mjs';

const require = createRequire(path.join(PROJECT_ROOT, 'package.json'));

/** Path of the Electron executable, or null when it was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1). */
export function electronBinary() {
  let binary;
  try {
    binary = require('electron');
  } catch {
    return null;
  }
  return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
}

const ELECTRON_INPUTS = ['electron', 'db', 'shared', 'package.json'];

async function main() {
  const binary = electronBinary();
  if (!binary) {
    console.error(
      'The Electron binary is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or its download failed), so `npm start` cannot open the window; run `npm run harness` to use Kaizenbord in your browser instead.',
    );
    process.exit(1);
  }
  const log = (line) => console.error(line);
  await ensureRendererBuilt(log);
  if (isStale(path.join('out', 'main', 'main.cjs'), ELECTRON_INPUTS) || isStale(path.join('out', 'preload', 'preload.cjs'), ELECTRON_INPUTS)) {
    log('Building the Electron main process and preload (esbuild)...');
    await buildElectron();
  }
  rebuildForElectron();

  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: PROJECT_ROOT, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((err) => {
  console.error(`Kaizenbord could not start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
