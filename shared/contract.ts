/**
 * The one table of every call the UI may make: name → input schema → result type.
 * The core validates each input against it at runtime; Electron's preload and the browser harness
 * expose exactly these names; the renderer's client is typed from it.
 */
import { z } from 'zod';
import {
  ACT_DECISIONS,
  BOARD_DONE_MAX,
  COMMENT_MAX,
  CSV_SEPARATORS,
  EXPECTATION_MET,
  LANGUAGES,
  OUTCOMES,
  QUERY_MAX,
  OPEN_STAGES,
  SETTING_LIMITS,
  STAGES,
  THEMES,
  type OpenStage,
  type Board,
  type Bootstrap,
  type Comment,
  type ExperienceValue,
  type Idea,
  type IdeaDetail,
  type Journey,
  type Person,
  type Settings,
  type Touchpoint,
} from './domain';
import type { Result } from './result';
import { CALL_NAMES, createApi, isCallName, type CallName, type Transport } from './calls';

export { CALL_NAMES, createApi, isCallName, type CallName, type Transport };

import { call, dateOnly, grade, id, kind, level, name, noNul, returns, stage, text, title } from './contract-kit';
import { exchangeCalls } from './contract-exchange';
import { insightCalls } from './contract-insight';
import { maintenanceCalls } from './contract-maintenance';
import { standupCalls } from './contract-standup';

export const schemas = {
  id,
  title,
  name,
  stage,
  kind,
} as const;

/** Fields of an idea that `ideas:update` may change (all optional, at least one). */
export const ideaPatch = z
  .strictObject({
    title,
    description: text,
    kind,
    touchpointId: id,
    ownerId: id.nullable(),
    valueIds: z.array(id).max(50),
    pyramidLevel: level.nullable(),
    problem: text,
    proposal: text,
    expectedResult: text,
    doTest: text,
    doStartDate: dateOnly.nullable(),
    checkResult: text,
    gradeBefore: grade.nullable(),
    gradeAfter: grade.nullable(),
    expectationMet: z.enum(EXPECTATION_MET).nullable(),
    actDecision: z.enum(ACT_DECISIONS).nullable(),
    actNote: text,
    lesson: text,
    checkOn: dateOnly.nullable(),
  })
  .partial();
export type IdeaPatch = z.infer<typeof ideaPatch>;

const boardFilter = z.strictObject({
  kind: kind.optional(),
  touchpointId: id.optional(),
  personId: id.optional(),
  valueId: id.optional(),
  query: z.string().max(QUERY_MAX).optional(),
});

