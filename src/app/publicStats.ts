// The public statistics page and its CSV: figures computed once a day (up to yesterday) and kept in the cache, so a
// visit costs a handful of calls; the figures are the internal report's (domain/publicStats reuses buildReport).
import type { WorkingCalendar } from '../domain/calendar';
import type { Complaint } from '../domain/complaint';
import { publicStatistics, type Cell, type PublicColumn, type PublicStats } from '../domain/publicStats';
import type { Rating } from '../domain/rating';
import { addDays, dayKeyOf, type DayKey } from '../domain/time';
import { STATS } from '../messages/public';
import { monthLabel } from './report';

/** A string cache (CacheService's script cache). */
export interface StatsCachePort {
  get(key: string): string | null;
  put(key: string, value: string, seconds: number): void;
}

/** CacheService keeps an entry at most 6 hours; the day in the key retires it at midnight anyway. */
export const STATS_CACHE_SECONDS = 21_600;
export const STATS_CACHE_PREFIX = 'dumas:statistik:';

export interface StatsSources {
  agency: () => string;
  /** The web app's URL (for the year links), '' when not set. */
  baseUrl: () => string;
  complaints: () => readonly Complaint[];
  ratings: () => readonly Rating[];
  calendar: () => WorkingCalendar;
  units: () => readonly string[];
}

export interface StatsPageView {
  agency: string;
  baseUrl: string;
  year: number;
  /** Years a visitor may pick: from the first complaint's year to this year. */
  years: number[];
  asOf: string;
  columns: string[];
  rows: { label: string; cells: string[]; group?: string }[];
  csv: string;
  csvName: string;
}

/** The key of `year`'s figures computed on `today` (a new day, a new key: the figures are up to yesterday). */
export function statsCacheKey(year: number, today: DayKey): string {
  return `${STATS_CACHE_PREFIX}${year}:${today}`;
}

/** The year asked for in `?tahun=`, or this year; anything odd falls back to this year. */
export function parseYear(raw: unknown, thisYear: number): number {
  const n = typeof raw === 'string' && /^\d{4}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  return Number.isInteger(n) && n >= 2000 && n <= thisYear ? n : thisYear;
}

function shown(c: Cell): string {
  if (!c.suppressed) return String(c.value);
  return c.value > 0 && c.value < 3 ? STATS.small : STATS.complement;
}

function decimal(n: number | null): string {
  return n === null ? STATS.none : String(Math.round(n * 10) / 10).replace('.', ',');
}

function rowsOf(stats: PublicStats): StatsPageView['rows'] {
  const cols: PublicColumn[] = [...stats.months, stats.total];
  const row = (label: string, pick: (c: PublicColumn) => string, group?: string) => ({
    label,
    cells: cols.map(pick),
    group,
  });
  return [
    row(STATS.received, (c) => shown(c.received)),
    ...stats.channels.map((ch, i) => row(ch, (c) => shown(c.byChannel[i]), STATS.byChannel)),
    ...stats.units.map((u, i) => row(u || STATS.noUnit, (c) => shown(c.byUnit[i]), STATS.byUnit)),
    row(STATS.settled, (c) => shown(c.settled)),
    row(STATS.onTime, (c) => shown(c.onTime), STATS.timeliness),
    row(STATS.late, (c) => shown(c.late), STATS.timeliness),
    row(STATS.median, (c) => decimal(c.medianWorkingDays)),
    row(STATS.ratings, (c) => shown(c.ratings)),
    row(STATS.ratingAverage, (c) => decimal(c.ratingAverage)),
  ];
}

function csvField(s: string): string {
  // A field starting with = + - @ would be a formula in a spreadsheet: quoted with a leading apostrophe.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n;]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line per month and one for the year; a column per figure (the layout a spreadsheet sorts and sums). */
export function statsCsv(stats: PublicStats): string {
  const header = [
    STATS.csvPeriod,
    STATS.received,
    ...stats.channels.map((c) => `${STATS.byChannel}: ${c}`),
    ...stats.units.map((u) => `${STATS.byUnit}: ${u || STATS.noUnit}`),
    STATS.settled,
    STATS.onTime,
    STATS.late,
    STATS.median,
    STATS.ratings,
    STATS.ratingAverage,
  ];
  const line = (c: PublicColumn) => [
    c.key,
    shown(c.received),
    ...c.byChannel.map(shown),
    ...c.byUnit.map(shown),
    shown(c.settled),
    shown(c.onTime),
    shown(c.late),
    decimal(c.medianWorkingDays),
    shown(c.ratings),
    decimal(c.ratingAverage),
  ];
  return [header, ...stats.months.map(line), line(stats.total)].map((r) => r.map(csvField).join(',')).join('\r\n');
}

export function statsView(stats: PublicStats, years: number[], agency = '', baseUrl = ''): StatsPageView {
  return {
    agency,
    baseUrl,
    year: stats.year,
    years,
    asOf: stats.asOf,
    columns: [...stats.months.map((m) => monthLabel(m.key)), STATS.yearColumn(stats.year)],
    rows: rowsOf(stats),
    csv: statsCsv(stats),
    csvName: `statistik-pengaduan-${stats.year}.csv`,
  };
}

/**
 * The page's view for `year`: from the cache when today's figures are there (one call), otherwise computed from the
 * register and the ratings (one read each, plus the calendar and units) and cached for the rest of the day.
 */
export function statisticsPage(
  now: Date,
  year: number,
  cache: StatsCachePort,
  sources: StatsSources,
): { view: StatsPageView; cached: boolean } {
  const today = dayKeyOf(now);
  const key = statsCacheKey(year, today);
  const hit = cache.get(key);
  if (hit !== null) {
    try {
      return { view: JSON.parse(hit) as StatsPageView, cached: true };
    } catch {
      // a damaged entry is recomputed
    }
  }
  const complaints = sources.complaints();
  // Up to yesterday: the figures stay the same all day, so the day's cache entry is exact.
  const asOf = addDays(today, -1);
  const stats = publicStatistics(complaints, sources.ratings(), year, asOf, sources.calendar(), sources.units());
  const thisYear = Number(today.slice(0, 4));
  const first = complaints.reduce((y, c) => Math.min(y, Number(dayKeyOf(c.receivedAt).slice(0, 4))), thisYear);
  const years: number[] = [];
  for (let y = thisYear; y >= first; y--) years.push(y);
  const view = statsView(stats, years, sources.agency(), sources.baseUrl());
  try {
    cache.put(key, JSON.stringify(view), STATS_CACHE_SECONDS);
  } catch {
    // over the cache's 100 KB per value: served uncached
  }
  return { view, cached: false };
}
