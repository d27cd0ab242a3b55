/** Database files as a start can find them, for the tests of what the next open does (migrate-in-worker, electron-main). */
import fs from 'node:fs';
import Database from 'better-sqlite3';

/** The file as a killed session leaves it: its last commit still in the -wal, not yet in the file itself. */
export function leaveUnclean(file: string): void {
  const db = new Database(file);
  db.pragma(`user_version = ${db.pragma('user_version', { simple: true }) as number}`);
  const [main, wal] = [fs.readFileSync(file), fs.readFileSync(`${file}-wal`)];
  db.close();
  fs.writeFileSync(file, main);
  fs.writeFileSync(`${file}-wal`, wal);
}

/** Scribble over every third page after the first (the header and user_version stay); returns the damaged bytes. */
export function damagePages(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  for (let page = 2; page * pageSize < bytes.length; page += 3) bytes.fill(0xa5, page * pageSize + 8, page * pageSize + 200);
  fs.writeFileSync(file, bytes);
  return bytes;
}
