/**
 * Worker thread entry (bundled as out/main/migrate-worker.cjs): opens the database with openDatabase, which checks
 * the file (and records a passing full check), makes the pre-migration backup and runs the migrations exactly as on
 * the main thread, closes it and posts one MigrateReport. Started by migrateInWorker (db/migrate-in-worker.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MigrateReport, MigrateRequest } from './migrate-in-worker';
import { openDatabase } from './open';
import { classifyOpenError } from './recovery';

function run(request: MigrateRequest): MigrateReport {
  try {
    const db = openDatabase(request.dbPath, request.nativeBinding ? { nativeBinding: request.nativeBinding } : {});
    try {
      return { ok: true, version: db.pragma('user_version', { simple: true }) as number };
    } finally {
      db.close();
    }
  } catch (error) {
    return { ok: false, failure: classifyOpenError(error) };
  }
}

parentPort?.postMessage(run(workerData as MigrateRequest));
