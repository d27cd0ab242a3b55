import { describe, expect, it } from 'vitest';
import {
  addDays,
  isTimeZone,
  isWorkingDay,
  localDate,
  startOfLocalDay,
  workingDaysBetween,
} from '../../db/standup/calendar';
import { digestRules, type DigestRulesInput, type IdeaFacts, type MoveFact } from '../../db/standup/digest';

const AMS = 'Europe/Amsterdam';

function idea(id: string, over: Partial<IdeaFacts> = {}): IdeaFacts {
  return {
    id,
    stage: 'plan',
    authorId: 'anna',
    ownerId: 'anna',
    outcome: null,
    checkOn: null,
    createdAt: '2026-01-01T09:00:00.000Z',
    stageEnteredAt: '2026-01-01T09:00:00.000Z',
    lastChangeAt: '2026-01-01T09:00:00.000Z',
    ...over,
  };
}

function rules(over: Partial<DigestRulesInput>) {
  return digestRules({
    now: '2026-03-02T08:30:00.000Z',
    since: '2026-02-27T08:45:00.000Z',
    timeZone: AMS,
    doDays: 5,
    stuckDays: 10,
    ideas: [],
    moves: [],
    thanks: [],
    ...over,
  });
}

describe('calendar', () => {
  it('counts working days on the calendar, skipping weekends', () => {
    // 2026-03-06 is a Friday, 03-07 Saturday, 03-08 Sunday, 03-09 Monday.
    expect(isWorkingDay('2026-03-06')).toBe(true);
    expect(isWorkingDay('2026-03-07')).toBe(false);
    expect(isWorkingDay('2026-03-08')).toBe(false);
    expect(isWorkingDay('2026-03-09')).toBe(true);
    expect(workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1); // Friday → Monday
    expect(workingDaysBetween('2026-03-07', '2026-03-09')).toBe(1); // Saturday → Monday
    expect(workingDaysBetween('2026-03-07', '2026-03-08')).toBe(0); // Saturday → Sunday
    expect(workingDaysBetween('2026-03-09', '2026-03-16')).toBe(5); // Monday → next Monday
    expect(workingDaysBetween('2026-03-09', '2026-03-09')).toBe(0);
    expect(workingDaysBetween('2026-03-10', '2026-03-09')).toBe(0); // never negative
    expect(workingDaysBetween('2025-12-29', '2026-01-05')).toBe(5); // over a year end
    expect(workingDaysBetween('2026-01-05', '2026-12-28')).toBe(255);
  });

  it('agrees with a day-by-day count over two years of start and end pairs', () => {
    const slow = (a: string, b: string) => {
      let n = 0;
      for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
      return n;
    };
    for (let i = 0; i < 60; i++) {
      const a = addDays('2026-01-01', (i * 37) % 400);
      const b = addDays(a, (i * 13) % 90);
      expect(workingDaysBetween(a, b), `${a} → ${b}`).toBe(slow(a, b));
    }
  });

  it('gives the local calendar day in the time zone, across both daylight-saving changes', () => {
    expect(localDate('2026-03-01T23:30:00.000Z', AMS)).toBe('2026-03-02'); // winter, +01:00
    expect(localDate('2026-03-01T22:59:59.000Z', AMS)).toBe('2026-03-01');
    expect(localDate('2026-06-30T22:30:00.000Z', AMS)).toBe('2026-07-01'); // summer, +02:00
    expect(localDate('2026-03-01T23:30:00.000Z', 'UTC')).toBe('2026-03-01');
    expect(localDate('2026-03-02T03:00:00.000Z', 'America/New_York')).toBe('2026-03-01');
    // Sunday 29 March 2026: 02:00 → 03:00; Sunday 25 October 2026: 03:00 → 02:00.
    expect(localDate('2026-03-29T00:59:59.000Z', AMS)).toBe('2026-03-29');
    expect(localDate('2026-10-25T22:59:59.000Z', AMS)).toBe('2026-10-25');
    expect(localDate('2026-10-25T23:00:00.000Z', AMS)).toBe('2026-10-26');
  });

  it('agrees with Intl every 97 minutes through 2026 in zones with whole- and half-hour changes', () => {
    for (const zone of [AMS, 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      const truth = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      const start = Date.parse('2026-01-01T00:00:00Z');
      for (let t = start; t < start + 365 * 86_400_000; t += 97 * 60_000 + 7_000) {
        expect(localDate(t, zone), `${zone} ${new Date(t).toISOString()}`).toBe(truth.format(t));
      }
    }
  });

  it('finds local midnight, also on the days the clocks change', () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(iso(startOfLocalDay('2026-03-02', AMS))).toBe('2026-03-01T23:00:00.000Z');
    expect(iso(startOfLocalDay('2026-03-29', AMS))).toBe('2026-03-28T23:00:00.000Z'); // a 23-hour day
    expect(iso(startOfLocalDay('2026-03-30', AMS))).toBe('2026-03-29T22:00:00.000Z');
    expect(iso(startOfLocalDay('2026-10-25', AMS))).toBe('2026-10-24T22:00:00.000Z'); // a 25-hour day
    expect(iso(startOfLocalDay('2026-10-26', AMS))).toBe('2026-10-25T23:00:00.000Z');
    expect(iso(startOfLocalDay('2026-03-02', 'UTC'))).toBe('2026-03-02T00:00:00.000Z');
    // Santiago springs forward at midnight: the day starts at 01:00 local.
    const santiago = startOfLocalDay('2026-09-06', 'America/Santiago');
    expect(localDate(santiago, 'America/Santiago')).toBe('2026-09-06');
    expect(localDate(santiago - 1, 'America/Santiago')).toBe('2026-09-05');
  });

  it('knows real time zones only', () => {
    expect(isTimeZone(AMS)).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('digest rules', () => {
  it('is empty for an empty board', () => {
    const d = rules({});
    expect(d).toEqual({
      since: '2026-02-27T08:45:00.000Z',
      until: '2026-03-02T08:30:00.000Z',
      today: '2026-03-02',
      newIdeas: [],
      moved: [],
      readyForCheck: [],
      stuck: [],
      withoutOwner: [],
      adopted: [],
      checkDue: [],
      thanks: [],
    });
  });

  it('counts what happened after a stand-up that ended yesterday at 23:59 local time, and nothing before', () => {
    // Sunday 1 March 23:59 in Amsterdam is 22:59 UTC.
    const since = '2026-03-01T22:59:00.000Z';
    const d = rules({
      since,
      ideas: [
        idea('before', { createdAt: '2026-03-01T22:58:59.999Z', authorId: 'anna' }),
        idea('at', { createdAt: since, authorId: 'bram' }),
        idea('after', { createdAt: '2026-03-01T23:00:00.000Z', authorId: 'bram' }),
      ],
      moves: [
        { ideaId: 'before', fromStage: 'nieuw', toStage: 'plan', at: '2026-03-01T22:58:00.000Z' },
        { ideaId: 'after', fromStage: 'nieuw', toStage: 'plan', at: '2026-03-02T07:00:00.000Z' },
      ],
      thanks: [
        { id: 't1', fromId: 'anna', toId: 'bram', ideaId: null, ideaTitle: null, message: 'Oud', createdAt: '2026-03-01T22:58:00.000Z', updatedAt: '2026-03-01T22:58:00.000Z' },
        { id: 't2', fromId: 'anna', toId: 'bram', ideaId: null, ideaTitle: null, message: 'Nieuw', createdAt: '2026-03-01T23:30:00+01:00', updatedAt: '2026-03-01T22:30:00.000Z' },
        { id: 't3', fromId: 'bram', toId: 'anna', ideaId: null, ideaTitle: null, message: 'Top', createdAt: '2026-03-02T08:00:00.000Z', updatedAt: '2026-03-02T08:00:00.000Z' },
      ],
    });
    expect(d.newIdeas).toEqual([{ personId: 'bram', ideaIds: ['at', 'after'], count: 2 }]);
    expect(d.moved).toEqual([{ ideaId: 'after', fromStage: 'nieuw', toStage: 'plan', at: '2026-03-02T07:00:00.000Z' }]);
    // 23:30+01:00 is 22:30 UTC: before the stand-up ended, although its text sorts after it.
    expect(d.thanks.map((t) => t.id)).toEqual(['t3']);
  });

  it('groups new ideas per person, most first', () => {
    const at = (h: number) => `2026-03-02T0${h}:00:00.000Z`;
    const d = rules({
      ideas: [
        idea('a1', { authorId: 'anna', createdAt: at(1) }),
        idea('b1', { authorId: 'bram', createdAt: at(2) }),
        idea('b2', { authorId: 'bram', createdAt: at(3) }),
      ],
    });
    expect(d.newIdeas).toEqual([
      { personId: 'bram', ideaIds: ['b1', 'b2'], count: 2 },
      { personId: 'anna', ideaIds: ['a1'], count: 1 },
    ]);
  });

  it('folds several moves of one idea into one from → to, and leaves out a round trip', () => {
    const d = rules({
      ideas: [idea('x', { stage: 'do' }), idea('y', { stage: 'plan' })],
      moves: [
        { ideaId: 'x', fromStage: 'plan', toStage: 'do', at: '2026-03-02T07:00:00.000Z' },
        { ideaId: 'x', fromStage: 'nieuw', toStage: 'plan', at: '2026-02-28T10:00:00.000Z' },
        { ideaId: 'y', fromStage: 'plan', toStage: 'do', at: '2026-02-28T10:00:00.000Z' },
        { ideaId: 'y', fromStage: 'do', toStage: 'plan', at: '2026-02-28T11:00:00.000Z' },
        { ideaId: 'gone', fromStage: 'plan', toStage: 'do', at: '2026-02-28T11:00:00.000Z' },
      ],
    });
    expect(d.moved).toEqual([{ ideaId: 'x', fromStage: 'nieuw', toStage: 'do', at: '2026-03-02T07:00:00.000Z' }]);
  });

  it('marks an idea ready for Check after more than the Do threshold in working days, weekends not counted', () => {
    // Today Monday 2 March. Entered Do on Monday 23 Feb: 5 working days (not more than 5). Friday 20 Feb: 6.
    const d = rules({
      ideas: [
        idea('five', { stage: 'do', stageEnteredAt: '2026-02-23T09:00:00.000Z', lastChangeAt: '2026-03-02T07:00:00.000Z' }),
        idea('six', { stage: 'do', stageEnteredAt: '2026-02-20T09:00:00.000Z', lastChangeAt: '2026-03-02T07:00:00.000Z' }),
        idea('plan', { stage: 'plan', stageEnteredAt: '2026-02-01T09:00:00.000Z', lastChangeAt: '2026-03-02T07:00:00.000Z' }),
      ],
    });
    expect(d.readyForCheck).toEqual([{ ideaId: 'six', workingDays: 6 }]);
    expect(rules({ doDays: 4, ideas: [idea('five', { stage: 'do', stageEnteredAt: '2026-02-23T09:00:00.000Z' })] }).readyForCheck).toEqual([
      { ideaId: 'five', workingDays: 5 },
    ]);
  });

  it('counts days on the local calendar: entering Do just after local midnight is the next day', () => {
    // 2026-02-22T23:30Z is Monday 23 Feb 00:30 in Amsterdam, but still Sunday in UTC.
    const entered = '2026-02-22T23:30:00.000Z';
    expect(rules({ ideas: [idea('x', { stage: 'do', stageEnteredAt: entered })] }).readyForCheck).toEqual([]);
    expect(rules({ timeZone: 'UTC', ideas: [idea('x', { stage: 'do', stageEnteredAt: entered })] }).readyForCheck).toEqual([
      { ideaId: 'x', workingDays: 6 },
    ]);
  });

  it('is not shifted by the daylight-saving change in March or October', () => {
    // Friday 27 March → Monday 30 March 2026 (clocks go forward on Sunday 29 March): 1 working day.
    const spring = rules({
      now: '2026-03-30T06:00:00.000Z', // 08:00 local (+02:00)
      since: '2026-03-27T09:00:00.000Z',
      doDays: 0,
      ideas: [
        idea('fri-early', { stage: 'do', stageEnteredAt: '2026-03-26T23:10:00.000Z' }), // Friday 00:10 local
        idea('sun-late', { stage: 'do', stageEnteredAt: '2026-03-29T21:59:00.000Z' }), // Sunday 23:59 local (+02:00)
        idea('mon-early', { stage: 'do', stageEnteredAt: '2026-03-29T22:01:00.000Z' }), // Monday 00:01 local
      ],
    });
    expect(spring.today).toBe('2026-03-30');
    expect(spring.readyForCheck).toEqual([
      { ideaId: 'fri-early', workingDays: 1 },
      { ideaId: 'sun-late', workingDays: 1 },
    ]);
    // Friday 23 October → Monday 26 October (clocks go back on Sunday 25 October).
    const autumn = rules({
      now: '2026-10-26T07:00:00.000Z', // 08:00 local (+01:00)
      since: '2026-10-23T09:00:00.000Z',
      doDays: 0,
      ideas: [
        idea('fri-late', { stage: 'do', stageEnteredAt: '2026-10-23T21:59:00.000Z' }), // Friday 23:59 local (+02:00)
        idea('sun-late', { stage: 'do', stageEnteredAt: '2026-10-25T22:59:00.000Z' }), // Sunday 23:59 local (+01:00)
      ],
    });
    expect(autumn.readyForCheck).toEqual([
      { ideaId: 'fri-late', workingDays: 1 },
      { ideaId: 'sun-late', workingDays: 1 },
    ]);
  });

  it('calls an open idea stuck after more than the stuck threshold without a move or edit; Afgerond never', () => {
    // Today Monday 2 March; 13 Feb (Friday) → 11 working days, 16 Feb (Monday) → 10.
    const d = rules({
      ideas: [
        idea('eleven', { lastChangeAt: '2026-02-13T12:00:00.000Z', stageEnteredAt: '2026-02-13T12:00:00.000Z' }),
        idea('ten', { lastChangeAt: '2026-02-16T12:00:00.000Z', stageEnteredAt: '2026-02-01T12:00:00.000Z' }),
        idea('done', { stage: 'afgerond', outcome: 'stopped', lastChangeAt: '2026-01-02T12:00:00.000Z' }),
      ],
    });
    expect(d.stuck).toEqual([{ ideaId: 'eleven', workingDays: 11 }]);
  });

  it('lists open ideas without an owner, standards adopted since, and check-op dates that are due', () => {
    const d = rules({
      ideas: [
        idea('free', { ownerId: null, checkOn: '2026-03-02' }),
        idea('owned', { checkOn: '2026-03-03' }),
        idea('late', { checkOn: '2026-02-20' }),
        idea('done-free', { stage: 'afgerond', outcome: 'adopted', ownerId: null, stageEnteredAt: '2026-02-28T10:00:00.000Z', checkOn: '2026-01-01' }),
        idea('old-standard', { stage: 'afgerond', outcome: 'adopted', stageEnteredAt: '2026-02-01T10:00:00.000Z' }),
        idea('stopped', { stage: 'afgerond', outcome: 'stopped', stageEnteredAt: '2026-02-28T10:00:00.000Z' }),
      ],
    });
    expect(d.withoutOwner).toEqual(['free']);
    expect(d.adopted).toEqual(['done-free']);
    expect(d.checkDue).toEqual([
      { ideaId: 'late', checkOn: '2026-02-20' },
      { ideaId: 'free', checkOn: '2026-03-02' },
    ]);
  });

  it('handles hundreds of ideas and moves', () => {
    const ideas: IdeaFacts[] = [];
    const moves: MoveFact[] = [];
    for (let i = 0; i < 600; i++) {
      const day = addDays('2026-01-05', i % 60);
      const at = `${day}T10:00:00.000Z`;
      ideas.push(
        idea(`i${i}`, {
          stage: (['nieuw', 'plan', 'do', 'check', 'act'] as const)[i % 5],
          authorId: `p${i % 7}`,
          ownerId: i % 3 === 0 ? null : `p${i % 7}`,
          createdAt: at,
          stageEnteredAt: at,
          lastChangeAt: at,
        }),
      );
      moves.push({ ideaId: `i${i}`, fromStage: 'nieuw', toStage: 'plan', at });
    }
    const d = rules({ since: '2026-02-20T00:00:00.000Z', ideas, moves });
    const newCount = ideas.filter((i) => i.createdAt >= '2026-02-20').length;
    expect(d.newIdeas.reduce((n, g) => n + g.ideaIds.length, 0)).toBe(newCount);
    expect(d.newIdeas).toHaveLength(7);
    expect(d.moved).toHaveLength(newCount);
    expect(d.withoutOwner).toHaveLength(200);
    const doIdeas = ideas.filter((i) => i.stage === 'do');
    expect(d.readyForCheck).toHaveLength(
      doIdeas.filter((i) => workingDaysBetween(localDate(i.stageEnteredAt, AMS), '2026-03-02') > 5).length,
    );
    expect(d.stuck.every((s) => s.workingDays > 10)).toBe(true);
    expect(d.stuck.length).toBeGreaterThan(300);
    // Longest first.
    expect(d.stuck[0]!.workingDays).toBeGreaterThanOrEqual(d.stuck[d.stuck.length - 1]!.workingDays);
  });
});
