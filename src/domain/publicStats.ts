// The public statistics (Perpres 76/2013 periodic reporting): the internal report's figures per month and for the
// year, without personal data or complaint text, with small counts suppressed so no one can be singled out.
import type { WorkingCalendar } from './calendar';
import type { Complaint } from './complaint';
import { ratingStats, type Rating } from './rating';
import { buildReport, monthPeriod, monthsOf, type MonthKey, type ReportPeriod } from './report';
import { compareDayKeys, type DayKey } from './time';

/** Counts from 1 to SMALL_COUNT - 1 are shown as "<3"; 0 is shown (it singles no one out). */
export const SMALL_COUNT = 3;

/** A published figure: a number, or suppressed (a small count, or hidden so a small count cannot be worked out). */
export type Cell = { value: number; suppressed: boolean };

export interface PublicColumn {
  /** 'YYYY-MM' for a month, 'YYYY' for the year. */
  key: string;
  received: Cell;
  byChannel: Cell[];
  byUnit: Cell[];
  settled: Cell;
  onTime: Cell;
  late: Cell;
  /** Median working days of the complaints settled; null when fewer than SMALL_COUNT were settled. */
  medianWorkingDays: number | null;
  ratings: Cell;
  /** Mean score (1-5) of the ratings given; null when fewer than SMALL_COUNT were given. */
  ratingAverage: number | null;
}

export interface PublicStats {
  year: number;
  /** The last day counted (today while the year is not over). */
  asOf: DayKey;
  channels: string[];
  units: string[];
  months: PublicColumn[];
  total: PublicColumn;
}

interface RawColumn {
  key: string;
  received: number;
  byChannel: number[];
  byUnit: number[];
  settled: number;
  onTime: number;
  late: number;
  median: number | null;
  ratings: number;
  ratingAverage: number | null;
}

/** The label of complaints not yet disposed to a unit (the report's '' unit). */
export const NO_UNIT = '';

function column(
  key: string,
  period: ReportPeriod,
  complaints: readonly Complaint[],
  ratings: readonly Rating[],
  today: DayKey,
  cal: WorkingCalendar,
  units: readonly string[],
): { raw: RawColumn; channels: string[]; unitNames: string[] } {
  // The same function, period and unit order as the monthly recap: the figures cannot drift from the report's.
  const r = buildReport(complaints, period, today, cal, units);
  const rs = ratingStats(ratings, period);
  return {
    raw: {
      key,
      received: r.received,
      byChannel: r.byChannel.map((c) => c.count),
      byUnit: r.byUnit.map((u) => u.received),
      settled: r.settled,
      onTime: r.settledOnTime,
      late: r.settled - r.settledOnTime,
      median: r.medianWorkingDays,
      ratings: rs.count,
      ratingAverage: rs.average,
    },
    channels: r.byChannel.map((c) => c.key),
    unitNames: r.byUnit.map((u) => u.unit),
  };
}

type CellId = string;
interface Group {
  total: CellId;
  members: CellId[];
}

/**
 * Primary suppression: every count from 1 to SMALL_COUNT - 1. Complementary suppression: wherever a total is published
 * with its parts (a month's channels or units add up to its received count; on time + late = settled; the months add
 * up to the year), a group with exactly one suppressed part gets its smallest other non-zero part suppressed too, so
 * no suppressed count can be recovered by subtraction. Repeated until nothing changes.
 */
export function suppress(values: ReadonlyMap<CellId, number>, groups: readonly Group[]): Set<CellId> {
  const hidden = new Set<CellId>();
  for (const [id, v] of values) if (v > 0 && v < SMALL_COUNT) hidden.add(id);
  for (let changed = true; changed;) {
    changed = false;
    for (const g of groups) {
      if (hidden.has(g.total)) continue;
      const parts = g.members.filter((m) => hidden.has(m));
      if (parts.length !== 1) continue;
      const candidates = g.members
        .filter((m) => !hidden.has(m) && (values.get(m) ?? 0) > 0)
        .sort((a, b) => (values.get(a) ?? 0) - (values.get(b) ?? 0) || (a < b ? -1 : 1));
      // No other non-zero part: the suppressed one equals the total less zeros, so the total must go instead.
      hidden.add(candidates[0] ?? g.total);
      changed = true;
    }
  }
  return hidden;
}

