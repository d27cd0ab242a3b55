/**
 * Importing a file: merge its rows into this laptop's database inside the caller's transaction.
 *
 * - The same id is the same record. Changed on both sides: the later updated_at wins; on a tie the version with the
 *   larger content hash wins (computed over names instead of ids for references, so every laptop picks the same).
 * - Comments, events and thanks are appended by id and never overwritten.
 * - A journey, touchpoint (same journey), belevingswaarde or person with an unknown id but the same name is that
 *   record. A setup file hands its ids over (the local record is re-keyed) so all laptops share them; a person whose
 *   id is in the append-only history keeps it and is mapped instead. Mappings are remembered (settings key
 *   exchangeAliases), so a later rename on either laptop still finds the same record.
 * - Cards that land on exactly the same sort key are spread over a tiny band in (created_at, id) order, so every
 *   column keeps unique keys and the order does not depend on which file came first.
 */
import { EXCHANGE_COLUMNS, type ExchangeCounts, type ExchangeRow, type ExchangeTable, type RecordKind } from '../../shared/exchange-format';
import { STAGES } from '../../shared/domain';
import { contract } from '../../shared/contract';
import type { Db } from '../core-types';
import { conflict } from '../errors';
import { placeIdea } from '../queries/ideas';
import { readRawSetting, writeSetting } from '../queries/settings';
import { nameKey, stmt } from '../queries/statements';
import { TEAM_SETTING_KEYS } from './export';
import { sha256, type ReadFile } from './file';

const REFERENCE_TABLES = ['journeys', 'experience_values', 'people', 'touchpoints'] as const;
type ReferenceTable = (typeof REFERENCE_TABLES)[number];
const APPEND_TABLES = ['comments', 'events', 'thanks'] as const;
/** Tables whose rows can never be updated (so a person named in them cannot be re-keyed). */
const APPEND_ONLY: ReadonlySet<string> = new Set(['events']);

const KIND_OF: Record<ReferenceTable | 'ideas' | (typeof APPEND_TABLES)[number], RecordKind> = {
  journeys: 'journeys',
  experience_values: 'values',
  people: 'people',
  touchpoints: 'touchpoints',
  ideas: 'ideas',
  comments: 'comments',
  events: 'events',
  thanks: 'thanks',
};

export function emptyCounts(): ExchangeCounts {
  const zero = () => ({ added: 0, updated: 0, skipped: 0 });
  return {
    journeys: zero(),
    touchpoints: zero(),
    values: zero(),
    people: zero(),
    settings: zero(),
    ideas: zero(),
    comments: zero(),
    events: zero(),
    thanks: zero(),
  };
}

const q = (name: string) => `"${name}"`;

/** Schema facts read from SQLite itself, so column and table names in SQL never come from the file. */
class Schema {
  private columns = new Map<string, string[]>();
  private exchanged = new Map<string, string[]>();
  private foreign = new Map<string, { column: string; table: string }[]>();
  constructor(private readonly db: Db) {}

