/**
 * The core: every call of shared/contract.ts implemented over one SQLite connection.
 * Each call is validated against the contract, then runs in one transaction; failures write nothing and
 * come back as typed CallErrors, never as thrown exceptions.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { createApi, type CallName, type KaizenApi, ideaPatch } from '../shared/contract';
import type { Idea, Stage, Touchpoint } from '../shared/domain';
import { positionBetween, renumbered, POSITION_GAP } from '../shared/ordering';
import type { CallError, Result } from '../shared/result';
import { validateCall } from '../shared/validate';
import { conflict, DomainError, invalid, notFound } from './errors';
import { markDamageSeen } from './file-check';
import { openDatabase } from './open';
import { loadBoard } from './queries/board';
import {
  getIdea,
  getIdeaRow,
  getComment,
  insertComment,
  insertEvent,
  insertIdea,
  listColumn,
  listComments,
  listEvents,
  minColumnPosition,
  replaceIdeaValues,
  setIdeaPosition,
  updateIdeaColumns,
  type ColumnEntry,
  type IdeaColumnField,
  type IdeaColumnValues,
  type IdeaRow,
} from './queries/ideas';
import {
  getJourney,
  getPerson,
  getTouchpoint,
  getValue,
  insertJourney,
  insertPerson,
  insertTouchpoint,
  insertValue,
  listJourneys,
  listJourneyTouchpoints,
  listPeople,
  listTouchpoints,
  listValues,
  maxJourneyPosition,
  maxTouchpointPosition,
  maxValuePosition,
  setJourneyPosition,
  setTouchpointPosition,
  setValuePosition,
  updateJourney,
  updatePerson,
  updateTouchpoint,
  updateValue,
} from './queries/reference';
import { readSettings, writeSetting } from './queries/settings';
import { nameKey } from './queries/statements';
import { ensureStarterSet } from './starter';
import type { Ctx, Handlers, HandlersFor } from './core-types';
import type { exchangeCalls } from '../shared/contract-exchange';
import type { insightCalls } from '../shared/contract-insight';
import type { maintenanceCalls } from '../shared/contract-maintenance';
import type { standupCalls } from '../shared/contract-standup';
import { exchangeHandlers } from './exchange/handlers';
import { insightHandlers } from './insight/handlers';
import { maintenanceHandlers, runOutsideCall, isOutsideCall, type CoreControl, type OutsideCall } from './maintenance/handlers';
import { DailyBackups } from './maintenance/daily';
import { standupHandlers } from './standup/handlers';

type Db = Database.Database;

// Lookups that turn a missing row into a typed error

function requirePerson(db: Db, id: string, field: string) {
  const person = getPerson(db, id);
  if (!person) throw notFound(field, 'Person');
  return person;
}

function requireJourney(db: Db, id: string, field: string) {
  const journey = getJourney(db, id);
  if (!journey) throw notFound(field, 'Journey');
  return journey;
}

/** A journey that can take touchpoints (not archived). */
function requireActiveJourney(db: Db, id: string): void {
  if (requireJourney(db, id, 'journeyId').archived) throw conflict('archived', 'The journey is archived', 'journeyId');
}

/** A touchpoint new ideas can be logged on (it and its journey are active). */
function requireUsableTouchpoint(db: Db, id: string, field: string): void {
  const touchpoint = getTouchpoint(db, id);
  if (!touchpoint) throw notFound(field, 'Touchpoint');
  if (!touchpoint.usable) throw conflict('archived', 'The touchpoint is archived', field);
}

/** A touchpoint as the calls return it (without `usable`). */
function loadTouchpoint(db: Db, id: string): Touchpoint {
  const { usable: _usable, ...touchpoint } = getTouchpoint(db, id)!;
  return touchpoint;
}

function requireIdea(db: Db, id: string, field = 'id'): IdeaRow {
  const row = getIdeaRow(db, id);
  if (!row) throw notFound(field, 'Idea');
  return row;
}

/** An idea that is on the board (not deleted). */
function requireLiveIdea(db: Db, id: string, field = 'id'): IdeaRow {
  const row = requireIdea(db, id, field);
  if (row.deleted_at !== null) throw conflict('deleted', 'The idea is deleted; restore it first', field);
  return row;
}

