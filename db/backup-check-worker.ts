/**
 * Worker thread entry (bundled as out/main/backup-check-worker.cjs): runs integrity_check on one backup file and
 * posts one FileVerdict. Started by checkInWorker (db/backup-check.ts) for every new backup (db/maintenance/verify.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { integrityCheckFile, type BackupCheckRequest } from './backup-check';

const request = workerData as BackupCheckRequest;
parentPort?.postMessage(integrityCheckFile(request.file, request.nativeBinding));