  tables(): string[] {
    return stmt(this.db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")
      .pluck()
      .all() as string[];
  }

  /** Every column of a local table. */
  columnsOf(table: string): string[] {
    let list = this.columns.get(table);
    if (!list) {
      list = this.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
      this.columns.set(table, list);
    }
    return list;
  }

  /** The columns a file row of `table` may write here: the format's columns this database has. */
  exchangedColumns(table: ExchangeTable): string[] {
    let list = this.exchanged.get(table);
    if (!list) {
      const local = this.columnsOf(table);
      list = EXCHANGE_COLUMNS[table].filter((c) => local.includes(c));
      this.exchanged.set(table, list);
    }
    return list;
  }

  /** Columns of `table` that point at another table. */
  foreignKeys(table: string): { column: string; table: string }[] {
    let list = this.foreign.get(table);
    if (!list) {
      list = (this.db.prepare('SELECT "from" AS "column", "table" FROM pragma_foreign_key_list(?)').all(table) as {
        column: string;
        table: string;
      }[]);
      this.foreign.set(table, list);
    }
    return list;
  }

  /** Every (table, column) that points at `target`. */
  referencesTo(target: string): { table: string; column: string }[] {
    return this.tables().flatMap((table) => this.foreignKeys(table).filter((fk) => fk.table === target).map((fk) => ({ table, column: fk.column })));
  }
}

/** Internal settings key: file id → local id of records matched by name, so renames later still match. */
const ALIASES_KEY = 'exchangeAliases';

class Merge {
  readonly counts = emptyCounts();
  private readonly aliases: Record<string, string>;
  private aliasesChanged = false;
  private readonly schema: Schema;
  /** File id → local id, for records matched by name. */
  private readonly idMap = new Map<string, string>();
  private readonly refKeys = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly file: ReadFile,
    private readonly at: string,
  ) {
    this.schema = new Schema(db);
    const stored = readRawSetting(db, ALIASES_KEY);
    this.aliases = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? { ...(stored as Record<string, string>) } : {};
  }

  run(): ExchangeCounts {
    this.checkIds();
    for (const table of REFERENCE_TABLES) this.mergeReference(table);
    if (this.file.kind === 'setup') this.mergeSettings();
    this.mergeIdeas();
    for (const table of APPEND_TABLES) this.append(table);
    for (const stage of STAGES) spreadEqualKeys(this.db, stage);
    if (this.aliasesChanged) {
      const sorted = Object.fromEntries(Object.entries(this.aliases).sort(([a], [b]) => (a < b ? -1 : 1)));
      writeSetting(this.db, ALIASES_KEY, sorted, this.at);
    }
    return this.counts;
  }

  /** Ids unique within the file, and never the id of a different kind of record here. */
  private checkIds(): void {
    const seen = new Map<string, string>();
    const byTable = new Map<string, string[]>();
    for (const table of [...REFERENCE_TABLES, 'ideas', ...APPEND_TABLES] as const) {
      const ids: string[] = [];
      for (const row of this.file.tables[table]) {
        const id = (row.id as string).toLowerCase();
        const before = seen.get(id);
        if (before === table) throw conflict('file_invalid', `${table} lists ${id} twice`, 'text');
        if (before) throw conflict('id_clash', `${id} is both a ${before} and a ${table} record in the file`, 'text');
        seen.set(id, table);
        ids.push(id);
      }
      byTable.set(table, ids);
    }
    for (const local of this.schema.tables()) {
      if (!this.schema.columnsOf(local).includes('id')) continue;
      const others = [...byTable].filter(([table]) => table !== local).flatMap(([, ids]) => ids);
      if (others.length === 0) continue;
      const hit = this.db
        .prepare(`SELECT id FROM ${q(local)} WHERE id IN (SELECT value FROM json_each(?)) LIMIT 1`)
        .pluck()
        .get(JSON.stringify(others)) as string | undefined;
      if (hit) throw conflict('id_clash', `${hit} is a ${local} record here but another kind in the file`, 'text');
    }
  }

  /** A row with its references translated to this laptop's ids (and without columns this database lacks). */
  private localize(table: ExchangeTable, row: ExchangeRow): ExchangeRow {
    const columns = this.schema.exchangedColumns(table);
    const out: ExchangeRow = {};
    for (const column of columns) if (column in row) out[column] = row[column]!;
    for (const fk of this.schema.foreignKeys(table)) {
      const value = out[fk.column];
      if (typeof value === 'string') out[fk.column] = this.idMap.get(value) ?? value;
    }
    // A 'thanked' event names the person thanked in its field list.
    if (table === 'events' && out.type === 'thanked' && typeof out.fields === 'string') {
      let fields: unknown;
      try {
        fields = JSON.parse(out.fields);
      } catch {
        throw conflict('file_invalid', `Event ${String(out.id)} has a field list that is not JSON`, 'text');
      }
      if (Array.isArray(fields)) out.fields = JSON.stringify(fields.map((f) => (typeof f === 'string' ? (this.idMap.get(f) ?? f) : f)));
    }
    return out;
  }

