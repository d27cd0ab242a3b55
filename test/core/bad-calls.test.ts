import { beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/contract';
import type { ErrorCode, FieldIssue } from '../../shared/result';
import { checksum, makeCore, setupTeam, unwrap, type TestCore } from './support';

/** Ids filled in once the fixture exists. */
interface Ids {
  anna: string;
  bram: string;
  archivedPerson: string;
  journey: string;
  touchpoint: string;
  archivedTouchpoint: string;
  value: string;
  idea: string;
  ideaInAct: string;
  doneIdea: string;
  deletedIdea: string;
}

const MISSING = '00000000-0000-4000-8000-0000000000ff';

interface Case {
  label: string;
  name: string;
  input: (ids: Ids) => unknown;
  code: ErrorCode;
  field?: string;
  issue?: FieldIssue;
}

const c = (label: string, name: string, input: (ids: Ids) => unknown, code: ErrorCode, field?: string, issue?: FieldIssue): Case => ({
  label,
  name,
  input,
  code,
  ...(field !== undefined ? { field } : {}),
  ...(issue !== undefined ? { issue } : {}),
});

const create = (ids: Ids, extra: Record<string, unknown> = {}) => ({
  actorId: ids.anna,
  title: 'Koffie klaarzetten',
  kind: 'verleuk',
  touchpointId: ids.touchpoint,
  ...extra,
});
const move = (ids: Ids, extra: Record<string, unknown> = {}) => ({ id: ids.idea, actorId: ids.anna, toStage: 'plan', afterId: null, ...extra });
const update = (ids: Ids, patch: unknown, extra: Record<string, unknown> = {}) => ({ id: ids.idea, actorId: ids.anna, patch, ...extra });

const CASES: Case[] = [
  // Not a call at all
  c('unknown call', 'ideas:destroy', () => ({}), 'unknown_call'),
  c('empty call name', '', () => ({}), 'unknown_call'),
  c('prototype key as call name', '__proto__', () => ({}), 'unknown_call'),
  c('constructor as call name', 'constructor', () => ({}), 'unknown_call'),
  c('toString as call name', 'toString', () => ({}), 'unknown_call'),

  // Inputs that are not objects, for many calls
  ...CALL_NAMES.flatMap((name) => [
    c(`null input`, name, () => null, 'validation', undefined, 'invalid_type'),
    c(`array input`, name, () => [], 'validation', undefined, 'invalid_type'),
    c(`string input`, name, () => 'ideas', 'validation', undefined, 'invalid_type'),
    c(`number input`, name, () => 42, 'validation', undefined, 'invalid_type'),
    c(`undefined input`, name, () => undefined, 'validation', undefined, 'invalid_type'),
    c(`extra field`, name, () => ({ sneaky: true }), 'validation'),
  ]),

  // Titles and names
  c('empty title', 'ideas:create', (ids) => create(ids, { title: '' }), 'validation', 'title', 'required'),
  c('whitespace title', 'ideas:create', (ids) => create(ids, { title: ' \t\n ' }), 'validation', 'title', 'required'),
  c('10,000-character title', 'ideas:create', (ids) => create(ids, { title: 'x'.repeat(10_000) }), 'validation', 'title', 'too_long'),
  c('201-character title', 'ideas:create', (ids) => create(ids, { title: 'x'.repeat(201) }), 'validation', 'title', 'too_long'),
  c('number as title', 'ideas:create', (ids) => create(ids, { title: 42 }), 'validation', 'title', 'invalid_type'),
  c('missing title', 'ideas:create', (ids) => ({ actorId: ids.anna, kind: 'verbeter', touchpointId: ids.touchpoint }), 'validation', 'title', 'required'),
  c('unknown kind', 'ideas:create', (ids) => create(ids, { kind: 'verslechter' }), 'validation', 'kind', 'invalid_value'),
  c('extra field on create', 'ideas:create', (ids) => create(ids, { stage: 'afgerond' }), 'validation', 'stage', 'unknown_field'),
  c('description too long', 'ideas:create', (ids) => create(ids, { description: 'x'.repeat(5001) }), 'validation', 'description', 'too_long'),
  c('empty title in patch', 'ideas:update', (ids) => update(ids, { title: '' }), 'validation', 'patch.title', 'required'),
  c('10,000-character title in patch', 'ideas:update', (ids) => update(ids, { title: 'y'.repeat(10_000) }), 'validation', 'patch.title', 'too_long'),
  c('empty person name', 'people:create', () => ({ name: '   ' }), 'validation', 'name', 'required'),
  c('10,000-character person name', 'people:create', () => ({ name: 'n'.repeat(10_000) }), 'validation', 'name', 'too_long'),
  c('empty journey name', 'journeys:create', () => ({ name: '' }), 'validation', 'name', 'required'),
  c('10,000-character touchpoint name', 'touchpoints:create', (ids) => ({ journeyId: ids.journey, name: 't'.repeat(10_000) }), 'validation', 'name', 'too_long'),
  c('whitespace value name', 'values:update', (ids) => ({ id: ids.value, name: '  ' }), 'validation', 'name', 'required'),
  c('empty comment', 'comments:add', (ids) => ({ ideaId: ids.idea, authorId: ids.anna, body: ' ' }), 'validation', 'body', 'required'),
  c('10,000-character comment', 'comments:add', (ids) => ({ ideaId: ids.idea, authorId: ids.anna, body: 'c'.repeat(10_000) }), 'validation', 'body', 'too_long'),

  // Wrong types and values
  c('malformed id', 'ideas:get', () => ({ id: 'not-a-uuid' }), 'validation', 'id', 'invalid_value'),
  c('number id', 'ideas:get', () => ({ id: 7 }), 'validation', 'id', 'invalid_type'),
  c('unknown stage', 'ideas:move', (ids) => move(ids, { toStage: 'klaar' }), 'validation', 'toStage', 'invalid_value'),
  c('stage in other case', 'ideas:move', (ids) => move(ids, { toStage: 'Plan' }), 'validation', 'toStage', 'invalid_value'),
  c('missing afterId', 'ideas:move', (ids) => ({ id: ids.idea, actorId: ids.anna, toStage: 'plan' }), 'validation', 'afterId', 'required'),
  c('unknown outcome', 'ideas:move', (ids) => move(ids, { toStage: 'afgerond', outcome: 'gelukt' }), 'validation', 'outcome', 'invalid_value'),
  c('string grade', 'ideas:update', (ids) => update(ids, { gradeAfter: '8' }), 'validation', 'patch.gradeAfter', 'invalid_type'),
  c('grade 11', 'ideas:update', (ids) => update(ids, { gradeAfter: 11 }), 'validation', 'patch.gradeAfter', 'too_big'),
  c('grade 0', 'ideas:update', (ids) => update(ids, { gradeBefore: 0 }), 'validation', 'patch.gradeBefore', 'too_small'),
  c('fractional grade', 'ideas:update', (ids) => update(ids, { gradeBefore: 7.5 }), 'validation', 'patch.gradeBefore'),
  c('bad date', 'ideas:update', (ids) => update(ids, { doStartDate: '31-12-2026' }), 'validation', 'patch.doStartDate', 'invalid_value'),
  c('pyramid level 4', 'ideas:update', (ids) => update(ids, { pyramidLevel: 4 }), 'validation', 'patch.pyramidLevel'),
  c('unknown patch field', 'ideas:update', (ids) => update(ids, { stage: 'afgerond' }), 'validation', 'patch.stage', 'unknown_field'),
  c('patch outcome directly', 'ideas:update', (ids) => update(ids, { outcome: 'adopted' }), 'validation', 'patch.outcome', 'unknown_field'),
  c('patch as array', 'ideas:update', (ids) => update(ids, []), 'validation', 'patch', 'invalid_type'),
  c('valueIds not an array', 'ideas:update', (ids) => update(ids, { valueIds: ids.value }), 'validation', 'patch.valueIds', 'invalid_type'),
  c('string boolean', 'people:update', (ids) => ({ id: ids.anna, archived: 'yes' }), 'validation', 'archived', 'invalid_type'),
  c('unknown language', 'settings:update', () => ({ language: 'de' }), 'validation', 'language', 'invalid_value'),
  c('unknown theme', 'settings:update', () => ({ theme: 'sepia' }), 'validation', 'theme', 'invalid_value'),
  c('unknown setting', 'settings:update', () => ({ fontSize: 12 }), 'validation', 'fontSize', 'unknown_field'),
  c('value level 0', 'values:create', () => ({ name: 'Rust', level: 0 }), 'validation', 'level'),
  c('empty reorder', 'journeys:reorder', () => ({ ids: [] }), 'validation', 'ids', 'too_small'),
  c('unknown filter field', 'board:get', () => ({ filter: { stage: 'plan' } }), 'validation', 'filter.stage', 'unknown_field'),
  c('missing filter', 'board:get', () => ({}), 'validation', 'filter', 'required'),
  c('query too long', 'board:get', () => ({ filter: { query: 'q'.repeat(201) } }), 'validation', 'filter.query', 'too_long'),
  c('query as number', 'board:get', () => ({ filter: { query: 5 } }), 'validation', 'filter.query', 'invalid_type'),

  // Valid shape, but the database says no
  c('unknown idea on get', 'ideas:get', () => ({ id: MISSING }), 'not_found', 'id'),
  c('unknown idea on update', 'ideas:update', (ids) => update(ids, { title: 'x' }, { id: MISSING }), 'not_found', 'id'),
  c('unknown idea on move', 'ideas:move', (ids) => move(ids, { id: MISSING }), 'not_found', 'id'),
  c('unknown idea on cycle', 'ideas:cycle', (ids) => ({ id: MISSING, actorId: ids.anna }), 'not_found', 'id'),
  c('unknown idea on delete', 'ideas:delete', (ids) => ({ id: MISSING, actorId: ids.anna }), 'not_found', 'id'),
  c('unknown idea on restore', 'ideas:restore', (ids) => ({ id: MISSING, actorId: ids.anna }), 'not_found', 'id'),
  c('unknown actor on create', 'ideas:create', (ids) => create(ids, { actorId: MISSING }), 'not_found', 'actorId'),
  c('unknown actor on move', 'ideas:move', (ids) => move(ids, { actorId: MISSING }), 'not_found', 'actorId'),
  c('unknown actor on update', 'ideas:update', (ids) => update(ids, { title: 'Nieuw' }, { actorId: MISSING }), 'not_found', 'actorId'),
  c('unknown actor on delete', 'ideas:delete', (ids) => ({ id: ids.idea, actorId: MISSING }), 'not_found', 'actorId'),
  c('unknown touchpoint on create', 'ideas:create', (ids) => create(ids, { touchpointId: MISSING }), 'not_found', 'touchpointId'),
  c('unknown afterId', 'ideas:move', (ids) => move(ids, { afterId: MISSING }), 'not_found', 'afterId'),
  c('unknown value in patch', 'ideas:update', (ids) => update(ids, { title: 'Eerst dit', valueIds: [ids.value, MISSING] }), 'not_found', 'patch.valueIds'),
  c('unknown owner', 'ideas:update', (ids) => update(ids, { ownerId: MISSING }), 'not_found', 'patch.ownerId'),
  c('unknown person on update', 'people:update', () => ({ id: MISSING, name: 'X' }), 'not_found', 'id'),
  c('unknown journey on update', 'journeys:update', () => ({ id: MISSING, name: 'X' }), 'not_found', 'id'),
  c('unknown journey for touchpoint', 'touchpoints:create', () => ({ journeyId: MISSING, name: 'X' }), 'not_found', 'journeyId'),
  c('unknown touchpoint on update', 'touchpoints:update', () => ({ id: MISSING, name: 'X' }), 'not_found', 'id'),
  c('unknown value on update', 'values:update', () => ({ id: MISSING, name: 'X' }), 'not_found', 'id'),
  c('unknown comment idea', 'comments:add', (ids) => ({ ideaId: MISSING, authorId: ids.anna, body: 'Hoi' }), 'not_found', 'ideaId'),
  c('unknown comment author', 'comments:add', (ids) => ({ ideaId: ids.idea, authorId: MISSING, body: 'Hoi' }), 'not_found', 'authorId'),
  c('unknown current person', 'settings:update', () => ({ theme: 'dark', currentPersonId: MISSING }), 'not_found', 'currentPersonId'),
  c('afterId in another column', 'ideas:move', (ids) => move(ids, { afterId: ids.ideaInAct }), 'validation', 'afterId'),
  c('afgerond without outcome', 'ideas:move', (ids) => move(ids, { toStage: 'afgerond', lesson: 'Geleerd' }), 'validation', 'outcome', 'required'),
  c('reorder with a missing journey id', 'journeys:reorder', () => ({ ids: [MISSING] }), 'validation', 'ids'),
  c('reorder touchpoints of unknown journey', 'touchpoints:reorder', () => ({ journeyId: MISSING, ids: [MISSING] }), 'not_found', 'journeyId'),
  c('cycle outside Act', 'ideas:cycle', (ids) => ({ id: ids.idea, actorId: ids.anna }), 'conflict'),
  c('cycle a finished idea', 'ideas:cycle', (ids) => ({ id: ids.doneIdea, actorId: ids.anna }), 'conflict'),
  c('idea on archived touchpoint', 'ideas:create', (ids) => create(ids, { touchpointId: ids.archivedTouchpoint }), 'conflict', 'touchpointId'),
  c('owner who is archived', 'ideas:update', (ids) => update(ids, { ownerId: ids.archivedPerson }), 'conflict', 'patch.ownerId'),
  c('move a deleted idea', 'ideas:move', (ids) => move(ids, { id: ids.deletedIdea }), 'conflict'),
  c('edit a deleted idea', 'ideas:update', (ids) => update(ids, { title: 'Terug' }, { id: ids.deletedIdea }), 'conflict'),
  c('delete twice', 'ideas:delete', (ids) => ({ id: ids.deletedIdea, actorId: ids.anna }), 'conflict'),
  c('restore a live idea', 'ideas:restore', (ids) => ({ id: ids.idea, actorId: ids.anna }), 'conflict'),
  c('duplicate person name', 'people:create', () => ({ name: 'anna' }), 'conflict', 'name'),
];

describe('bad calls', () => {
  let t: TestCore;
  let ids: Ids;
  let before: string;

  beforeAll(async () => {
    t = makeCore();
    const team = await setupTeam(t.api);
    const archived = await unwrap(t.api['people:create']({ name: 'Carla' }));
    await unwrap(t.api['people:update']({ id: archived.id, archived: true }));
    await unwrap(t.api['touchpoints:update']({ id: team.touchpoints[5]!.id, archived: true }));
    const idea = await unwrap(t.api['ideas:create']({ actorId: team.anna.id, title: 'Live', kind: 'verbeter', touchpointId: team.touchpoints[0]!.id }));
    const inAct = await unwrap(t.api['ideas:create']({ actorId: team.bram.id, title: 'In act', kind: 'verleuk', touchpointId: team.touchpoints[1]!.id }));
    await unwrap(t.api['ideas:move']({ id: inAct.id, actorId: team.bram.id, toStage: 'act', afterId: null }));
    const done = await unwrap(t.api['ideas:create']({ actorId: team.bram.id, title: 'Klaar', kind: 'verbeter', touchpointId: team.touchpoints[2]!.id }));
    await unwrap(t.api['ideas:move']({ id: done.id, actorId: team.bram.id, toStage: 'afgerond', afterId: null, outcome: 'adopted', lesson: 'Het werkt.' }));
    const gone = await unwrap(t.api['ideas:create']({ actorId: team.anna.id, title: 'Weg', kind: 'verbeter', touchpointId: team.touchpoints[0]!.id }));
    await unwrap(t.api['ideas:delete']({ id: gone.id, actorId: team.anna.id }));
    await unwrap(t.api['comments:add']({ ideaId: idea.id, authorId: team.bram.id, body: 'Goed plan' }));
    ids = {
      anna: team.anna.id,
      bram: team.bram.id,
      archivedPerson: archived.id,
      journey: team.journey.id,
      touchpoint: team.touchpoints[0]!.id,
      archivedTouchpoint: team.touchpoints[5]!.id,
      value: team.values[0]!.id,
      idea: idea.id,
      ideaInAct: inAct.id,
      doneIdea: done.id,
      deletedIdea: gone.id,
    };
    t.clock.advance(60_000);
    before = checksum(t.db);
  });

  it.each(CASES.map((k) => [`${k.name} · ${k.label}`, k] as const))('%s', async (_label, k) => {
    const result = await t.core.call(k.name, k.input(ids));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(k.code);
    expect(typeof result.error.message).toBe('string');
    if (k.field !== undefined) expect(result.error.field).toBe(k.field);
    if (k.issue !== undefined) expect(result.error.issue).toBe(k.issue);
    expect(checksum(t.db)).toBe(before);
  });

  it('still works normally after all of them', async () => {
    const board = await unwrap(t.api['board:get']({ filter: {} }));
    expect(board.cards.map((card) => card.title)).toEqual(['Live', 'In act', 'Klaar']);
    expect(checksum(t.db)).toBe(before);
  });
});

describe('unexpected failures', () => {
  it('become internal errors and roll back everything the call wrote', async () => {
    const { core, api, db } = makeCore();
    const team = await setupTeam(api);
    // Make the last write of ideas:create (its event) fail after the idea row was written.
    db.exec("CREATE TEMP TRIGGER fail_event BEFORE INSERT ON main.events BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const before = checksum(db);
    const result = await core.call('ideas:create', { actorId: team.anna.id, title: 'Nooit', kind: 'verbeter', touchpointId: team.touchpoints[0]!.id });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('disk on fire') } });
    expect(checksum(db)).toBe(before);
    expect(db.prepare('SELECT count(*) FROM ideas').pluck().get()).toBe(0);
    db.exec('DROP TRIGGER temp.fail_event');
    await unwrap(api['ideas:create']({ actorId: team.anna.id, title: 'Nu wel', kind: 'verbeter', touchpointId: team.touchpoints[0]!.id }));
  });

  it('report unavailable after close instead of throwing', async () => {
    const { core } = makeCore();
    core.close();
    await expect(core.call('app:bootstrap', {})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('survive inputs with getters that throw and prototype tricks', async () => {
    const { core } = makeCore();
    const evil = Object.defineProperty({}, 'name', { enumerable: true, get: () => { throw new Error('boom'); } });
    const result = await core.call('people:create', evil);
    expect(result.ok).toBe(false);
    const proto = JSON.parse('{"__proto__": {"name": "x"}}') as unknown;
    expect((await core.call('people:create', proto)).ok).toBe(false);
  });
});
