/** Public surface of the core: what electron/ and the harness use. */
export { createCore, runCall, type Core, type CoreOptions } from './service';
export {
  openDatabase,
  migrate,
  checkSqliteVersion,
  DatabaseTooNewError,
  SqliteVersionError,
  LATEST_VERSION,
  type Db,
  type OpenOptions,
  type SqliteVersionInfo,
} from './open';
export { seedDemo, type DemoOptions, type DemoResult } from './demo';
export { MIGRATIONS } from './migrations';