  private byId(table: string, id: string): ExchangeRow | undefined {
    return stmt(this.db, `SELECT * FROM ${q(table)} WHERE id = ?`).get(id) as ExchangeRow | undefined;
  }

  private insert(table: string, row: ExchangeRow): void {
    const columns = Object.keys(row);
    stmt(this.db, `INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
      ...columns.map((c) => row[c]),
    );
  }

  private update(table: string, id: string, row: ExchangeRow): void {
    const columns = Object.keys(row).filter((c) => c !== 'id');
    stmt(this.db, `UPDATE ${q(table)} SET ${columns.map((c) => `${q(c)} = ?`).join(', ')} WHERE id = ?`).run(
      ...columns.map((c) => row[c]),
      id,
    );
  }

  /** A laptop-independent name for a reference: names instead of ids (touchpoints under their journey). */
  private refKey(table: string, id: string): string {
    const cacheKey = `${table}:${id}`;
    let key = this.refKeys.get(cacheKey);
    if (key === undefined) {
      const row = REFERENCE_TABLES.includes(table as ReferenceTable) ? this.byId(table, id) : undefined;
      if (!row) key = id;
      else if (table === 'touchpoints') key = `${this.refKey('journeys', row.journey_id as string)}/${nameKey(row.name as string)}`;
      else key = nameKey(row.name as string);
      this.refKeys.set(cacheKey, key);
    }
    return key;
  }

  /** Content hash for the tie-break, over the row's columns with references by name. */
  private versionHash(table: string, row: ExchangeRow, valueIds?: readonly string[]): string {
    const refs = new Map(this.schema.foreignKeys(table).map((fk) => [fk.column, fk.table]));
    // Left out: the id (a record matched by name has another id on each laptop) and the sort key (spreading equal
    // keys moves it without a new updated_at, and the hash of a version must never change).
    const parts = Object.keys(row)
      .filter((column) => column !== 'id' && column !== 'position')
      .sort()
      .map((column) => {
        const value = row[column]!;
        const target = refs.get(column);
        return [column, typeof value === 'string' && target ? this.refKey(target, value) : value];
      });
    if (valueIds) parts.push(['$values', valueIds.map((v) => this.refKey('experience_values', v)).sort().join('|')]);
    return sha256(JSON.stringify(parts));
  }

  /** Whether the file's version replaces the local one. */
  private incomingWins(table: string, local: ExchangeRow, incoming: ExchangeRow, values?: { local: string[]; incoming: string[] }): boolean {
    const a = String(incoming.updated_at);
    const b = String(local.updated_at);
    if (a !== b) return a > b;
    const localShape: ExchangeRow = {};
    for (const column of Object.keys(incoming)) localShape[column] = local[column] ?? null;
    const mine = this.versionHash(table, localShape, values?.local);
    const theirs = this.versionHash(table, incoming, values?.incoming);
    if (mine !== theirs) return theirs > mine;
    // The same content at the same moment in two places: the smaller sort key wins, unless only spreading differs.
    const [theirKey, myKey] = [incoming.position, local.position];
    return typeof theirKey === 'number' && typeof myKey === 'number' && theirKey < myKey && !sameBand(theirKey, myKey);
  }

  private nameIndexKey(table: ReferenceTable, row: ExchangeRow): string {
    const name = nameKey(String(row.name ?? ''));
    return table === 'touchpoints' ? `${String(row.journey_id)}\u0000${name}` : name;
  }

  private mergeReference(table: ReferenceTable): void {
    const counts = this.counts[KIND_OF[table]];
    const rows = this.file.tables[table];
    if (rows.length === 0) return;
    const fileIds = new Set(rows.map((r) => r.id as string));
    const byName = new Map<string, ExchangeRow>();
    const order = table === 'people' ? 'created_at, id' : 'position, created_at, id';
    for (const row of this.db.prepare(`SELECT * FROM ${q(table)} ORDER BY ${order}`).all() as ExchangeRow[]) {
      const key = this.nameIndexKey(table, row);
      if (!byName.has(key)) byName.set(key, row);
    }
    const claimed = new Set<string>();
    for (const fileRow of rows) {
      const row = this.localize(table, fileRow);
      const id = row.id as string;
      let local = this.byId(table, id);
      const alias = local ? undefined : this.aliases[id];
      if (alias) {
        local = this.byId(table, alias);
        if (local) this.idMap.set(id, alias);
      }
      if (!local) {
        const match = byName.get(this.nameIndexKey(table, row));
        if (match && !fileIds.has(match.id as string) && !claimed.has(match.id as string)) {
          claimed.add(match.id as string);
          if (this.file.kind === 'setup' && this.canRekey(table, match.id as string)) {
            this.rekey(table, match.id as string, id);
            local = this.byId(table, id);
          } else {
            this.idMap.set(id, match.id as string);
            this.aliases[id] = match.id as string;
            this.aliasesChanged = true;
            local = match;
          }
        }
      }
      if (!local) {
        this.insert(table, row);
        byName.set(this.nameIndexKey(table, row), row);
        counts.added++;
        continue;
      }
      const target: ExchangeRow = { ...row, id: local.id! };
      const differs = Object.keys(target).some((c) => target[c] !== local[c]);
      if (differs && this.incomingWins(table, local, target)) {
        this.update(table, local.id as string, target);
        this.refKeys.clear();
        counts.updated++;
      } else counts.skipped++;
    }
  }

  private canRekey(table: ReferenceTable, id: string): boolean {
    return this.schema
      .referencesTo(table)
      .filter((ref) => APPEND_ONLY.has(ref.table))
      .every((ref) => !this.db.prepare(`SELECT 1 FROM ${q(ref.table)} WHERE ${q(ref.column)} = ? LIMIT 1`).get(id));
  }

  /** Give a local record the file's id: copy it, point every reference at the copy, drop the original. */
  private rekey(table: ReferenceTable, from: string, to: string): void {
    const columns = this.schema.columnsOf(table);
    const list = columns.map(q).join(', ');
    const select = columns.map((c) => (c === 'id' ? '?' : q(c))).join(', ');
    this.db.prepare(`INSERT INTO ${q(table)} (${list}) SELECT ${select} FROM ${q(table)} WHERE id = ?`).run(to, from);
    for (const ref of this.schema.referencesTo(table)) {
      this.db.prepare(`UPDATE ${q(ref.table)} SET ${q(ref.column)} = ? WHERE ${q(ref.column)} = ?`).run(to, from);
    }
    this.db.prepare(`DELETE FROM ${q(table)} WHERE id = ?`).run(from);
    // Settings that name a record by id (current person, last touchpoint) follow it.
    this.db.prepare('UPDATE settings SET value = json_quote(?) WHERE value = json_quote(?)').run(to, from);
    this.refKeys.clear();
  }

  private mergeSettings(): void {
    const counts = this.counts.settings;
    const schema = contract['settings:update'].input;
    for (const row of this.file.tables.settings) {
      const key = String(row.key);
      if (!(TEAM_SETTING_KEYS as readonly string[]).includes(key)) continue;
      let value: unknown;
      try {
        value = JSON.parse(String(row.value));
      } catch {
        throw conflict('file_invalid', `Setting ${key} is not JSON`, 'text');
      }
      if (!schema.safeParse({ [key]: value }).success) throw conflict('file_invalid', `Setting ${key} has an invalid value`, 'text');
      const text = JSON.stringify(value);
      const local = stmt(this.db, 'SELECT value, updated_at FROM settings WHERE key = ?').get(key) as
        | { value: string; updated_at: string }
        | undefined;
      const updatedAt = String(row.updated_at);
      if (!local) {
        stmt(this.db, 'INSERT INTO settings (key, value, created_at, updated_at) VALUES (?, ?, ?, ?)').run(key, text, updatedAt, updatedAt);
        counts.added++;
      } else if (local.value !== text && (updatedAt > local.updated_at || (updatedAt === local.updated_at && text > local.value))) {
        stmt(this.db, 'UPDATE settings SET value = ?, updated_at = ? WHERE key = ?').run(text, updatedAt, key);
        counts.updated++;
      } else counts.skipped++;
    }
  }

  private mergeIdeas(): void {
    const counts = this.counts.ideas;
    const fileValues = new Map<string, ExchangeRow[]>();
    for (const row of this.file.tables.idea_values) {
      const local = this.localize('idea_values', row);
      const list = fileValues.get(String(local.idea_id)) ?? [];
      list.push(local);
      fileValues.set(String(local.idea_id), list);
    }
    for (const fileRow of this.file.tables.ideas) {
      const row = this.localize('ideas', fileRow);
      const id = row.id as string;
      const values = fileValues.get(id) ?? [];
      const incomingValues = values.map((v) => String(v.value_id)).sort();
      const local = this.byId('ideas', id);
      if (!local) {
        this.insert('ideas', row);
        for (const value of values) this.insert('idea_values', value);
        counts.added++;
        continue;
      }
      const localValues = (stmt(this.db, 'SELECT value_id FROM idea_values WHERE idea_id = ? ORDER BY value_id').pluck().all(id) as string[]).slice();
      const differs =
        Object.keys(row).some((c) => row[c] !== local[c] && !(c === 'position' && sameBand(Number(row[c]), Number(local[c])))) ||
        incomingValues.join() !== localValues.join();
      if (differs && this.incomingWins('ideas', local, row, { local: localValues, incoming: incomingValues })) {
        this.update('ideas', id, row);
        stmt(this.db, 'DELETE FROM idea_values WHERE idea_id = ?').run(id);
        for (const value of values) this.insert('idea_values', value);
        counts.updated++;
      } else counts.skipped++;
    }
  }

  private append(table: (typeof APPEND_TABLES)[number]): void {
    const counts = this.counts[KIND_OF[table]];
    for (const fileRow of this.file.tables[table]) {
      if (this.byId(table, fileRow.id as string)) {
        counts.skipped++;
        continue;
      }
      this.insert(table, this.localize(table, fileRow));
      counts.added++;
    }
  }
}

/** The band within which equal keys are spread: far below MIN_GAP, so no card ever placed by a move is inside it. */
const step = (base: number) => Math.max(Math.abs(base), 1) * 2 ** -44;
const BAND_STEPS = 1024;
const sameBand = (a: number, b: number) => Math.abs(a - b) <= BAND_STEPS * step(Math.min(a, b));

/** Spread cards with equal (or already spread) keys in one column over the band, in (created_at, id) order. */
export function spreadEqualKeys(db: Db, stage: string): void {
  const cards = stmt(
    db,
    'SELECT id, position, created_at FROM ideas WHERE stage = ? AND deleted_at IS NULL ORDER BY position, created_at, id',
  ).all(stage) as { id: string; position: number; created_at: string }[];
  for (let i = 0; i < cards.length; ) {
    const base = cards[i]!.position;
    let j = i + 1;
    while (j < cards.length && sameBand(cards[j]!.position, base)) j++;
    if (j - i > 1) {
      const group = cards.slice(i, j).sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1));
      group.forEach((card, k) => {
        const position = base + k * step(base);
        if (card.position !== position) placeIdea(db, card.id, position);
      });
    }
    i = j;
  }
}

/** Merge a verified file; SQLite constraint failures (a record that does not fit) become a typed refusal. */
export function mergeFile(db: Db, file: ReadFile, at: string): ExchangeCounts {
  try {
    return new Merge(db, file, at).run();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      throw conflict('file_invalid', `A record in the file does not fit: ${(error as Error).message}`, 'text');
    }
    throw error;
  }
}