function loadIdea(db: Db, id: string): Idea {
  const idea = getIdea(db, id);
  if (!idea) throw new Error(`Idea ${id} vanished inside its transaction`);
  const { deletedAt: _deleted, ...rest } = idea;
  return rest;
}

function assertUniqueName(rows: readonly { id: string; name: string }[], name: string, selfId?: string): void {
  const key = nameKey(name);
  if (rows.some((r) => r.id !== selfId && nameKey(r.name) === key)) {
    throw conflict('duplicate_name', `The name "${name}" is already in use`, 'name');
  }
}

/** Reorder calls must name every item exactly once. */
function assertExactSet(ids: readonly string[], existing: readonly { id: string }[]): void {
  const given = new Set(ids);
  const all = new Set(existing.map((e) => e.id));
  if (given.size !== ids.length) throw invalid('ids', 'invalid_value', 'ids contains duplicates');
  if (given.size !== all.size || ids.some((id) => !all.has(id))) {
    throw invalid('ids', 'invalid_value', 'ids must list every item exactly once');
  }
}

/**
 * The sort key for a card placed at index `insertAt` of `column` (the column's cards without it). When the gap
 * there ran out, the whole column gets fresh, evenly spaced keys first.
 */
function keyAt(db: Db, column: readonly ColumnEntry[], insertAt: number, id: string, at: string): number {
  const position = positionBetween(column[insertAt - 1]?.position ?? null, column[insertAt]?.position ?? null);
  if (position !== null) return position;
  const fresh = renumbered(column.length + 1);
  const order = [...column.slice(0, insertAt), { id, position: Number.NaN }, ...column.slice(insertAt)];
  order.forEach((entry, i) => {
    if (entry.id !== id && entry.position !== fresh[i]) setIdeaPosition(db, entry.id, fresh[i]!, at);
  });
  return fresh[insertAt]!;
}

const endPosition = (max: number | null): number => (max === null ? POSITION_GAP : max + POSITION_GAP);
const topPosition = (min: number | null): number => positionBetween(null, min) as number;

/** The editable fields of ideas:update, in a fixed order for event field lists. */
const PATCH_FIELDS = Object.keys(ideaPatch.shape) as (keyof typeof ideaPatch.shape)[];

