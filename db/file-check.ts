/**
 * The facts and the cheap checks behind db/check-policy.ts: how the last session ended (read from the files next
 * to the database before any connection touches them), when a full check last passed (a setting written only
 * after one passed), whether a call met damage since, and checks that read a few pages instead of all of them.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { ownerOnly } from './backup';
import { writeSetting } from './queries/settings';

type Db = Database.Database;

/** The setting that holds when the last full check passed (ISO time); not one of the user's Settings. */
export const LAST_FULL_CHECK_KEY = 'lastFullCheckAt';

/** Next to the database: a call met damage in a session; the next open checks in full (removed when one passes). */
export const damageMarkerFor = (dbPath: string): string => `${dbPath}-damage-seen`;

export interface FileState {
  /** A -wal with frames or a -journal with content: the last connection did not close cleanly. */
  unclean: boolean;
  damageSeen: boolean;
}

const sizeOf = (file: string): number => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * Read before any connection is opened. SQLite deletes the -wal when the last connection closes cleanly; one that
 * holds frames means a crash, a kill or another program still writing. An empty -wal is left by read-only
 * connections (pendingMigration, this file's own read-only checks) and holds nothing to recover.
 */
export function observeFile(dbPath: string): FileState {
  return {
    unclean: sizeOf(`${dbPath}-wal`) > 0 || sizeOf(`${dbPath}-journal`) > 0,
    damageSeen: fs.existsSync(damageMarkerFor(dbPath)),
  };
}

/** Files before schema 10 (or a foreign SQLite file) have no settings table. */
const hasSettingsTable = (db: Db): boolean =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'").get() !== undefined;

/** When a full check of this file last passed, or null. Damage met while reading it is thrown (SQLITE_CORRUPT). */
export function readLastFullCheck(db: Db): Date | null {
  if (!hasSettingsTable(db)) return null;
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(LAST_FULL_CHECK_KEY) as string | undefined;
  if (value === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    const at = typeof parsed === 'string' ? new Date(parsed) : null;
    return at && !Number.isNaN(at.getTime()) ? at : null;
  } catch {
    return null;
  }
}

/** After a full check passed (or a new file was made): keep its time in the file and forget earlier damage. */
export function recordFullCheck(db: Db, dbPath: string, at: Date): void {
  if (hasSettingsTable(db)) {
    const iso = at.toISOString();
    db.transaction(() => writeSetting(db, LAST_FULL_CHECK_KEY, iso, iso))();
  }
  fs.rmSync(damageMarkerFor(dbPath), { force: true });
}

/** A call met damage: the next open checks in full. Writes next to the file, never into it. Never throws. */
export function markDamageSeen(dbPath: string, detail: string, at: Date): void {
  try {
    const marker = damageMarkerFor(dbPath);
    fs.writeFileSync(marker, `${at.toISOString()} ${detail.slice(0, 500)}\n`, { mode: 0o600 });
    ownerOnly(marker);
  } catch {
    // A folder that cannot be written also cannot hold the database for long; the recovery screen still shows.
  }
}

const BTREE_PAGE_TYPES = new Set([2, 5, 10, 13]);

/** What is wrong with the b-tree page header at `start` of `page`, or null. */
function btreePageProblem(page: Buffer, start: number, usable: number, pageCount: number): string | null {
  const type = page[start]!;
  if (!BTREE_PAGE_TYPES.has(type)) return `page type ${type}`;
  const interior = type === 2 || type === 5;
  const headerEnd = start + (interior ? 12 : 8);
  const firstFreeblock = page.readUInt16BE(start + 1);
  const cells = page.readUInt16BE(start + 3);
  const content = page.readUInt16BE(start + 5) || 65536;
  if (headerEnd + 2 * cells > usable) return `${cells} cells do not fit`;
  if (content > usable || (cells > 0 && content < headerEnd + 2 * cells)) return `cell content starts at ${content}`;
  if (firstFreeblock !== 0 && (firstFreeblock < headerEnd || firstFreeblock >= usable)) return `freeblock at ${firstFreeblock}`;
  if (page[start + 7]! > 60) return 'too many fragmented bytes';
  if (interior) {
    const right = page.readUInt32BE(start + 8);
    if (right < 1 || right > pageCount) return `right child ${right}`;
  }
  for (let i = 0; i < cells; i++) {
    const at = page.readUInt16BE(headerEnd + 2 * i);
    if (at < content || at >= usable) return `cell ${i} at ${at}`;
  }
  return null;
}

/**
 * Checks that read the header, the schema and the root page of every table and index instead of every page
 * (milliseconds at any size). Only meaningful on a file whose last session ended cleanly (all of it is in the
 * main file). Returns what is wrong, or null. Damage SQLite itself meets while reading the schema is thrown.
 */
export function cheapCheck(db: Db, dbPath: string): string | null {
  const roots = [
    { name: 'sqlite_schema', rootpage: 1 },
    ...(db.prepare('SELECT name, rootpage FROM sqlite_schema WHERE rootpage > 0').all() as { name: string; rootpage: number }[]),
  ];
  const fd = fs.openSync(dbPath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const header = Buffer.alloc(100);
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return 'the file is shorter than a database header';
    if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return 'the file does not start with an SQLite header';
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return `page size ${rawPageSize}`;
    const usable = pageSize - header[20]!;
    const inHeader = header.readUInt32BE(28);
    const headerSizeValid = inHeader > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
    const pageCount = headerSizeValid ? inHeader : Math.floor(size / pageSize);
    if (pageCount * pageSize > size) return `the file holds ${size} bytes but its header counts ${pageCount} pages of ${pageSize} (truncated)`;
    const freelistTrunk = header.readUInt32BE(32);
    if (freelistTrunk > pageCount) return `freelist starts at page ${freelistTrunk} of ${pageCount}`;
    const page = Buffer.alloc(pageSize);
    const seen = new Set<number>();
    for (const { name, rootpage } of roots) {
      if (rootpage > pageCount || seen.has(rootpage)) return `root page ${rootpage} of ${name}`;
      seen.add(rootpage);
      fs.readSync(fd, page, 0, pageSize, (rootpage - 1) * pageSize);
      const problem = btreePageProblem(page, rootpage === 1 ? 100 : 0, usable, pageCount);
      if (problem) return `root page ${rootpage} of ${name}: ${problem}`;
    }
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
