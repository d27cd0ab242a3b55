/**
 * The Inzicht period in the user's time zone (Europe/Amsterdam here): Monday weeks with ISO week numbers across
 * 2026-W53 / 2027-W01, month cuts, and the 167-hour week in which summer time starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekOf, periodOf } from '../../renderer/features/insight/period';

const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Amsterdam';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('periodOf', () => {
  it('ends with the current Monday week and cuts at local midnight, across the year boundary', () => {
    const { weeks, months } = periodOf(4, new Date('2027-01-06T12:00:00.000Z'));
    expect(iso(weeks)).toEqual([
      '2026-12-13T23:00:00.000Z',
      '2026-12-20T23:00:00.000Z',
      '2026-12-27T23:00:00.000Z',
      '2027-01-03T23:00:00.000Z',
      '2027-01-10T23:00:00.000Z',
    ]);
    expect(weeks.slice(0, -1).map(isoWeekOf)).toEqual([
      { week: 51, year: 2026 },
      { week: 52, year: 2026 },
      { week: 53, year: 2026 },
      { week: 1, year: 2027 },
    ]);
    expect(iso(months)).toEqual(['2026-12-13T23:00:00.000Z', '2026-12-31T23:00:00.000Z', '2027-01-10T23:00:00.000Z']);
  });

  it('puts Sunday 23:30 in the week that started the Monday before', () => {
    // 2027-01-03T22:30Z is Sunday 3 January, 23:30 in Amsterdam: still 2026-W53.
    const { weeks } = periodOf(1, new Date('2027-01-03T22:30:00.000Z'));
    expect(iso(weeks)).toEqual(['2026-12-27T23:00:00.000Z', '2027-01-03T23:00:00.000Z']);
    expect(isoWeekOf(weeks[0]!)).toEqual({ week: 53, year: 2026 });
  });

  it('gives the week in which summer time starts 167 hours', () => {
    const { weeks } = periodOf(2, new Date('2026-03-30T12:00:00.000Z'));
    expect(iso(weeks)).toEqual(['2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-04-05T22:00:00.000Z']);
    expect((weeks[1]!.getTime() - weeks[0]!.getTime()) / 3_600_000).toBe(167);
  });
});
