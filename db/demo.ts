/**
 * A realistic demo board for newcomers (`npm run harness -- --demo`): a handful of people and a few dozen
 * ideas spread over every stage, kind, touchpoint and the last six weeks, with PDCA fields, comments and a
 * back-dated history. Deterministic for a given seed and clock.
 *
 * The same generator fills large boards for the benchmarks (`npm run bench`, `--demo 100000`): a team logs
 * about IDEAS_PER_DAY ideas a day, so a large count reaches back years; ideas older than six weeks are almost
 * all finished (Afgerond), as on a real board. Rows are written with prepared statements in one transaction.
 */
import type Database from 'better-sqlite3';
import { STAGES, type Stage } from '../shared/domain';
import { renumbered } from '../shared/ordering';
import { DEMO_COMMENTS, DEMO_IDEAS, DEMO_PEOPLE, type DemoIdea } from './demo-content';
import { countIdeas, insertComment, insertEvent, placeIdea } from './queries/ideas';
import { insertPerson, listPeople, listTouchpoints, listValues } from './queries/reference';
import { writeSetting } from './queries/settings';
import { nameKey, stmt } from './queries/statements';
import { ensureStarterSet, STARTER_TOUCHPOINTS } from './starter';

type Db = Database.Database;

export interface DemoOptions {
  /** Same seed and clock, same board. Default 1. */
  seed?: number;
  /** Number of ideas. Default 40. */
  count?: number;
  /** "Now" for the demo's timeline. Default: the current time. */
  now?: Date;
  /**
   * Put this many ideas in Nieuw … Act, spread evenly (a number) or per column (e.g. { plan: 1000 }), and the
   * rest in Afgerond, instead of the realistic mix; for benchmarks that need long open columns.
   */
  open?: number | Partial<Record<Exclude<Stage, 'afgerond'>, number>>;
}

