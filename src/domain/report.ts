// Report statistics (Perpres 76/2013 periodic reporting): counts, timeliness and open cases, computed from register rows.
import type { WorkingCalendar } from './calendar';
import { CHANNELS, PRIVACY_LEVELS, STATUSES, isClosed, type Complaint } from './complaint';
import type { Category } from './category';
import { countByChannelAndCategory } from './grouping';
import { linkText } from './links';
import { effectiveReceiptDay, isOnTime, workingDaysTaken } from './deadline';
import { sameUnit } from './roles';
import { addDays, compareDayKeys, dayKeyOf, dayKeyParts, daysInMonth, type DayKey } from './time';

/** Inclusive range of WITA days. */
export interface ReportPeriod {
  from: DayKey;
  to: DayKey;
}

/** 'YYYY-MM' */
export type MonthKey = string;

export interface MonthRow {
  month: MonthKey;
  received: number;
  settled: number;
  settledOnTime: number;
  forwarded: number;
}

export interface CountRow<K extends string = string> {
  key: K;
  count: number;
}

export interface UnitRow {
  /** '' = not yet disposed to a unit. */
  unit: string;
  received: number;
  settled: number;
  settledOnTime: number;
  openAtEnd: number;
}

export interface AgeBucket {
  /** Working days since day 0 of the count, inclusive bounds; max null = no upper bound. */
  min: number;
  max: number | null;
  count: number;
}

export interface LinkedRow {
  regNumber: string;
  /** e.g. "Duplikat dari DUMAS-2026-0003; Terkait dengan DUMAS-2026-0010" */
  links: string;
}

export interface OverdueRow {
  regNumber: string;
  unit: string;
  deadline: DayKey;
  workingDaysLate: number;
}

export interface ReportStats {
  period: ReportPeriod;
  /** The day open cases are counted on: the period's last day, or today if the period is not over. */
  asOf: DayKey;
  /** Received in the period. */
  received: number;
  /** Settled (status Selesai) with the closing day in the period, whenever received. */
  settled: number;
  settledOnTime: number;
  /** settledOnTime / settled, null when nothing was settled. */
  onTimeShare: number | null;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
  /** Received by asOf and not closed by asOf. */
  openAtEnd: number;
  overdueAtEnd: number;
  byMonth: MonthRow[];
  byChannel: CountRow<string>[];
  byStatus: CountRow<string>[];
  byPrivacy: CountRow<string>[];
  /** Received in the period by category: the sheet's order, retired ones, then '' (no category). */
  byCategory: CountRow<string>[];
  byUnit: UnitRow[];
  /** Received in the period and linked to another complaint (duplikat dari, duplikatnya, terkait dengan). */
  linked: LinkedRow[];
  openByAge: AgeBucket[];
  /** Special cases (1-month deadline) among the complaints received in the period. */
  special: { total: number; open: number; settled: number; settledOnTime: number };
  /** Forwarded to another agency (not its authority), by the day they were forwarded. */
  forwarded: { total: number; byAgency: CountRow[] };
  overdueList: OverdueRow[];
}

/** Age buckets of open cases, in working days since day 0. */
export const AGE_BUCKETS: readonly Omit<AgeBucket, 'count'>[] = [
  { min: 0, max: 5 },
  { min: 6, max: 10 },
  { min: 11, max: 20 },
  { min: 21, max: null },
];

/** Plain code-point order: the same on every host (localeCompare is not). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function inPeriod(day: DayKey, p: ReportPeriod): boolean {
  return compareDayKeys(day, p.from) >= 0 && compareDayKeys(day, p.to) <= 0;
}

export function monthOf(day: DayKey): MonthKey {
  return day.slice(0, 7);
}

export function monthPeriod(month: MonthKey): ReportPeriod {
  const { year, month: m } = dayKeyParts(`${month}-01`);
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}` };
}

/** The calendar month before the one `day` falls in. */
export function previousMonth(day: DayKey): MonthKey {
  return monthOf(addDays(`${monthOf(day)}-01`, -1));
}

/** The twelve months up to `today`: from the 1st of the month eleven months back, to today. */
export function rollingYear(today: DayKey): ReportPeriod {
  let first = `${monthOf(today)}-01`;
  for (let i = 0; i < 11; i++) first = `${previousMonth(first)}-01`;
  return { from: first, to: today };
}