/** The public statistics of `year`: every month from January to the month of `asOf`, and the year so far. */
export function publicStatistics(
  complaints: readonly Complaint[],
  ratings: readonly Rating[],
  year: number,
  today: DayKey,
  cal: WorkingCalendar,
  units: readonly string[],
): PublicStats {
  const yearEnd = `${year}-12-31`;
  const asOf = compareDayKeys(today, yearEnd) < 0 ? today : yearEnd;
  const yearPeriod: ReportPeriod = { from: `${year}-01-01`, to: asOf };
  const months: MonthKey[] = compareDayKeys(asOf, yearPeriod.from) < 0 ? [] : monthsOf(yearPeriod);
  const total = column(String(year), yearPeriod, complaints, ratings, today, cal, units);
  // Every column lists the year's channels and units, in the year's order.
  const channels = total.channels;
  const unitNames = total.unitNames;
  const cols = months.map((m) => {
    // A month not over yet is counted up to asOf, like the year.
    const full = monthPeriod(m);
    const period = compareDayKeys(full.to, asOf) <= 0 ? full : { from: full.from, to: asOf };
    const c = column(m, period, complaints, ratings, today, cal, units);
    const pick = (names: string[], own: string[], counts: number[]) =>
      names.map((n) => {
        const i = own.indexOf(n);
        return i < 0 ? 0 : counts[i];
      });
    return {
      ...c.raw,
      byChannel: pick(channels, c.channels, c.raw.byChannel),
      byUnit: pick(unitNames, c.unitNames, c.raw.byUnit),
    };
  });
  const all = [...cols, total.raw];

  const values = new Map<CellId, number>();
  const groups: Group[] = [];
  const id = (col: string, what: string) => `${col}|${what}`;
  for (const c of all) {
    values.set(id(c.key, 'received'), c.received);
    values.set(id(c.key, 'settled'), c.settled);
    values.set(id(c.key, 'onTime'), c.onTime);
    values.set(id(c.key, 'late'), c.late);
    values.set(id(c.key, 'ratings'), c.ratings);
    c.byChannel.forEach((v, i) => values.set(id(c.key, `channel:${i}`), v));
    c.byUnit.forEach((v, i) => values.set(id(c.key, `unit:${i}`), v));
    groups.push({
      total: id(c.key, 'received'),
      members: channels.map((_, i) => id(c.key, `channel:${i}`)),
    });
    groups.push({ total: id(c.key, 'received'), members: unitNames.map((_, i) => id(c.key, `unit:${i}`)) });
    groups.push({ total: id(c.key, 'settled'), members: [id(c.key, 'onTime'), id(c.key, 'late')] });
  }
  // Across the months: each row's months add up to its year figure.
  const rows = ['received', 'settled', 'onTime', 'late', 'ratings', ...channels.map((_, i) => `channel:${i}`)].concat(
    unitNames.map((_, i) => `unit:${i}`),
  );
  if (cols.length > 1) {
    for (const row of rows) groups.push({ total: id(String(year), row), members: cols.map((c) => id(c.key, row)) });
  }
  const hidden = suppress(values, groups);
  const cell = (col: string, what: string): Cell => ({
    value: values.get(id(col, what)) ?? 0,
    suppressed: hidden.has(id(col, what)),
  });
  const publish = (c: RawColumn): PublicColumn => ({
    key: c.key,
    received: cell(c.key, 'received'),
    byChannel: channels.map((_, i) => cell(c.key, `channel:${i}`)),
    byUnit: unitNames.map((_, i) => cell(c.key, `unit:${i}`)),
    settled: cell(c.key, 'settled'),
    onTime: cell(c.key, 'onTime'),
    late: cell(c.key, 'late'),
    medianWorkingDays: c.settled >= SMALL_COUNT ? c.median : null,
    ratings: cell(c.key, 'ratings'),
    ratingAverage: c.ratings >= SMALL_COUNT ? c.ratingAverage : null,
  });
  return {
    year,
    asOf,
    channels,
    units: unitNames,
    months: cols.map(publish),
    total: publish(total.raw),
  };
}