const baseHandlers: HandlersFor<Omit<Handlers, FeatureCall>> = {
  'app:bootstrap': ({ db }) => ({
    settings: readSettings(db),
    people: listPeople(db),
    journeys: listJourneys(db),
    touchpoints: listTouchpoints(db),
    values: listValues(db),
  }),

  'settings:update': ({ db, at }, input) => {
    if (input.currentPersonId) requirePerson(db, input.currentPersonId, 'currentPersonId');
    if (input.lastTouchpointId && !getTouchpoint(db, input.lastTouchpointId)) throw notFound('lastTouchpointId', 'Touchpoint');
    for (const [key, value] of Object.entries(input)) {
      if (value !== undefined) writeSetting(db, key, value, at);
    }
    return readSettings(db);
  },

  'people:create': ({ db, at, uuid }, { name }) => {
    assertUniqueName(listPeople(db), name);
    const id = uuid();
    insertPerson(db, { id, name, at });
    return requirePerson(db, id, 'id');
  },

  'people:update': ({ db, at }, input) => {
    const person = requirePerson(db, input.id, 'id');
    const name = input.name ?? person.name;
    const archived = input.archived ?? person.archived;
    if (name === person.name && archived === person.archived) return person;
    if (name !== person.name) assertUniqueName(listPeople(db), name, person.id);
    updatePerson(db, person.id, { name, archived, at });
    return requirePerson(db, person.id, 'id');
  },

  'journeys:create': ({ db, at, uuid }, { name }) => {
    assertUniqueName(listJourneys(db), name);
    const id = uuid();
    insertJourney(db, { id, name, position: endPosition(maxJourneyPosition(db)), at });
    return getJourney(db, id)!;
  },

  'journeys:update': ({ db, at }, input) => {
    const journey = requireJourney(db, input.id, 'id');
    const name = input.name ?? journey.name;
    const archived = input.archived ?? journey.archived;
    if (name === journey.name && archived === journey.archived) return journey;
    if (name !== journey.name) assertUniqueName(listJourneys(db), name, journey.id);
    updateJourney(db, journey.id, { name, archived, at });
    return getJourney(db, journey.id)!;
  },

  'journeys:reorder': ({ db, at }, { ids }) => {
    assertExactSet(ids, listJourneys(db));
    const positions = renumbered(ids.length);
    ids.forEach((id, i) => setJourneyPosition(db, id, positions[i]!, at));
    return listJourneys(db);
  },

  'touchpoints:create': ({ db, at, uuid }, { journeyId, name }) => {
    requireActiveJourney(db, journeyId);
    assertUniqueName(listJourneyTouchpoints(db, journeyId), name);
    const id = uuid();
    insertTouchpoint(db, { id, journeyId, name, position: endPosition(maxTouchpointPosition(db, journeyId)), at });
    return loadTouchpoint(db, id);
  },

  'touchpoints:update': ({ db, at }, input) => {
    const found = getTouchpoint(db, input.id);
    if (!found) throw notFound('id', 'Touchpoint');
    const { usable: _usable, ...current } = found;
    const name = input.name ?? current.name;
    const archived = input.archived ?? current.archived;
    const journeyId = input.journeyId ?? current.journeyId;
    const movesJourney = journeyId !== current.journeyId;
    if (name === current.name && archived === current.archived && !movesJourney) return current;
    if (movesJourney) requireActiveJourney(db, journeyId);
    if (name !== current.name || movesJourney) assertUniqueName(listJourneyTouchpoints(db, journeyId), name, current.id);
    // A touchpoint moved to another journey goes to the end of it.
    const position = movesJourney ? endPosition(maxTouchpointPosition(db, journeyId)) : current.position;
    updateTouchpoint(db, current.id, { name, journeyId, position, archived, at });
    return loadTouchpoint(db, current.id);
  },

  'touchpoints:reorder': ({ db, at }, { journeyId, ids }) => {
    requireJourney(db, journeyId, 'journeyId');
    assertExactSet(ids, listJourneyTouchpoints(db, journeyId));
    const positions = renumbered(ids.length);
    ids.forEach((id, i) => setTouchpointPosition(db, id, positions[i]!, at));
    return listJourneyTouchpoints(db, journeyId);
  },

  'values:create': ({ db, at, uuid }, { name, level }) => {
    assertUniqueName(listValues(db), name);
    const id = uuid();
    insertValue(db, { id, name, level, position: endPosition(maxValuePosition(db)), at });
    return getValue(db, id)!;
  },

  'values:update': ({ db, at }, input) => {
    const value = getValue(db, input.id);
    if (!value) throw notFound('id', 'Belevingswaarde');
    const name = input.name ?? value.name;
    const level = input.level ?? value.level;
    const archived = input.archived ?? value.archived;
    if (name === value.name && level === value.level && archived === value.archived) return value;
    if (name !== value.name) assertUniqueName(listValues(db), name, value.id);
    updateValue(db, value.id, { name, level, archived, at });
    return getValue(db, value.id)!;
  },

  'values:reorder': ({ db, at }, { ids }) => {
    assertExactSet(ids, listValues(db));
    const positions = renumbered(ids.length);
    ids.forEach((id, i) => setValuePosition(db, id, positions[i]!, at));
    return listValues(db);
  },

  'board:get': ({ db }, { filter, doneLimit, openLimits }) => loadBoard(db, filter, doneLimit, openLimits),

  'ideas:create': ({ db, at, uuid }, input) => {
    requirePerson(db, input.actorId, 'actorId');
    requireUsableTouchpoint(db, input.touchpointId, 'touchpointId');
    const id = uuid();
    insertIdea(db, {
      id,
      title: input.title,
      description: input.description ?? '',
      kind: input.kind,
      stage: 'nieuw',
      position: topPosition(minColumnPosition(db, 'nieuw')),
      touchpointId: input.touchpointId,
      authorId: input.actorId,
      at,
    });
    insertEvent(db, { id: uuid(), ideaId: id, personId: input.actorId, type: 'created', toStage: 'nieuw', at });
    writeSetting(db, 'lastKind', input.kind, at);
    writeSetting(db, 'lastTouchpointId', input.touchpointId, at);
    return loadIdea(db, id);
  },

  'ideas:get': ({ db }, { id }) => {
    requireIdea(db, id);
    return { idea: loadIdea(db, id), comments: listComments(db, id), events: listEvents(db, id) };
  },

  'ideas:update': ({ db, at, uuid }, { id, actorId, patch }) => {
    const row = requireLiveIdea(db, id);
    requirePerson(db, actorId, 'actorId');
    const current = loadIdea(db, id);
    const columns: IdeaColumnValues = {};
    const changed: string[] = [];
    let newValueIds: string[] | null = null;

    for (const field of PATCH_FIELDS) {
      const next = patch[field];
      if (next === undefined) continue;
      if (field === 'valueIds') {
        const ids = [...new Set(patch.valueIds)];
        const before = new Set(current.valueIds);
        for (const valueId of ids) {
          const value = getValue(db, valueId);
          if (!value) throw notFound('patch.valueIds', 'Belevingswaarde');
          if (value.archived && !before.has(valueId)) throw conflict('archived', 'The belevingswaarde is archived', 'patch.valueIds');
        }
        if (ids.length !== before.size || ids.some((v) => !before.has(v))) {
          newValueIds = ids;
          changed.push(field);
        }
        continue;
      }
      if (next === current[field]) continue;
      if (field === 'touchpointId') requireUsableTouchpoint(db, next as string, 'patch.touchpointId');
      if (field === 'ownerId' && next !== null) {
        const owner = requirePerson(db, next as string, 'patch.ownerId');
        if (owner.archived) throw conflict('archived', 'The person is archived', 'patch.ownerId');
      }
      columns[field as IdeaColumnField] = next as string | number | null;
      changed.push(field);
    }

    if (changed.length === 0) return current;
    updateIdeaColumns(db, row.id, columns, at);
    if (newValueIds) replaceIdeaValues(db, row.id, newValueIds, at);
    insertEvent(db, { id: uuid(), ideaId: row.id, personId: actorId, type: 'edited', fields: changed, at });
    return loadIdea(db, row.id);
  },

  'ideas:move': ({ db, at, uuid }, input) => {
    const row = requireLiveIdea(db, input.id);
    requirePerson(db, input.actorId, 'actorId');
    const { toStage } = input;
    const intoDone = toStage === 'afgerond';
    if (!intoDone && input.outcome !== undefined) throw invalid('outcome', 'invalid_value', 'Only a move into afgerond takes an outcome');
    if (!intoDone && input.lesson !== undefined) throw invalid('lesson', 'invalid_value', 'Only a move into afgerond takes a lesson');
    if (intoDone && row.stage !== 'afgerond' && input.outcome === undefined) {
      throw invalid('outcome', 'required', 'A move into afgerond needs an outcome');
    }

    const fullColumn = listColumn(db, toStage);
    const column = fullColumn.filter((e) => e.id !== row.id);
    let insertAt = 0;
    if (input.afterId !== null) {
      if (input.afterId === row.id) throw invalid('afterId', 'invalid_value', 'An idea cannot be placed below itself');
      const index = column.findIndex((e) => e.id === input.afterId);
      if (index < 0) {
        if (!getIdeaRow(db, input.afterId)) throw notFound('afterId', 'Idea');
        throw invalid('afterId', 'invalid_value', 'afterId is not a card in the target column');
      }
      insertAt = index + 1;
    }

    const columns: IdeaColumnValues = {};
    const sameStage = row.stage === toStage;
    const samePlace = sameStage && fullColumn.findIndex((e) => e.id === row.id) === insertAt;
    if (!samePlace) columns.position = keyAt(db, column, insertAt, row.id, at);
    if (!sameStage) {
      columns.stage = toStage;
      columns.stageEnteredAt = at;
      if (row.stage === 'afgerond') columns.outcome = null;
    }
    if (intoDone && input.outcome !== undefined && input.outcome !== row.outcome) columns.outcome = input.outcome;
    if (intoDone && input.lesson !== undefined && input.lesson !== row.lesson) columns.lesson = input.lesson;

    if (Object.keys(columns).length === 0) return loadIdea(db, row.id);
    updateIdeaColumns(db, row.id, columns, at);
    if (!sameStage) {
      insertEvent(db, { id: uuid(), ideaId: row.id, personId: input.actorId, type: 'moved', fromStage: row.stage, toStage, at });
    }
    return loadIdea(db, row.id);
  },

  'ideas:cycle': ({ db, at, uuid }, { id, actorId }) => {
    const row = requireLiveIdea(db, id);
    requirePerson(db, actorId, 'actorId');
    if (row.stage !== 'act') throw conflict('not_in_act', 'Only an idea in Act can start another cycle', 'id');
    const plan: Stage = 'plan';
    updateIdeaColumns(
      db,
      row.id,
      { stage: plan, position: topPosition(minColumnPosition(db, plan)), cycle: row.cycle + 1, stageEnteredAt: at },
      at,
    );
    insertEvent(db, { id: uuid(), ideaId: row.id, personId: actorId, type: 'cycle', fromStage: 'act', toStage: plan, at });
    return loadIdea(db, row.id);
  },

  'ideas:delete': ({ db, at, uuid }, { id, actorId }) => {
    const row = requireIdea(db, id);
    requirePerson(db, actorId, 'actorId');
    if (row.deleted_at !== null) throw conflict('deleted', 'The idea is already deleted', 'id');
    updateIdeaColumns(db, row.id, { deletedAt: at }, at);
    insertEvent(db, { id: uuid(), ideaId: row.id, personId: actorId, type: 'deleted', fromStage: row.stage, at });
    return loadIdea(db, row.id);
  },

  'ideas:restore': ({ db, at, uuid }, { id, actorId }) => {
    const row = requireIdea(db, id);
    requirePerson(db, actorId, 'actorId');
    if (row.deleted_at === null) throw conflict('not_deleted', 'The idea is not deleted', 'id');
    const columns: IdeaColumnValues = { deletedAt: null };
    // Back in place: its old key still sorts it where it was, unless a card placed in the column meanwhile
    // took that very key (a new top card, a midpoint, a renumber). Then it goes directly above that card.
    const column = listColumn(db, row.stage);
    const below = column.findIndex((e) => e.position >= row.position);
    if (below >= 0 && column[below]!.position === row.position) columns.position = keyAt(db, column, below, row.id, at);
    updateIdeaColumns(db, row.id, columns, at);
    insertEvent(db, { id: uuid(), ideaId: row.id, personId: actorId, type: 'restored', toStage: row.stage, at });
    return loadIdea(db, row.id);
  },

  'comments:add': ({ db, at, uuid }, { ideaId, authorId, body }) => {
    requireLiveIdea(db, ideaId, 'ideaId');
    requirePerson(db, authorId, 'authorId');
    const id = uuid();
    insertComment(db, { id, ideaId, authorId, body, at });
    insertEvent(db, { id: uuid(), ideaId, personId: authorId, type: 'commented', at });
    return getComment(db, id)!;
  },
};

