/** People, journeys, touchpoints and belevingswaarden: the reference data ideas point at. */
import type Database from 'better-sqlite3';
import type { ExperienceValue, Journey, Person, PyramidLevel, Touchpoint } from '../../shared/domain';
import { stmt } from './statements';

type Db = Database.Database;

interface PersonRow {
  id: string;
  name: string;
  archived: number;
  created_at: string;
  updated_at: string;
}
interface JourneyRow extends PersonRow {
  position: number;
}
interface TouchpointRow extends JourneyRow {
  journey_id: string;
  /** 1 when the touchpoint or its journey is archived. */
  effectively_archived: number;
}
interface ValueRow extends JourneyRow {
  level: number;
}

const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  name: r.name,
  archived: r.archived === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const toJourney = (r: JourneyRow): Journey => ({ ...toPerson(r), position: r.position });
const toTouchpoint = (r: TouchpointRow): Touchpoint => ({ ...toJourney(r), journeyId: r.journey_id });
const toValue = (r: ValueRow): ExperienceValue => ({ ...toJourney(r), level: r.level as PyramidLevel });

// People

export function listPeople(db: Db): Person[] {
  return (stmt(db, 'SELECT * FROM people ORDER BY name COLLATE NOCASE, created_at, id').all() as PersonRow[]).map(toPerson);
}

export function getPerson(db: Db, id: string): Person | undefined {
  const row = stmt(db, 'SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  return row && toPerson(row);
}

export function insertPerson(db: Db, p: { id: string; name: string; archived?: boolean; at: string }): void {
  stmt(db, 'INSERT INTO people (id, name, archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    p.id,
    p.name,
    p.archived ? 1 : 0,
    p.at,
    p.at,
  );
}

export function updatePerson(db: Db, id: string, p: { name: string; archived: boolean; at: string }): void {
  stmt(db, 'UPDATE people SET name = ?, archived = ?, updated_at = ? WHERE id = ?').run(p.name, p.archived ? 1 : 0, p.at, id);
}

// Journeys

export function listJourneys(db: Db): Journey[] {
  return (stmt(db, 'SELECT * FROM journeys ORDER BY position, created_at, id').all() as JourneyRow[]).map(toJourney);
}

export function getJourney(db: Db, id: string): Journey | undefined {
  const row = stmt(db, 'SELECT * FROM journeys WHERE id = ?').get(id) as JourneyRow | undefined;
  return row && toJourney(row);
}

export function maxJourneyPosition(db: Db): number | null {
  return stmt(db, 'SELECT max(position) FROM journeys').pluck().get() as number | null;
}

export function insertJourney(db: Db, j: { id: string; name: string; position: number; at: string }): void {
  stmt(db, 'INSERT INTO journeys (id, name, position, archived, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)').run(
    j.id,
    j.name,
    j.position,
    j.at,
    j.at,
  );
}

export function updateJourney(db: Db, id: string, j: { name: string; archived: boolean; at: string }): void {
  stmt(db, 'UPDATE journeys SET name = ?, archived = ?, updated_at = ? WHERE id = ?').run(j.name, j.archived ? 1 : 0, j.at, id);
}

export function setJourneyPosition(db: Db, id: string, position: number, at: string): void {
  stmt(db, 'UPDATE journeys SET position = ?, updated_at = ? WHERE id = ? AND position <> ?').run(position, at, id, position);
}

// Touchpoints

const TOUCHPOINT_SELECT = `
  SELECT t.*, (t.archived OR j.archived) AS effectively_archived
  FROM touchpoints t JOIN journeys j ON j.id = t.journey_id`;

export function listTouchpoints(db: Db): Touchpoint[] {
  return (stmt(db, `${TOUCHPOINT_SELECT} ORDER BY j.position, j.id, t.position, t.created_at, t.id`).all() as TouchpointRow[]).map(
    toTouchpoint,
  );
}

export function listJourneyTouchpoints(db: Db, journeyId: string): Touchpoint[] {
  return (
    stmt(db, `${TOUCHPOINT_SELECT} WHERE t.journey_id = ? ORDER BY t.position, t.created_at, t.id`).all(journeyId) as TouchpointRow[]
  ).map(toTouchpoint);
}

/** The touchpoint plus whether new ideas may still be logged on it (it and its journey are active). */
export function getTouchpoint(db: Db, id: string): (Touchpoint & { usable: boolean }) | undefined {
  const row = stmt(db, `${TOUCHPOINT_SELECT} WHERE t.id = ?`).get(id) as TouchpointRow | undefined;
  return row && { ...toTouchpoint(row), usable: row.effectively_archived === 0 };
}

export function maxTouchpointPosition(db: Db, journeyId: string): number | null {
  return stmt(db, 'SELECT max(position) FROM touchpoints WHERE journey_id = ?').pluck().get(journeyId) as number | null;
}

export function insertTouchpoint(db: Db, t: { id: string; journeyId: string; name: string; position: number; at: string }): void {
  stmt(
    db,
    'INSERT INTO touchpoints (id, journey_id, name, position, archived, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)',
  ).run(t.id, t.journeyId, t.name, t.position, t.at, t.at);
}

export function updateTouchpoint(
  db: Db,
  id: string,
  t: { name: string; journeyId: string; position: number; archived: boolean; at: string },
): void {
  stmt(db, 'UPDATE touchpoints SET name = ?, journey_id = ?, position = ?, archived = ?, updated_at = ? WHERE id = ?').run(
    t.name,
    t.journeyId,
    t.position,
    t.archived ? 1 : 0,
    t.at,
    id,
  );
}

export function setTouchpointPosition(db: Db, id: string, position: number, at: string): void {
  stmt(db, 'UPDATE touchpoints SET position = ?, updated_at = ? WHERE id = ? AND position <> ?').run(position, at, id, position);
}

// Belevingswaarden

export function listValues(db: Db): ExperienceValue[] {
  return (stmt(db, 'SELECT * FROM experience_values ORDER BY position, created_at, id').all() as ValueRow[]).map(toValue);
}

export function getValue(db: Db, id: string): ExperienceValue | undefined {
  const row = stmt(db, 'SELECT * FROM experience_values WHERE id = ?').get(id) as ValueRow | undefined;
  return row && toValue(row);
}

export function maxValuePosition(db: Db): number | null {
  return stmt(db, 'SELECT max(position) FROM experience_values').pluck().get() as number | null;
}

export function insertValue(db: Db, v: { id: string; name: string; level: PyramidLevel; position: number; at: string }): void {
  stmt(
    db,
    'INSERT INTO experience_values (id, name, level, position, archived, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)',
  ).run(v.id, v.name, v.level, v.position, v.at, v.at);
}

export function updateValue(db: Db, id: string, v: { name: string; level: PyramidLevel; archived: boolean; at: string }): void {
  stmt(db, 'UPDATE experience_values SET name = ?, level = ?, archived = ?, updated_at = ? WHERE id = ?').run(
    v.name,
    v.level,
    v.archived ? 1 : 0,
    v.at,
    id,
  );
}

export function setValuePosition(db: Db, id: string, position: number, at: string): void {
  stmt(db, 'UPDATE experience_values SET position = ?, updated_at = ? WHERE id = ? AND position <> ?').run(position, at, id, position);
}