export function monthsOf(p: ReportPeriod): MonthKey[] {
  const out: MonthKey[] = [];
  for (let m = monthOf(p.from); compareDayKeys(`${m}-01`, p.to) <= 0; m = monthOf(addDays(monthPeriod(m).to, 1)))
    out.push(m);
  return out;
}

export function isFirstWorkingDayOfMonth(day: DayKey, cal: WorkingCalendar): boolean {
  return cal.workingDayOnOrAfter(`${monthOf(day)}-01`) === day;
}

/** Median: the middle value, or the mean of the two middle values; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0–100): the smallest value with at least p% of values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1];
}

function countInto<K extends string>(known: readonly K[], values: readonly string[]): CountRow<K | string>[] {
  const rows: CountRow<K | string>[] = known.map((key) => ({ key, count: 0 }));
  for (const v of values) {
    const row = rows.find((r) => r.key === v);
    if (row) row.count += 1;
    else rows.push({ key: v, count: 1 }); // a value typed by hand is still counted, under its own name
  }
  return rows;
}

interface Settlement {
  c: Complaint;
  closedDay: DayKey;
  onTime: boolean;
  days: number;
}

function settlementOf(c: Complaint, cal: WorkingCalendar): Settlement | null {
  if (c.closedAt === null) return null;
  return {
    c,
    closedDay: dayKeyOf(c.closedAt),
    // Stored at closing; recomputed only for rows whose outcome cells were cleared by hand.
    onTime: c.onTime ?? isOnTime(c.deadline, c.closedAt),
    days: c.workingDaysTaken ?? workingDaysTaken(c.receivedAt, c.closedAt, cal),
  };
}

/**
 * Working days in (start, end] for many starts and one end: one walk back over the calendar instead of one walk
 * per complaint (thousands of open cases would otherwise cost millions of day steps).
 */
function workingDaysUntil(end: DayKey, starts: readonly DayKey[], cal: WorkingCalendar): (start: DayKey) => number {
  const counts = new Map<DayKey, number>();
  const earliest = starts.reduce((m, d) => (compareDayKeys(d, m) < 0 ? d : m), end);
  let n = 0;
  for (let d = end; compareDayKeys(d, earliest) >= 0; d = addDays(d, -1)) {
    counts.set(d, n);
    if (cal.isWorkingDay(d)) n += 1;
  }
  return (start) => counts.get(start) ?? cal.workingDaysBetween(start, end);
}

/** Open on `day`: received by then, and not closed by then (a complaint closed later was still open). */
function openOn(c: Complaint, day: DayKey): boolean {
  if (compareDayKeys(dayKeyOf(c.receivedAt), day) > 0) return false;
  if (c.closedAt === null) return !isClosed(c.status);
  return compareDayKeys(dayKeyOf(c.closedAt), day) > 0;
}

/**
 * The statistics of a period. `today` bounds the open-case count for a period not yet over; `unitOrder`
 * (the "Unit" sheet) lists every unit even with no complaint; complaints without a unit come last.
 */
