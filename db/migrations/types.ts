/** Shape of one schema migration. */
import type Database from 'better-sqlite3';

export interface Migration {
  /** Target PRAGMA user_version; multiples of 10, strictly increasing. */
  version: number;
  name: string;
  /** Runs inside a transaction opened by the migrator; never commits by itself. */
  up: (db: Database.Database) => void;
}