export const contract = {
  'app:bootstrap': call(
    'Settings and all reference data (people, journeys, touchpoints, belevingswaarden), archived included.',
    z.strictObject({}),
    returns<Bootstrap>(),
  ),
  'settings:update': call(
    'Change one or more settings of this laptop; returns all settings.',
    z
      .strictObject({
        language: z.enum(LANGUAGES),
        theme: z.enum(THEMES),
        currentPersonId: id.nullable(),
        lastKind: kind,
        lastTouchpointId: id.nullable(),
        standupDoDays: z.number().int().min(SETTING_LIMITS.standupDoDays.min).max(SETTING_LIMITS.standupDoDays.max),
        standupStuckDays: z
          .number()
          .int()
          .min(SETTING_LIMITS.standupStuckDays.min)
          .max(SETTING_LIMITS.standupStuckDays.max),
        standupMinutes: z.number().int().min(SETTING_LIMITS.standupMinutes.min).max(SETTING_LIMITS.standupMinutes.max),
        wipLimits: z.strictObject(
          Object.fromEntries(
            STAGES.map((s) => [s, z.number().int().min(SETTING_LIMITS.wipLimit.min).max(SETTING_LIMITS.wipLimit.max).nullable()]),
          ) as { [S in (typeof STAGES)[number]]: z.ZodNullable<z.ZodNumber> },
        ),
        csvSeparator: z.enum(CSV_SEPARATORS),
      })
      .partial(),
    returns<Settings>(),
  ),

  'people:create': call('Add a person to the team.', z.strictObject({ name }), returns<Person>()),
  'people:update': call(
    'Rename or (un)archive a person; archived people keep their ideas.',
    z.strictObject({ id, name: name.optional(), archived: z.boolean().optional() }),
    returns<Person>(),
  ),

  'journeys:create': call('Add a customer journey (klantreis).', z.strictObject({ name }), returns<Journey>()),
  'journeys:update': call(
    'Rename or (un)archive a journey; archiving keeps its touchpoints and their ideas.',
    z.strictObject({ id, name: name.optional(), archived: z.boolean().optional() }),
    returns<Journey>(),
  ),
  'journeys:reorder': call(
    'Put all journeys in the given order.',
    z.strictObject({ ids: z.array(id).min(1).max(1000) }),
    returns<Journey[]>(),
  ),

  'touchpoints:create': call(
    'Add a touchpoint at the end of a journey.',
    z.strictObject({ journeyId: id, name }),
    returns<Touchpoint>(),
  ),
  'touchpoints:update': call(
    'Rename, move to another journey or (un)archive a touchpoint; archived touchpoints keep their ideas and history.',
    z.strictObject({ id, name: name.optional(), journeyId: id.optional(), archived: z.boolean().optional() }),
    returns<Touchpoint>(),
  ),
  'touchpoints:reorder': call(
    'Put the touchpoints of one journey in the given order.',
    z.strictObject({ journeyId: id, ids: z.array(id).min(1).max(1000) }),
    returns<Touchpoint[]>(),
  ),

  'values:create': call(
    'Add a belevingswaarde on a pyramid level.',
    z.strictObject({ name, level }),
    returns<ExperienceValue>(),
  ),
  'values:update': call(
    'Rename, change the level of, or (un)archive a belevingswaarde.',
    z.strictObject({ id, name: name.optional(), level: level.optional(), archived: z.boolean().optional() }),
    returns<ExperienceValue>(),
  ),
  'values:reorder': call(
    'Put all belevingswaarden in the given order.',
    z.strictObject({ ids: z.array(id).min(1).max(1000) }),
    returns<ExperienceValue[]>(),
  ),

  'board:get': call(
    'The cards on the board that match the filter (deleted ideas excluded), in column order, with counts per column and kind; Afgerond is paged (doneLimit, default BOARD_DONE_PAGE), and so is each open column with openLimits (default: whole); while searching every column defaults to SEARCH_PAGE. A search counts Afgerond up to SEARCH_COUNT_CAP per kind (doneCapped).',
    z.strictObject({
      filter: boardFilter,
      doneLimit: z.number().int().min(1).max(BOARD_DONE_MAX).optional(),
      openLimits: z
        .strictObject(Object.fromEntries(OPEN_STAGES.map((stage) => [stage, z.number().int().min(1).max(BOARD_DONE_MAX).optional()])) as {
          [S in OpenStage]: z.ZodOptional<z.ZodNumber>;
        })
        .optional(),
    }),
    returns<Board>(),
  ),

  'ideas:create': call(
    'Log a new idea; it lands at the top of Nieuw, authored by actorId.',
    z.strictObject({
      actorId: id,
      title,
      kind,
      touchpointId: id,
      description: text.optional(),
    }),
    returns<Idea>(),
  ),
  'ideas:get': call('One idea with its comments and history.', z.strictObject({ id }), returns<IdeaDetail>()),
  'ideas:update': call(
    'Change fields of an idea; records an edit event naming the changed fields.',
    z.strictObject({ id, actorId: id, patch: ideaPatch }),
    returns<Idea>(),
  ),
  'ideas:move': call(
    'Move an idea to a stage, directly below afterId (null: at the top). Into Afgerond needs an outcome.',
    z.strictObject({
      id,
      actorId: id,
      toStage: stage,
      afterId: id.nullable(),
      outcome: z.enum(OUTCOMES).optional(),
      lesson: text.optional(),
    }),
    returns<Idea>(),
  ),
  'ideas:cycle': call(
    'From Act: send the idea back to Plan for another PDCA cycle (cycle + 1).',
    z.strictObject({ id, actorId: id }),
    returns<Idea>(),
  ),
  'ideas:delete': call(
    'Delete an idea (kept in the database so it can be restored).',
    z.strictObject({ id, actorId: id }),
    returns<Idea>(),
  ),
  'ideas:restore': call('Undo the deletion of an idea.', z.strictObject({ id, actorId: id }), returns<Idea>()),

  'comments:add': call(
    'Add a comment to an idea.',
    z.strictObject({ ideaId: id, authorId: id, body: z.string().trim().min(1).max(COMMENT_MAX).refine(noNul, 'NUL is not allowed') }),
    returns<Comment>(),
  ),

  ...standupCalls,
  ...exchangeCalls,
  ...insightCalls,
  ...maintenanceCalls,
} as const;

export type Contract = typeof contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = Contract[K]['output'];

/** The API as the renderer sees it: one async function per call, never throwing. */
export type KaizenApi = {
  [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
};

// The name list in calls.ts and this table must name exactly the same calls.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Same<keyof Contract, CallName> = true;
void namesMatch;