type FeatureCall =
  | keyof typeof standupCalls
  | keyof typeof exchangeCalls
  | keyof typeof insightCalls
  | keyof typeof maintenanceCalls;

/** Every call that runs inside runCall's transaction (the others are in db/maintenance: backups and restore). */
const handlers: Omit<Handlers, OutsideCall> = {
  ...baseHandlers,
  ...standupHandlers,
  ...exchangeHandlers,
  ...insightHandlers,
  ...maintenanceHandlers,
};

/** SQLite result codes that mean "try again later" rather than a bug. */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|NOMEM|PROTOCOL)/;
/** SQLite met a damaged page (extended codes included: SQLITE_CORRUPT_INDEX, _VTAB, ...). */
const DAMAGED = /^SQLITE_(CORRUPT|NOTADB)/;

function toCallError(error: unknown, db: Db): CallError {
  if (error instanceof DomainError) return error.toCallError();
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (!db.open) return { code: 'unavailable', message: 'The database is closed' };
  // The checks at open read only the header, the schema and the root pages on a clean start (db/check-policy.ts):
  // damage deeper in the file shows here. The transaction rolled back; db/recovery.ts turns to the recovery screen.
  if (typeof code === 'string' && DAMAGED.test(code)) return { code: 'damaged', message: `${code}: ${message}`.slice(0, 500) };
  if (typeof code === 'string' && UNAVAILABLE.test(code)) return { code: 'unavailable', message: `${code}: ${message}` };
  return { code: 'internal', message: message.slice(0, 500) };
}