export interface DemoResult {
  /** False when the database already had ideas and nothing was written. */
  seeded: boolean;
  people: number;
  ideas: number;
  comments: number;
  events: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WINDOW_DAYS = 42;
/** A busy department: the pace that turns a count into a timeline. */
const IDEAS_PER_DAY = 40;
/** Share of ideas older than the six-week window that were forgotten in an open column. */
const STUCK_SHARE = 0.01;

/** mulberry32: small, fast and good enough to vary demo data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Random {
  next: () => number;
  int: (max: number) => number;
  pick: <T>(list: readonly T[]) => T;
  shuffle: <T>(list: readonly T[]) => T[];
  uuid: () => string;
}

function random(seed: number): Random {
  const next = prng(seed);
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    int,
    pick: (list) => list[int(list.length)]!,
    shuffle: (list) => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => int(16).toString(16));
      hex[12] = '4';
      hex[16] = (8 + int(4)).toString(16);
      const s = hex.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}

/** How many ideas end up in each column, before shuffling: every stage at least once. */
const STAGE_WEIGHTS: Record<Stage, number> = { nieuw: 0.22, plan: 0.15, do: 0.15, check: 0.13, act: 0.12, afgerond: 0.23 };

function stageMix(count: number, rnd: Random): Stage[] {
  const stages: Stage[] = count >= STAGES.length ? [...STAGES] : [];
  while (stages.length < count) {
    let r = rnd.next();
    let chosen: Stage = 'afgerond';
    for (const s of STAGES) {
      r -= STAGE_WEIGHTS[s];
      if (r < 0) {
        chosen = s;
        break;
      }
    }
    stages.push(chosen);
  }
  return rnd.shuffle(stages);
}

/** Keep demo activity in office hours (07:00–16:00 UTC) without leaving the day or passing `now`. */
function officeHours(t: number, now: number): number {
  const d = new Date(t);
  const hour = d.getUTCHours();
  if (hour >= 7 && hour < 16) return t;
  d.setUTCHours(7 + (hour % 9));
  return d.getTime() <= now ? d.getTime() : t;
}

const iso = (t: number) => new Date(t).toISOString();
const dateOnly = (t: number) => iso(t).slice(0, 10);

interface PlannedEvent {
  at: number;
  type: 'created' | 'moved' | 'edited' | 'cycle' | 'commented';
  personId: string;
  from?: Stage;
  to?: Stage;
  fields?: string[];
  comment?: string;
}

/** Fields a team fills in when an idea reaches a stage. */
const FIELDS_ON_ENTRY: Partial<Record<Stage, string[]>> = {
  plan: ['ownerId', 'problem', 'proposal', 'expectedResult', 'valueIds', 'pyramidLevel'],
  do: ['doTest', 'doStartDate'],
  check: ['checkResult', 'gradeBefore', 'gradeAfter', 'expectationMet'],
  act: ['actDecision', 'actNote'],
};

/** Every column of an idea, in the order of INSERT_IDEA. */
const INSERT_IDEA = `INSERT INTO ideas (id, title, description, kind, stage, position, touchpoint_id, author_id, owner_id,
    pyramid_level, problem, proposal, expected_result, do_test, do_start_date, check_result, grade_before, grade_after,
    expectation_met, act_decision, act_note, cycle, stage_entered_at, outcome, lesson, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_VALUE = 'INSERT INTO idea_values (idea_id, value_id, created_at, updated_at) VALUES (?, ?, ?, ?)';

/** Which stages the ideas end in: `recent` ideas get the board's mix, older ones are nearly all finished. */
function planStages(count: number, recent: number, open: DemoOptions['open'], rnd: Random): Stage[] {
  if (open !== undefined) {
    const openStages = STAGES.slice(0, 5) as Exclude<Stage, 'afgerond'>[];
    const list: Stage[] = [];
    if (typeof open === 'number') {
      const n = Math.min(count, Math.max(0, Math.floor(open)));
      for (let i = 0; i < n; i++) list.push(openStages[i % openStages.length]!);
    } else {
      for (const stage of openStages) for (let i = 0; i < Math.floor(open[stage] ?? 0) && list.length < count; i++) list.push(stage);
    }
    while (list.length < count) list.push('afgerond');
    return rnd.shuffle(list);
  }
  const stages = stageMix(recent, rnd);
  for (let i = recent; i < count; i++) stages.push(rnd.next() < STUCK_SHARE ? STAGES[rnd.int(5)]! : 'afgerond');
  return stages;
}

/** Fill an empty board with demo data. Accepts the core or its database; does nothing when ideas exist. */
export function seedDemo(target: Db | { db: Db }, options: DemoOptions = {}): DemoResult {
  const db: Db = 'prepare' in target ? target : target.db;
  const seed = options.seed ?? 1;
  const count = Math.max(0, Math.floor(options.count ?? 40));
  const now = (options.now ?? new Date()).getTime();
  const rnd = random(seed);
  const result: DemoResult = { seeded: false, people: 0, ideas: 0, comments: 0, events: 0 };
  // Ideas of the last six weeks; the rest reach back as far as the pace needs.
  const recent = Math.min(count, IDEAS_PER_DAY * WINDOW_DAYS);
  const spanDays = Math.max(WINDOW_DAYS, count / IDEAS_PER_DAY);

  const fill = db.transaction(() => {
    if (countIdeas(db) > 0) return;
    ensureStarterSet(db, iso(now - (spanDays + 3) * DAY), rnd.uuid);
    result.seeded = true;

    const touchpoints = listTouchpoints(db).filter((t) => !t.archived);
    if (touchpoints.length === 0) throw new Error('The demo needs at least one active touchpoint');
    const touchpointFor = (index: number) => {
      const byName = touchpoints.find((t) => t.name === STARTER_TOUCHPOINTS[index]);
      return byName ?? touchpoints[index % touchpoints.length]!;
    };
    const values = listValues(db).filter((v) => !v.archived);
    const valueIdCache = new Map<DemoIdea, string[]>();
    const valueIdsFor = (idea: DemoIdea) => {
      const cached = valueIdCache.get(idea);
      if (cached) return cached;
      const named = idea.values.map((n) => values.find((v) => v.name === n)).filter((v) => v !== undefined);
      const sameLevel = values.filter((v) => v.level === idea.level);
      const ids = named.length ? named.map((v) => v.id) : sameLevel.length ? [sameLevel[0]!.id] : [];
      valueIdCache.set(idea, ids);
      return ids;
    };

    // People: reuse anyone who already has a demo name.
    const existing = listPeople(db);
    const people = DEMO_PEOPLE.map((name) => {
      const found = existing.find((p) => nameKey(p.name) === nameKey(name));
      if (found) return found.id;
      const id = rnd.uuid();
      insertPerson(db, { id, name, at: iso(now - (spanDays + 3) * DAY) });
      result.people++;
      return id;
    });
    const othersThan = new Map(people.map((p) => [p, people.filter((q) => q !== p)]));

    const stages = planStages(count, recent, options.open, rnd);
    const order = rnd.shuffle(DEMO_IDEAS.map((_, i) => i));
    // A few ideas that only partly met their expectation go round a second time (two on the small demo).
    const secondCycle = new Set<number>();
    const cycles2 = Math.max(2, Math.floor(count * 0.02));
    for (let i = 0; i < count && secondCycle.size < cycles2; i++) {
      const template = DEMO_IDEAS[order[i % order.length]!]!;
      if (STAGES.indexOf(stages[i]!) >= 2 && template.met === 'deels') secondCycle.add(i);
    }

    const insertIdeaRow = stmt(db, INSERT_IDEA);
    const insertValue = stmt(db, INSERT_VALUE);
    const built: { id: string; stage: Stage; enteredAt: number }[] = [];
    for (let i = 0; i < count; i++) {
      const template = DEMO_IDEAS[order[i % order.length]!]!;
      const round = Math.floor(i / DEMO_IDEAS.length);
      const touchpoint = touchpointFor((template.touchpoint + round) % STARTER_TOUCHPOINTS.length);
      const title = (round === 0 ? template.title : `${template.title} (${touchpoint.name})`).slice(0, 200);
      const stage = stages[i]!;
      const reached = STAGES.indexOf(stage);
      const cycles = secondCycle.has(i) ? 2 : 1;

      // The stages the idea passed through, in order, with the "Nog een cyclus" step where it applies.
      const path: { to: Stage; cycle?: boolean }[] = [];
      if (cycles === 2) {
        for (const s of STAGES.slice(1, 5)) path.push({ to: s });
        path.push({ to: 'plan', cycle: true });
        for (const s of STAGES.slice(2, reached + 1)) path.push({ to: s });
      } else {
        for (const s of STAGES.slice(1, reached + 1)) path.push({ to: s });
      }

      const author = rnd.pick(people);
      const owner = reached >= 1 ? (rnd.next() < 0.5 ? author : rnd.pick(people)) : null;
      let created: number;
      let end: number;
      if (i < recent) {
        // Most ideas moved recently; about a quarter have sat still for a week or two, as on a real board.
        const idleDays = rnd.next() < 0.25 ? 5 + rnd.next() * 9 : 0.1 + rnd.next() * 1.5;
        const createdDaysAgo = Math.min(
          WINDOW_DAYS - 0.5,
          idleDays + 0.3 + path.length * (1.5 + rnd.next() * 2.5) + rnd.next() * 6,
        );
        created = officeHours(now - createdDaysAgo * DAY, now);
        end = Math.max(created + path.length * HOUR, now - idleDays * DAY);
      } else {
        // Older ideas: logged any day of the span, through their stages within a few weeks.
        const createdDaysAgo = WINDOW_DAYS + rnd.next() * (spanDays - WINDOW_DAYS);
        created = officeHours(now - createdDaysAgo * DAY, now);
        end = Math.min(now - DAY, created + (path.length * (1.5 + rnd.next() * 2.5) + 0.2) * DAY);
      }
      const times = path
        .map((_, k) => created + ((end - created) * (k + 1 - 0.3 * rnd.next())) / (path.length + 0.2))
        .map((t) => officeHours(t, now))
        .sort((a, b) => a - b);
      // Office hours may pull a step back before the previous one on the same day: keep the steps in order.
      times.forEach((t, k) => {
        times[k] = Math.min(now, Math.max(t, (k === 0 ? created : times[k - 1]!) + 10 * 60_000));
      });

      const events: PlannedEvent[] = [{ at: created, type: 'created', personId: author, to: 'nieuw' }];
      let from: Stage = 'nieuw';
      path.forEach((step, k) => {
        const at = times[k]!;
        const mover = owner ?? author;
        events.push({ at, type: step.cycle ? 'cycle' : 'moved', personId: mover, from, to: step.to });
        const fields = step.cycle ? ['proposal', 'expectedResult'] : FIELDS_ON_ENTRY[step.to];
        if (fields) {
          const nextAt = times[k + 1] ?? Math.min(now, at + DAY);
          events.push({ at: at + (nextAt - at) * 0.4, type: 'edited', personId: mover, fields });
        }
        from = step.to;
      });

      const lastChange = events[events.length - 1]!.at;
      const commentCount = reached >= 1 ? rnd.int(3) : rnd.next() < 0.2 ? 1 : 0;
      for (let c = 0; c < commentCount; c++) {
        const at = created + (Math.min(now, lastChange + DAY) - created) * (0.15 + 0.85 * rnd.next());
        const others = othersThan.get(author)!;
        events.push({ at, type: 'commented', personId: rnd.pick(others.length ? others : people), comment: rnd.pick(DEMO_COMMENTS) });
      }
      events.sort((a, b) => a.at - b.at);

      const id = rnd.uuid();
      let enteredAt = created;
      let doEntered: number | null = null;
      let updatedAt = created;
      for (const e of events) {
        if (e.type === 'moved' || e.type === 'cycle') {
          enteredAt = e.at;
          if (e.to === 'do') doEntered = e.at;
        }
        if (e.type !== 'commented') updatedAt = Math.max(updatedAt, e.at);
      }
      const decided = reached >= 4;
      const finalDecision = template.ending === 'adopted' ? 'standaard' : 'stoppen';
      // PDCA fields are filled as far as the idea has ever come.
      const ever = cycles === 2 ? Math.max(reached, 4) : reached;
      insertIdeaRow.run(
        id,
        title,
        template.description,
        template.kind,
        stage,
        0,
        touchpoint.id,
        author,
        owner,
        ever >= 1 ? template.level : null,
        ever >= 1 ? template.problem : '',
        ever >= 1 ? template.proposal : '',
        ever >= 1 ? template.expected : '',
        ever >= 2 ? template.doTest : '',
        ever >= 2 && doEntered !== null ? dateOnly(doEntered) : null,
        ever >= 3 ? template.check : '',
        ever >= 3 ? template.before : null,
        ever >= 3 ? template.after : null,
        ever >= 3 ? template.met : null,
        ever >= 4 ? (decided ? finalDecision : 'cyclus') : null,
        ever >= 4 ? (decided ? template.actNote : 'We scherpen het voorstel aan en testen het nog een keer.') : '',
        cycles,
        iso(enteredAt),
        stage === 'afgerond' ? template.ending : null,
        stage === 'afgerond' ? template.lesson : '',
        iso(created),
        iso(updatedAt),
      );
      const planEdit = events.find((e) => e.type === 'edited' && e.fields?.includes('valueIds'));
      const valueIds = planEdit ? valueIdsFor(template) : rnd.next() < 0.4 ? valueIdsFor(template).slice(0, 1) : [];
      const valuesAt = iso(planEdit ? planEdit.at : created);
      for (const valueId of valueIds) insertValue.run(id, valueId, valuesAt, valuesAt);

      for (const e of events) {
        const at = iso(e.at);
        if (e.type === 'commented') {
          insertComment(db, { id: rnd.uuid(), ideaId: id, authorId: e.personId, body: e.comment!, at });
          result.comments++;
        }
        insertEvent(db, {
          id: rnd.uuid(),
          ideaId: id,
          personId: e.personId,
          type: e.type,
          fromStage: e.from ?? null,
          toStage: e.to ?? null,
          fields: e.fields ?? [],
          at,
        });
        result.events++;
      }
      built.push({ id, stage, enteredAt });
      result.ideas++;
    }

    // Within a column, the idea that arrived last sits on top.
    for (const stage of STAGES) {
      const column = built.filter((b) => b.stage === stage).sort((a, b) => b.enteredAt - a.enteredAt);
      const positions = renumbered(column.length);
      column.forEach((b, i) => placeIdea(db, b.id, positions[i]!));
    }

    if (people.length) writeSetting(db, 'currentPersonId', people[0]!, iso(now));
  });

  // A bigger page cache while writing: random UUID keys touch index pages all over the file.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  if (count > 1000) db.pragma('cache_size = -131072');
  try {
    fill();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  return result;
}
