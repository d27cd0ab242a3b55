/** Types shared by the core's call handlers (db/service.ts and the feature handler files). */
import type Database from 'better-sqlite3';
import type { CallName, CallOutput, ParsedInput } from '../shared/contract';

export type Db = Database.Database;

/** What a handler gets: the connection, this call's timestamp and an id source. */
export interface Ctx {
  db: Db;
  /** One timestamp for every row a call writes (ISO 8601, UTC). */
  at: string;
  uuid: () => string;
}

export type Handler<K extends CallName> = (ctx: Ctx, input: ParsedInput<K>) => CallOutput<K>;

/** The handlers of one feature table: exactly one per call in it. */
export type HandlersFor<Table> = { [K in keyof Table & CallName]: Handler<K> };

export type Handlers = HandlersFor<Record<CallName, unknown>>;
