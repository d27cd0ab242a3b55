/** Core handlers for the calls in shared/contract-standup.ts; each runs inside the transaction runCall opens. */
import { DIGEST_LIST_CAP, PERSON_DONE_PAGE, WALK_COLUMN_CAP, type standupCalls, type StandupCard } from '../../shared/contract-standup';
import { STAGES } from '../../shared/domain';
import type { Ctx, Db, HandlersFor } from '../core-types';
import { conflict, invalid, notFound } from '../errors';
import { getIdeaRow, insertEvent } from '../queries/ideas';
import { getPerson } from '../queries/reference';
import { readSettings } from '../queries/settings';
import { addDays, isTimeZone, localDate, startOfLocalDay, workingDaysBetween } from './calendar';
import { mentionedIds, queryDigest } from './digest-queries';
import {
  countWalk,
  getStandup,
  getThanks,
  insertStandup,
  insertThanks,
  lastStandup,
  listCardsByIds,
  listCardsOfPerson,
  listColumnCards,
  listFinishedSince,
  listStandups,
  listThanks,
  listThanksForIdea,
  listThanksOfPerson,
  type CardWithFacts,
} from './queries';

/** How far back the digest looks when no stand-up was finished yet. */
const FIRST_DIGEST_DAYS = 7;
const DEFAULT_LIST = 50;
const OPEN_STAGES = STAGES.filter((s) => s !== 'afgerond');
const PERSON_THANKS = 100;

function requireTimeZone(timeZone: string): string {
  if (!isTimeZone(timeZone)) throw invalid('timeZone', 'invalid_value', `Unknown time zone ${timeZone}`);
  return timeZone;
}

function requirePerson(db: Db, id: string, field: string, { active }: { active: boolean }) {
  const person = getPerson(db, id);
  if (!person) throw notFound(field, 'Person');
  if (active && person.archived) throw conflict('archived', 'The person is archived', field);
  return person;
}

function withDays(rows: readonly CardWithFacts[], today: string, timeZone: string): StandupCard[] {
  return rows.map(({ card }) => ({ ...card, workingDaysInStage: workingDaysBetween(localDate(card.stageEnteredAt, timeZone), today) }));
}

/** Every id once; refuses duplicates so a record never lists a person or idea twice. */
function distinct(ids: readonly string[], field: string): string[] {
  if (new Set(ids).size !== ids.length) throw invalid(field, 'invalid_value', `${field} contains duplicates`);
  return [...ids];
}

export const standupHandlers: HandlersFor<typeof standupCalls> = {
  'standup:digest': ({ db, at }: Ctx, input) => {
    const timeZone = requireTimeZone(input.timeZone);
    const settings = readSettings(db);
    const previous = lastStandup(db);
    const today = localDate(at, timeZone);
    const since = previous ? previous.endedAt : new Date(startOfLocalDay(addDays(today, -FIRST_DIGEST_DAYS), timeZone)).toISOString();
    const digest = queryDigest(db, {
      now: at,
      since,
      timeZone,
      doDays: settings.standupDoDays,
      stuckDays: settings.standupStuckDays,
      cap: DIGEST_LIST_CAP,
    });
    // The walk: each open column's first cards in board order and, of Afgerond, what was finished since last time.
    const walk = [
      ...OPEN_STAGES.flatMap((stage) => listColumnCards(db, stage, WALK_COLUMN_CAP)),
      ...listFinishedSince(db, since, WALK_COLUMN_CAP),
    ];
    return {
      ...digest,
      sinceStandupId: previous?.id ?? null,
      timeZone,
      cards: withDays(listCardsByIds(db, mentionedIds(digest)), today, timeZone),
      walk: withDays(walk, today, timeZone),
      walkTotals: countWalk(db, since),
    };
  },

  'standup:finish': ({ db, at, uuid }, input) => {
    const timeZone = requireTimeZone(input.timeZone);
    if (input.leadId !== null) requirePerson(db, input.leadId, 'leadId', { active: false });
    const attendeeIds = distinct(input.attendeeIds, 'attendeeIds');
    attendeeIds.forEach((personId, i) => requirePerson(db, personId, `attendeeIds.${i}`, { active: false }));
    const ideaIds = distinct(input.ideaIds, 'ideaIds');
    ideaIds.forEach((ideaId, i) => {
      if (!getIdeaRow(db, ideaId)) throw notFound(`ideaIds.${i}`, 'Idea');
    });
    const actions = input.actions.map((a, i) => {
      if (a.ownerId !== null) requirePerson(db, a.ownerId, `actions.${i}.ownerId`, { active: false });
      if (a.ideaId !== null && !getIdeaRow(db, a.ideaId)) throw notFound(`actions.${i}.ideaId`, 'Idea');
      return { id: uuid(), text: a.text, ownerId: a.ownerId, ideaId: a.ideaId };
    });
    const endedMs = Date.parse(at);
    const startedAt = new Date(endedMs - input.durationSeconds * 1000).toISOString();
    const id = uuid();
    insertStandup(db, {
      id,
      date: localDate(startedAt, timeZone),
      startedAt,
      endedAt: at,
      durationSeconds: input.durationSeconds,
      timeZone,
      leadId: input.leadId,
      notes: input.notes,
      attendeeIds,
      ideaIds,
      actions,
      at,
    });
    return getStandup(db, id)!;
  },

  'standup:list': ({ db }, input) => listStandups(db, input.limit ?? DEFAULT_LIST),

  'standup:get': ({ db }, { id }) => {
    const standup = getStandup(db, id);
    if (!standup) throw notFound('id', 'Stand-up');
    return standup;
  },

  'thanks:add': ({ db, at, uuid }, input) => {
    requirePerson(db, input.fromId, 'fromId', { active: false });
    requirePerson(db, input.toId, 'toId', { active: true });
    if (input.fromId === input.toId) throw invalid('toId', 'invalid_value', 'A person cannot thank themselves');
    if (input.ideaId !== null) {
      const idea = getIdeaRow(db, input.ideaId);
      if (!idea) throw notFound('ideaId', 'Idea');
      if (idea.deleted_at !== null) throw conflict('deleted', 'The idea is deleted; restore it first', 'ideaId');
    }
    const id = uuid();
    insertThanks(db, { id, fromId: input.fromId, toId: input.toId, ideaId: input.ideaId, message: input.message, at });
    if (input.ideaId !== null) {
      insertEvent(db, { id: uuid(), ideaId: input.ideaId, personId: input.fromId, type: 'thanked', fields: [input.toId], at });
    }
    return getThanks(db, id)!;
  },

  'thanks:list': ({ db }, input) => {
    const limit = input.limit ?? DEFAULT_LIST;
    if (input.ideaId === undefined) return listThanks(db, limit);
    if (!getIdeaRow(db, input.ideaId)) throw notFound('ideaId', 'Idea');
    return listThanksForIdea(db, input.ideaId, limit);
  },

  'people:page': ({ db, at }, input) => {
    const timeZone = requireTimeZone(input.timeZone);
    const person = requirePerson(db, input.id, 'id', { active: false });
    const { cards, done } = listCardsOfPerson(db, person.id, PERSON_DONE_PAGE);
    const ideas = withDays(cards, localDate(at, timeZone), timeZone);
    return {
      person,
      ideas,
      ideasTotal: done + ideas.filter((card) => card.stage !== 'afgerond').length,
      thanksGot: listThanksOfPerson(db, person.id, 'to', PERSON_THANKS),
      thanksGiven: listThanksOfPerson(db, person.id, 'from', PERSON_THANKS),
    };
  },
};
