// Bundles the Electron main process and preload into CommonJS files under out/ (electron and better-sqlite3 stay external).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron', 'better-sqlite3'],
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

export async function buildElectron() {
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'out/main/main.cjs' }),
    // The preload runs sandboxed: it may only require('electron'), so everything else is bundled in.
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'out/preload/preload.cjs' }),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildElectron().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
