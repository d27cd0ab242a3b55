/**
 * The stand-up digest rules as one pure function over plain facts (no SQL, no clock, no Node): what is new, what
 * moved, what is ready for Check, what is stuck, what has no owner, what became a standard, which check-op dates
 * are due, and the thanks, since a given instant. Days are counted on the local calendar of the user's time zone.
 */
import type { DateOnly, Outcome, Stage, Timestamp } from '../../shared/domain';
import type { DigestList, DigestMove, DigestNewIdeas, DigestDays, StandupDigest, ThanksEntry } from '../../shared/contract-standup';
import { localDate, workingDaysBetween } from './calendar';

/** What the rules need to know of one live (not deleted) idea. */
export interface IdeaFacts {
  id: string;
  stage: Stage;
  authorId: string;
  ownerId: string | null;
  outcome: Outcome | null;
  checkOn: DateOnly | null;
  createdAt: Timestamp;
  /** When it entered its current stage. */
  stageEnteredAt: Timestamp;
  /** The latest move or edit (the idea's updated_at, never before stageEnteredAt). */
  lastChangeAt: Timestamp;
}

/** A stage change from the event log ('moved' or 'cycle'). */
export interface MoveFact {
  ideaId: string;
  fromStage: Stage | null;
  toStage: Stage | null;
  at: Timestamp;
}

export interface DigestRulesInput {
  /** The moment the digest is made. */
  now: Timestamp;
  /** Everything at or after this instant is "since last time". */
  since: Timestamp;
  timeZone: string;
  doDays: number;
  stuckDays: number;
  ideas: readonly IdeaFacts[];
  /** Moves of any age; only those since `since` count. */
  moves: readonly MoveFact[];
  /** Thanks of any age; only those since `since` count. */
  thanks: readonly ThanksEntry[];
}

export type DigestRulesOutput = Omit<StandupDigest, 'sinceStandupId' | 'cards' | 'timeZone' | 'counts' | 'walk' | 'walkTotals'>;
export type CappedDigest = DigestRulesOutput & Pick<StandupDigest, 'counts'>;

/** Instants are compared as moments (so '…Z' and '…+01:00' texts agree), each text parsed once. */
const parsed = new Map<Timestamp, number>();
function ms(at: Timestamp): number {
  let value = parsed.get(at);
  if (value === undefined) {
    value = Date.parse(at);
    if (parsed.size > 100_000) parsed.clear();
    parsed.set(at, value);
  }
  return value;
}
const byTime = (a: Timestamp, b: Timestamp) => ms(a) - ms(b);
const atOrAfter = (a: Timestamp, b: Timestamp) => ms(a) >= ms(b);

export function digestRules(input: DigestRulesInput): DigestRulesOutput {
  const { since, timeZone } = input;
  const today = localDate(input.now, timeZone);
  const daysSince = (at: Timestamp) => workingDaysBetween(localDate(at, timeZone), today);
  const live = new Set(input.ideas.map((i) => i.id));

  const perPerson = new Map<string, string[]>();
  for (const idea of [...input.ideas].sort((a, b) => byTime(a.createdAt, b.createdAt))) {
    if (!atOrAfter(idea.createdAt, since)) continue;
    const list = perPerson.get(idea.authorId) ?? [];
    list.push(idea.id);
    perPerson.set(idea.authorId, list);
  }
  const newIdeas: DigestNewIdeas[] = [...perPerson]
    .map(([personId, ideaIds]) => ({ personId, ideaIds, count: ideaIds.length }))
    .sort((a, b) => b.ideaIds.length - a.ideaIds.length || a.personId.localeCompare(b.personId));

  // One entry per idea: where it came from at its first move since last time, where it went at its last.
  const movedById = new Map<string, DigestMove>();
  for (const move of [...input.moves].sort((a, b) => byTime(a.at, b.at))) {
    if (!live.has(move.ideaId) || !atOrAfter(move.at, since) || move.toStage === null) continue;
    const seen = movedById.get(move.ideaId);
    movedById.set(move.ideaId, { ideaId: move.ideaId, fromStage: seen ? seen.fromStage : move.fromStage, toStage: move.toStage, at: move.at });
  }
  const moved = [...movedById.values()].filter((m) => m.fromStage !== m.toStage).sort((a, b) => byTime(b.at, a.at));

  const open = input.ideas.filter((i) => i.stage !== 'afgerond');
  const longest = (a: DigestDays, b: DigestDays) => b.workingDays - a.workingDays || a.ideaId.localeCompare(b.ideaId);

  const readyForCheck: DigestDays[] = open
    .filter((i) => i.stage === 'do')
    .map((i) => ({ ideaId: i.id, workingDays: daysSince(i.stageEnteredAt) }))
    .filter((d) => d.workingDays > input.doDays)
    .sort(longest);

  const stuck: DigestDays[] = open
    .map((i) => ({ ideaId: i.id, workingDays: daysSince(i.lastChangeAt) }))
    .filter((d) => d.workingDays > input.stuckDays)
    .sort(longest);

  const withoutOwner = open.filter((i) => i.ownerId === null).map((i) => i.id);

  const adopted = input.ideas
    .filter((i) => i.stage === 'afgerond' && i.outcome === 'adopted' && atOrAfter(i.stageEnteredAt, since))
    .sort((a, b) => byTime(b.stageEnteredAt, a.stageEnteredAt))
    .map((i) => i.id);

  const checkDue = open
    .filter((i) => i.checkOn !== null && i.checkOn <= today)
    .sort((a, b) => a.checkOn!.localeCompare(b.checkOn!) || a.id.localeCompare(b.id))
    .map((i) => ({ ideaId: i.id, checkOn: i.checkOn! }));

  const thanks = input.thanks.filter((t) => atOrAfter(t.createdAt, since)).sort((a, b) => byTime(b.createdAt, a.createdAt));

  return { since, until: input.now, today, newIdeas, moved, readyForCheck, stuck, withoutOwner, adopted, checkDue, thanks };
}

/** The rules' full lists cut to their first `cap` entries, with how many each had: what 'standup:digest' returns. */
export function capDigest(full: DigestRulesOutput, cap: number): CappedDigest {
  const counts: Record<DigestList, number> = {
    newIdeas: full.newIdeas.reduce((n, g) => n + g.count, 0),
    moved: full.moved.length,
    readyForCheck: full.readyForCheck.length,
    stuck: full.stuck.length,
    withoutOwner: full.withoutOwner.length,
    adopted: full.adopted.length,
    checkDue: full.checkDue.length,
  };
  return {
    ...full,
    newIdeas: full.newIdeas.map((g) => ({ ...g, ideaIds: g.ideaIds.slice(0, cap) })),
    moved: full.moved.slice(0, cap),
    readyForCheck: full.readyForCheck.slice(0, cap),
    stuck: full.stuck.slice(0, cap),
    withoutOwner: full.withoutOwner.slice(0, cap),
    adopted: full.adopted.slice(0, cap),
    checkDue: full.checkDue.slice(0, cap),
    counts,
  };
}
