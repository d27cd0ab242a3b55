// Bundles the Electron main process and preload into CommonJS files under out/ (electron and better-sqlite3 stay external).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** esbuild options for one Electron entry point; `outfile` is relative to the project root or absolute. */
export function electronBundleOptions(entry, outfile) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
    sourcemap: false,
    // Smaller files load faster at every window start; names are kept for readable error messages.
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  };
}

/** The migration worker's file name, next to main.cjs (electron/main.ts starts it from there). */
export const MIGRATE_WORKER_FILE = 'migrate-worker.cjs';

/** The backup check worker's file name, next to main.cjs (db/backup-check.ts looks for it there). */
export const BACKUP_CHECK_WORKER_FILE = 'backup-check-worker.cjs';

/** Build out/main/main.cjs, the two workers next to it and out/preload/preload.cjs (or the same layout under `outRoot`). */
export async function buildElectron(outRoot = path.join(root, 'out')) {
  await Promise.all([
    build(electronBundleOptions('electron/main.ts', path.join(outRoot, 'main', 'main.cjs'))),
    // The one-time migrations of an update run in this worker thread while a notice window shows (db/migrate-in-worker.ts).
    build(electronBundleOptions('db/migrate-worker.ts', path.join(outRoot, 'main', MIGRATE_WORKER_FILE))),
    // Every new daily backup is checked with integrity_check in this worker thread (db/backup-check.ts).
    build(electronBundleOptions('db/backup-check-worker.ts', path.join(outRoot, 'main', BACKUP_CHECK_WORKER_FILE))),
    // The preload runs sandboxed: it may only require('electron'), so everything else is bundled in.
    build(electronBundleOptions('electron/preload.ts', path.join(outRoot, 'preload', 'preload.cjs'))),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildElectron().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
