// Builds better-sqlite3 for Electron's ABI into out/native/better_sqlite3.node, working on a copy of the package
// in a temp folder so node_modules keeps its Node build and `npm test` still works after `npm start`.
// Usage: node build/scripts/rebuild-electron.mjs [--force] [--arch x64|arm64]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'package.json'));

export const NATIVE_DIR = path.join(root, 'out', 'native');
export const NATIVE_BINARY = path.join(NATIVE_DIR, 'better_sqlite3.node');
const STAMP = path.join(NATIVE_DIR, 'better_sqlite3.json');

function packageVersion(name) {
  return JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

/** What the binary in out/native was built for; a mismatch means it must be rebuilt. */
export function wantedBuild(arch = process.arch) {
  return {
    electron: packageVersion('electron'),
    betterSqlite3: packageVersion('better-sqlite3'),
    platform: process.platform,
    arch,
  };
}

export function nativeIsCurrent(arch = process.arch) {
  if (!fs.existsSync(NATIVE_BINARY) || !fs.existsSync(STAMP)) return false;
  try {
    const stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
    const wanted = wantedBuild(arch);
    return Object.entries(wanted).every(([key, value]) => stamp[key] === value);
  } catch {
    return false;
  }
}

/** npm passes its config (nodedir, runtime, target, ...) as env vars; they would point node-gyp at Node's headers. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|runtime|target|target_arch|arch|disturl|dist_url|build_from_source|devdir)$/i.test(key)) delete env[key];
  }
  return env;
}

function runIn(cwd, args) {
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit', env: cleanEnv() });
  return result.status === 0;
}

/** Refuse a binary that loads under plain Node: that one was built for the wrong ABI. */
function loadsUnderNode(file) {
  const probe = spawnSync(process.execPath, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(file)})`], { stdio: 'ignore' });
  return probe.status === 0;
}

export function rebuildForElectron({ force = false, arch = process.arch } = {}) {
  if (!force && nativeIsCurrent(arch)) return false;
  const wanted = wantedBuild(arch);
  console.error(`Building better-sqlite3 ${wanted.betterSqlite3} for Electron ${wanted.electron} (${wanted.platform}-${arch})...`);

  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kaizenbord-native-'));
  const work = path.join(tmp, 'better-sqlite3');
  try {
    // The package without its Node build; deps/ holds the SQLite amalgamation that node-gyp compiles.
    fs.cpSync(source, work, { recursive: true, filter: (src) => path.relative(source, src).split(path.sep)[0] !== 'build' });
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    const target = ['--runtime=electron', `--target=${wanted.electron}`, `--arch=${arch}`];

    // A published prebuild first (fast), else compile against Electron's headers.
    const prebuild = runIn(work, [require.resolve('prebuild-install/bin.js'), ...target, `--platform=${wanted.platform}`]);
    if (!prebuild || !fs.existsSync(built)) {
      const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
      const ok = runIn(work, [nodeGyp, 'rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers']);
      if (!ok || !fs.existsSync(built)) throw new Error('node-gyp could not build better-sqlite3 for Electron');
    }
    if (arch === process.arch && loadsUnderNode(built)) throw new Error('the rebuilt better-sqlite3 loads under Node, so it is not an Electron build');

    fs.mkdirSync(NATIVE_DIR, { recursive: true });
    fs.copyFileSync(built, NATIVE_BINARY);
    fs.writeFileSync(STAMP, `${JSON.stringify(wanted, null, 2)}\n`);
    return true;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const archIndex = args.indexOf('--arch');
  try {
    const rebuilt = rebuildForElectron({ force: args.includes('--force'), arch: archIndex >= 0 ? args[archIndex + 1] : process.arch });
    console.error(rebuilt ? `Wrote ${path.relative(root, NATIVE_BINARY)}` : `${path.relative(root, NATIVE_BINARY)} is up to date`);
  } catch (err) {
    console.error(`Could not build better-sqlite3 for Electron: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