export function buildReport(
  complaints: readonly Complaint[],
  period: ReportPeriod,
  today: DayKey,
  cal: WorkingCalendar,
  unitOrder: readonly string[] = [],
  categories: readonly Category[] = [],
): ReportStats {
  const asOf = compareDayKeys(today, period.to) < 0 ? today : period.to;
  const received = complaints.filter((c) => inPeriod(dayKeyOf(c.receivedAt), period));
  const settlements: Settlement[] = [];
  const forwardedRows: Settlement[] = [];
  for (const c of complaints) {
    const s = settlementOf(c, cal);
    if (!s || !inPeriod(s.closedDay, period)) continue;
    if (c.status === 'Selesai') settlements.push(s);
    else if (c.status === 'Dialihkan') forwardedRows.push(s);
  }
  const open = complaints.filter((c) => openOn(c, asOf));
  const overdue = open.filter((c) => c.deadline !== '' && compareDayKeys(c.deadline, asOf) < 0);

  const byMonth: MonthRow[] = monthsOf(period).map((month) => ({
    month,
    received: 0,
    settled: 0,
    settledOnTime: 0,
    forwarded: 0,
  }));
  const monthRow = (day: DayKey) => byMonth.find((r) => r.month === monthOf(day));
  for (const c of received) monthRow(dayKeyOf(c.receivedAt))!.received += 1;
  for (const s of settlements) {
    const r = monthRow(s.closedDay)!;
    r.settled += 1;
    if (s.onTime) r.settledOnTime += 1;
  }
  for (const s of forwardedRows) monthRow(s.closedDay)!.forwarded += 1;

  const units: UnitRow[] = unitOrder.map((unit) => ({ unit, received: 0, settled: 0, settledOnTime: 0, openAtEnd: 0 }));
  const unitRow = (name: string): UnitRow => {
    const trimmed = name.trim();
    let row = units.find((u) => (trimmed === '' ? u.unit === '' : sameUnit(u.unit, trimmed)));
    if (!row) {
      row = { unit: trimmed, received: 0, settled: 0, settledOnTime: 0, openAtEnd: 0 };
      units.push(row);
    }
    return row;
  };
  for (const c of received) unitRow(c.unit).received += 1;
  for (const s of settlements) {
    const r = unitRow(s.c.unit);
    r.settled += 1;
    if (s.onTime) r.settledOnTime += 1;
  }
  for (const c of open) unitRow(c.unit).openAtEnd += 1;
  const known = units.slice(0, unitOrder.length);
  const extra = units
    .slice(unitOrder.length)
    .sort((a, b) => (a.unit === '' ? 1 : b.unit === '' ? -1 : cmp(a.unit.toLowerCase(), b.unit.toLowerCase())));

  const ages = AGE_BUCKETS.map((b) => ({ ...b, count: 0 }));
  const starts = open.map((c) => effectiveReceiptDay(c.receivedAt, cal));
  const sinceStart = workingDaysUntil(asOf, starts, cal);
  const lateBy = workingDaysUntil(
    asOf,
    overdue.map((c) => c.deadline),
    cal,
  );
  for (const start of starts) {
    const age = Math.max(0, sinceStart(start));
    const bucket = ages.find((b) => age >= b.min && (b.max === null || age <= b.max));
    if (bucket) bucket.count += 1;
  }

  const special = received.filter((c) => c.deadlineKind === 'khusus');
  const specialSettled = special
    .map((c) => (c.status === 'Selesai' ? settlementOf(c, cal) : null))
    .filter((s): s is Settlement => s !== null);

  const agencies: CountRow[] = [];
  for (const s of forwardedRows) {
    const name = s.c.forwardedTo.trim() || '—';
    const row = agencies.find((a) => a.key === name);
    if (row) row.count += 1;
    else agencies.push({ key: name, count: 1 });
  }
  agencies.sort((a, b) => b.count - a.count || cmp(a.key, b.key));

  // Only duplicates point at other complaints: the rest need not be scanned for each linked row.
  const duplicates = complaints.filter((c) => c.duplicateOf !== '');
  const settledOnTime = settlements.filter((s) => s.onTime).length;
  const days = settlements.map((s) => s.days);
  return {
    period,
    asOf,
    received: received.length,
    settled: settlements.length,
    settledOnTime,
    onTimeShare: settlements.length === 0 ? null : settledOnTime / settlements.length,
    medianWorkingDays: median(days),
    p90WorkingDays: percentile(days, 90),
    openAtEnd: open.length,
    overdueAtEnd: overdue.length,
    byMonth,
    byChannel: countInto(
      CHANNELS,
      received.map((c) => c.channel),
    ),
    byStatus: countInto(
      STATUSES,
      received.map((c) => c.status),
    ),
    byPrivacy: countInto(
      PRIVACY_LEVELS,
      received.map((c) => c.privacy),
    ),
    byCategory: countByChannelAndCategory(received, CHANNELS, categories).byCategory,
    byUnit: [...known, ...extra],
    linked: received
      .map((c) => ({ regNumber: c.regNumber, links: linkText(c, duplicates) }))
      .filter((r) => r.links !== '')
      .sort((a, b) => cmp(a.regNumber, b.regNumber)),
    openByAge: ages,
    special: {
      total: special.length,
      open: special.filter((c) => openOn(c, asOf)).length,
      settled: specialSettled.length,
      settledOnTime: specialSettled.filter((s) => s.onTime).length,
    },
    forwarded: { total: forwardedRows.length, byAgency: agencies },
    overdueList: overdue
      .map((c) => ({ regNumber: c.regNumber, unit: c.unit, deadline: c.deadline, workingDaysLate: lateBy(c.deadline) }))
      .sort((a, b) => b.workingDaysLate - a.workingDaysLate || cmp(a.regNumber, b.regNumber)),
  };
}
