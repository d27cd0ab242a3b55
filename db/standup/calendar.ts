/**
 * Calendar arithmetic for the stand-up in the user's IANA time zone, with Intl only (pure: no Node, no SQL).
 * A DateOnly is a local calendar day, YYYY-MM-DD; weekdays are computed on the calendar, never on UTC instants.
 */
import type { DateOnly } from '../../shared/domain';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows this IANA time zone (e.g. Europe/Amsterdam, UTC). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const DAY_MS = 86_400_000;

/** Offset per time zone and UTC day, when it is the same all day long (null on a day the clocks change). */
const dayOffsets = new Map<string, number | null>();
const DAY_OFFSETS_MAX = 50_000;

/** The local calendar day of an instant (ms since epoch or ISO text) in timeZone. */
export function localDate(instant: number | string, timeZone: string): DateOnly {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant;
  // Intl is slow (tens of microseconds a call); the offset is constant on all but two days a year, so it is
  // looked up once per UTC day and the rest is arithmetic. On a day the clocks change Intl answers every time.
  const day = Math.floor(ms / DAY_MS);
  const key = `${timeZone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const first = offsetAt(day * DAY_MS, timeZone);
    const last = offsetAt(day * DAY_MS + DAY_MS - 1000, timeZone);
    offset = first === last ? first : null;
    if (dayOffsets.size >= DAY_OFFSETS_MAX) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  if (offset !== null) {
    const t = new Date(ms + offset);
    return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  }
  const w = wallClock(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Offset of timeZone from UTC at an instant, in ms (Amsterdam in summer: +2 h). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant - (instant % 1000 + 1000) % 1000);
}

/** The instant local midnight starts `date` in timeZone (the first moment of that day, also on DST days). */
export function startOfLocalDay(date: DateOnly, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(y, m - 1, d);
  // Two rounds settle the offset. Where midnight itself does not exist (a zone that springs forward at 00:00) only
  // one of the guesses falls on `date`: the moment the clock jumped, which is then the day's first moment.
  const first = wallMidnight - offsetAt(wallMidnight, timeZone);
  const second = wallMidnight - offsetAt(first, timeZone);
  const onDate = [first, second].filter((t) => localDate(t, timeZone) === date);
  return onDate.length ? Math.min(...onDate) : second;
}

function dayNumber(date: DateOnly): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** The calendar day `days` after (or before, when negative) date. */
export function addDays(date: DateOnly, days: number): DateOnly {
  const t = new Date((dayNumber(date) + days) * 86_400_000);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Monday to Friday. */
export function isWorkingDay(date: DateOnly): boolean {
  // Day 0 of the epoch (1970-01-01) was a Thursday.
  const weekday = (((dayNumber(date) + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}

/**
 * Working days that have passed from `from` to `to`: the Monday-to-Friday days after `from` up to and including
 * `to` (0 when to is not after from). Friday → Monday is 1; Saturday → Monday is 1; Monday → Monday is 5.
 */
export function workingDaysBetween(from: DateOnly, to: DateOnly): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b <= a) return 0;
  const weeks = Math.floor((b - a) / 7);
  let count = weeks * 5;
  for (let d = a + weeks * 7 + 1; d <= b; d++) {
    const weekday = (((d + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}