export interface CoreOptions {
  /** Path of the SQLite file (created when missing); ':memory:' for a throwaway database. */
  dbPath: string;
  /** Clock; tests freeze it. */
  now?: () => Date;
  /** Id source; tests make it predictable. */
  uuid?: () => string;
  /** better_sqlite3.node built for Electron, when not running under plain Node. */
  nativeBinding?: string;
  /** Wait this long for a lock held by another program before the open fails (ms, default 5000). */
  timeoutMs?: number;
  /** Make the daily backup on first use of the day (default true; off for throwaway databases). */
  dailyBackups?: boolean;
}

export interface Core {
  /** Validate and run one contract call in one transaction. Never throws or rejects. */
  call(name: string, input: unknown): Promise<Result<unknown>>;
  /** The same calls, typed per name. */
  api: KaizenApi;
  close(): void;
  /** The open connection; a restore replaces it, so read it each time rather than keeping it. */
  readonly db: Db;
  readonly dbPath: string;
}

/** Run one call synchronously; `call` wraps this in a promise so the core can move to a worker later. */
export function runCall(ctx: { db: Db; now: () => Date; uuid: () => string }, name: string, input: unknown): Result<unknown> {
  try {
    const validated = validateCall(name, input);
    if (!validated.ok) return validated;
    const handler = (handlers as Partial<Handlers>)[name as CallName] as ((ctx: Ctx, input: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: { code: 'internal', message: `${name} does not run inside a transaction` } };
    const value = ctx.db.transaction(() => handler({ db: ctx.db, at: ctx.now().toISOString(), uuid: ctx.uuid }, validated.value))();
    return { ok: true, value };
  } catch (error) {
    // Also catches what validation itself throws (e.g. an input object with a throwing getter).
    return { ok: false, error: toCallError(error, ctx.db) };
  }
}

/**
 * Open the database at dbPath (migrating it, inserting the starter set once) and serve the contract over it.
 * Backups and restore (db/maintenance) run outside the per-call transaction; a restore closes the connection,
 * swaps the file and opens it again through `reopen`, so the same Core keeps serving.
 */
export function createCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const uuid = options.uuid ?? randomUUID;
  const open = (): Db => {
    const db = openDatabase(options.dbPath, {
      now,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
    try {
      db.transaction(() => ensureStarterSet(db, now().toISOString(), uuid))();
    } catch (error) {
      db.close();
      throw error;
    }
    return db;
  };
  const ctx = { db: open(), now, uuid };
  const control: CoreControl = {
    get db() {
      return ctx.db;
    },
    dbPath: options.dbPath,
    now,
    nativeBinding: options.nativeBinding,
    reopen: () => {
      if (ctx.db.open) ctx.db.close();
      ctx.db = open();
    },
  };
  const daily = options.dailyBackups === false ? null : new DailyBackups(control);
  daily?.check();
  const onDisk = options.dbPath !== ':memory:' && options.dbPath !== '';
  const call = (name: string, input: unknown): Promise<Result<unknown>> => {
    if (isOutsideCall(name)) return runOutsideCall(control, name, input);
    const result = runCall(ctx, name, input);
    // The next open checks the whole file (quick_check) instead of trusting the last check.
    if (!result.ok && result.error.code === 'damaged') {
      if (onDisk) markDamageSeen(options.dbPath, result.error.message, now());
      return Promise.resolve(result);
    }
    daily?.check();
    return Promise.resolve(result);
  };
  return {
    call,
    api: createApi(call),
    close: () => {
      if (ctx.db.open) ctx.db.close();
    },
    get db() {
      return ctx.db;
    },
    dbPath: options.dbPath,
  };
}
