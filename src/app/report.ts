// The report use case: statistics from the register (and the ratings) laid out as the "Laporan" sheet (with charts) and the monthly recap Doc/PDF.
import { headTitle, type SignerInfo } from '../domain/letter';
import type { WorkingCalendar } from '../domain/calendar';
import type { Category } from '../domain/category';
import type { Complaint } from '../domain/complaint';
import { SPECIAL_CASE_MONTHS, WORKING_DAYS_LIMIT } from '../domain/deadline';
import { MONTH_NAMES, formatDateTime, formatDay } from '../domain/format';
import { buildReport, monthPeriod, rollingYear, type MonthKey, type ReportStats } from '../domain/report';
import { MAX_SCORE, MIN_SCORE, ratingStats, type Rating, type RatingStats } from '../domain/rating';
import { dayKeyOf, dayKeyParts } from '../domain/time';
import type { ReportLinks } from '../messages/digest';
import {
  CHANNEL_LABELS,
  CHART_TITLES,
  NOT_AVAILABLE,
  NO_CATEGORY,
  NO_UNIT,
  PRIVACY_LABELS,
  RATING_LABELS,
  REPORT_HEADERS as H,
  REPORT_SECTIONS as S,
  REPORT_TEXT,
  SPECIAL_LABELS,
  SUMMARY_LABELS,
  ageLabel,
} from '../messages/report';
import type { Settings } from './settings';

export type ReportCell = string | number;

/** 1-based position of a chart's source block (header row included) on the sheet. */
export interface ReportChart {
  title: string;
  type: 'COLUMN' | 'PIE' | 'BAR';
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ReportLayout {
  /** Rectangular: every row has `width` cells. */
  rows: ReportCell[][];
  width: number;
  /** 1-based rows shown bold (titles and table headers). */
  boldRows: number[];
  /** 1-based cells holding a share (0–1) to show as a percentage. */
  percentCells: { row: number; column: number }[];
  charts: ReportChart[];
}

export interface RecapBlock {
  kind: 'title' | 'heading' | 'paragraph' | 'table' | 'signature';
  text: string;
  /** For tables: first row is the header. For the signature block: one line a row (place and date, title, space, name, rank, NIP). */
  rows: string[][];
}

export interface RecapContent {
  title: string;
  blocks: RecapBlock[];
}

export interface ReportSheetPort {
  /** Replaces the sheet's content and charts; returns a link to the sheet. */
  write(layout: ReportLayout): string;
}

export interface RecapDocPort {
  /** Creates (or replaces) the document and its PDF in the letters folder. */
  publish(content: RecapContent): { docUrl: string; pdfUrl: string };
}

export interface ReportDeps {
  now: Date;
  calendar: WorkingCalendar;
  settings: Settings;
  units: readonly string[];
  sheet: ReportSheetPort;
  recap: RecapDocPort;
  /** Every rating of the "Penilaian" sheet (called once per report). */
  ratings: () => readonly Rating[];
  /** The active Kepala Dinas from the "Tim" sheet (the recap's signature block), or null. */
  head: SignerInfo | null;
  /** The Kategori sheet (the order of the category section); absent: by name. */
  categories?: readonly Category[];
}

export interface MadeReport extends ReportLinks {
  monthKey: MonthKey;
}

/** The recap lists the longest-overdue complaints only; a printed page of thousands of rows helps nobody. */
export const RECAP_OVERDUE_ROWS = 50;

/** 'November 2026' */
export function monthLabel(month: MonthKey): string {
  const { year, month: m } = dayKeyParts(`${month}-01`);
  return `${MONTH_NAMES[m - 1]} ${year}`;
}

function share(n: number | null): ReportCell {
  return n === null ? NOT_AVAILABLE : n;
}

function pct(n: number | null): string {
  return n === null ? NOT_AVAILABLE : `${(Math.round(n * 1000) / 10).toFixed(1).replace('.', ',')}%`;
}

function num(n: number | null): string {
  return n === null ? NOT_AVAILABLE : String(n).replace('.', ',');
}

const SCORES = Array.from({ length: MAX_SCORE - MIN_SCORE + 1 }, (_, i) => MIN_SCORE + i);

/** The ratings section's rows: count, average, one row per score, "not resolved"; `average` formats the mean. */
function ratingRows(r: RatingStats, average: (n: number | null) => ReportCell): ReportCell[][] {
  return [
    [RATING_LABELS.count, r.count],
    [RATING_LABELS.average, average(r.average)],
    ...SCORES.map((s) => [RATING_LABELS.score(s), r.distribution[s - MIN_SCORE]]),
    [RATING_LABELS.notResolved, r.notResolved],
  ];
}

function ratingUnitRows(r: RatingStats, average: (n: number | null) => ReportCell): ReportCell[][] {
  return r.byUnit.map((u) => [u.unit || NO_UNIT, u.count, average(u.average)]);
}

/** The "Laporan" sheet: sections stacked in columns A–E, each a title, a header row and its rows; charts on the right. */
export function layoutReport(
  stats: ReportStats,
  ratings: RatingStats,
  agency: string,
  generatedAt: Date,
): ReportLayout {
  const width = 5;
  const rows: ReportCell[][] = [];
  const boldRows: number[] = [];
  const percentCells: { row: number; column: number }[] = [];
  const charts: ReportChart[] = [];
  const push = (cells: ReportCell[], bold = false): number => {
    rows.push([...cells, ...Array<ReportCell>(width - cells.length).fill('')]);
    if (bold) boldRows.push(rows.length);
    return rows.length;
  };
  const section = (
    title: string,
    header: string[],
    body: ReportCell[][],
    chart?: { title: string; type: ReportChart['type']; columns: number },
  ): number => {
    push([title], true);
    const headerRow = push(header, true);
    for (const r of body) push(r);
    if (chart && body.length > 0) {
      charts.push({
        title: chart.title,
        type: chart.type,
        row: headerRow,
        column: 1,
        numRows: body.length + 1,
        numColumns: chart.columns,
      });
    }
    push([]);
    return headerRow;
  };

  push([REPORT_TEXT.sheetTitle(agency)], true);
  push([REPORT_TEXT.period(formatDay(stats.period.from), formatDay(stats.period.to))]);
  push([REPORT_TEXT.generated(formatDateTime(generatedAt))]);
  push([]);
  const summaryHeader = section(
    S.summary,
    [H.item, H.value],
    [
      [SUMMARY_LABELS.received, stats.received],
      [SUMMARY_LABELS.settled, stats.settled],
      [SUMMARY_LABELS.settledOnTime, stats.settledOnTime],
      [SUMMARY_LABELS.onTimeShare, share(stats.onTimeShare)],
      [SUMMARY_LABELS.median, share(stats.medianWorkingDays)],
      [SUMMARY_LABELS.p90, share(stats.p90WorkingDays)],
      [SUMMARY_LABELS.openAtEnd, stats.openAtEnd],
      [SUMMARY_LABELS.overdueAtEnd, stats.overdueAtEnd],
      [SUMMARY_LABELS.special, stats.special.total],
      [SUMMARY_LABELS.forwarded, stats.forwarded.total],
    ],
  );
  if (stats.onTimeShare !== null) percentCells.push({ row: summaryHeader + 4, column: 2 });
  section(
    S.byMonth,
    [H.month, H.received, H.settled, H.settledOnTime, H.forwarded],
    stats.byMonth.map((m) => [monthLabel(m.month), m.received, m.settled, m.settledOnTime, m.forwarded]),
    { title: CHART_TITLES.byMonth, type: 'COLUMN', columns: 4 },
  );
  section(
    S.byChannel,
    [H.channel, H.count],
    stats.byChannel.map((r) => [CHANNEL_LABELS[r.key as keyof typeof CHANNEL_LABELS] ?? r.key, r.count]),
    { title: CHART_TITLES.byChannel, type: 'PIE', columns: 2 },
  );
  section(
    S.byCategory,
    [H.category, H.count],
    stats.byCategory.map((r) => [r.key || NO_CATEGORY, r.count]),
  );
  section(
    S.byUnit,
    [H.unit, H.received, H.settled, H.settledOnTime, H.openAtEnd],
    stats.byUnit.map((u) => [u.unit || NO_UNIT, u.received, u.settled, u.settledOnTime, u.openAtEnd]),
    { title: CHART_TITLES.byUnit, type: 'BAR', columns: 2 },
  );
  section(
    S.byStatus,
    [H.status, H.count],
    stats.byStatus.map((r) => [r.key, r.count]),
    {
      title: CHART_TITLES.byStatus,
      type: 'BAR',
      columns: 2,
    },
  );
  section(
    S.byPrivacy,
    [H.privacy, H.count],
    stats.byPrivacy.map((r) => [PRIVACY_LABELS[r.key as keyof typeof PRIVACY_LABELS] ?? r.key, r.count]),
  );
  section(
    S.openByAge,
    [H.age, H.count],
    stats.openByAge.map((b) => [ageLabel(b.min, b.max), b.count]),
    {
      title: CHART_TITLES.openByAge,
      type: 'COLUMN',
      columns: 2,
    },
  );
  section(
    S.special,
    [H.item, H.count],
    [
      [SPECIAL_LABELS.total, stats.special.total],
      [SPECIAL_LABELS.open, stats.special.open],
      [SPECIAL_LABELS.settled, stats.special.settled],
      [SPECIAL_LABELS.settledOnTime, stats.special.settledOnTime],
    ],
  );
  section(
    S.forwarded,
    [H.agency, H.count],
    stats.forwarded.byAgency.map((a) => [a.key, a.count]),
  );
  section(
    S.linked,
    [H.regNumber, H.links],
    stats.linked.map((l) => [l.regNumber, l.links]),
  );
  section(S.ratings, [H.item, H.value], ratingRows(ratings, share));
  section(S.ratingsByUnit, [H.unit, H.ratingCount, H.ratingAverage], ratingUnitRows(ratings, share));
  return { rows, width, boldRows, percentCells, charts };
}

function table(header: string[], body: (string | number)[][]): RecapBlock {
  return { kind: 'table', text: '', rows: [header, ...body.map((r) => r.map(String))] };
}

function para(text: string): RecapBlock {
  return { kind: 'paragraph', text, rows: [] };
}

function heading(text: string): RecapBlock {
  return { kind: 'heading', text, rows: [] };
}

/** The printable monthly recap for the Kepala Dinas: aggregates and registration numbers only, never identities. */
export function recapContent(
  stats: ReportStats,
  ratings: RatingStats,
  month: MonthKey,
  settings: Settings,
  generatedAt: Date,
  head: SignerInfo | null = null,
): RecapContent {
  const label = monthLabel(month);
  const title = REPORT_TEXT.recapTitle(label);
  const blocks: RecapBlock[] = [
    { kind: 'title', text: `${settings.governmentName}\n${settings.agencyName}`, rows: [] },
    heading(title),
    para(REPORT_TEXT.recapIntro(settings.agencyName, label, WORKING_DAYS_LIMIT, SPECIAL_CASE_MONTHS)),
    para(REPORT_TEXT.period(formatDay(stats.period.from), formatDay(stats.period.to))),
    heading(S.summary),
    table(
      [H.item, H.value],
      [
        [SUMMARY_LABELS.received, stats.received],
        [SUMMARY_LABELS.settled, stats.settled],
        [SUMMARY_LABELS.settledOnTime, stats.settledOnTime],
        [SUMMARY_LABELS.onTimeShare, pct(stats.onTimeShare)],
        [SUMMARY_LABELS.median, num(stats.medianWorkingDays)],
        [SUMMARY_LABELS.p90, num(stats.p90WorkingDays)],
        [SUMMARY_LABELS.openAtEnd, stats.openAtEnd],
        [SUMMARY_LABELS.overdueAtEnd, stats.overdueAtEnd],
        [SUMMARY_LABELS.special, stats.special.total],
        [SUMMARY_LABELS.forwarded, stats.forwarded.total],
      ],
    ),
    heading(S.byChannel),
    table(
      [H.channel, H.count],
      stats.byChannel.map((r) => [CHANNEL_LABELS[r.key as keyof typeof CHANNEL_LABELS] ?? r.key, r.count]),
    ),
    heading(S.byCategory),
    table(
      [H.category, H.count],
      stats.byCategory.map((r) => [r.key || NO_CATEGORY, r.count]),
    ),
    heading(S.byUnit),
    table(
      [H.unit, H.received, H.settled, H.settledOnTime, H.openAtEnd],
      stats.byUnit.map((u) => [u.unit || NO_UNIT, u.received, u.settled, u.settledOnTime, u.openAtEnd]),
    ),
    heading(S.byStatus),
    table(
      [H.status, H.count],
      stats.byStatus.map((r) => [r.key, r.count]),
    ),
    heading(S.byPrivacy),
    table(
      [H.privacy, H.count],
      stats.byPrivacy.map((r) => [PRIVACY_LABELS[r.key as keyof typeof PRIVACY_LABELS] ?? r.key, r.count]),
    ),
    heading(S.openByAge),
    table(
      [H.age, H.count],
      stats.openByAge.map((b) => [ageLabel(b.min, b.max), b.count]),
    ),
    heading(S.special),
    table(
      [H.item, H.count],
      [
        [SPECIAL_LABELS.total, stats.special.total],
        [SPECIAL_LABELS.open, stats.special.open],
        [SPECIAL_LABELS.settled, stats.special.settled],
        [SPECIAL_LABELS.settledOnTime, stats.special.settledOnTime],
      ],
    ),
    heading(S.forwarded),
    stats.forwarded.byAgency.length > 0
      ? table(
          [H.agency, H.count],
          stats.forwarded.byAgency.map((a) => [a.key, a.count]),
        )
      : para(NOT_AVAILABLE),
    heading(S.linked),
    stats.linked.length > 0
      ? table(
          [H.regNumber, H.links],
          stats.linked.map((l) => [l.regNumber, l.links]),
        )
      : para(NOT_AVAILABLE),
    heading(S.ratings),
    table([H.item, H.value], ratingRows(ratings, num)),
    ...(ratings.byUnit.length > 0
      ? [heading(S.ratingsByUnit), table([H.unit, H.ratingCount, H.ratingAverage], ratingUnitRows(ratings, num))]
      : []),
    heading(S.overdue),
    stats.overdueList.length > 0
      ? table(
          [H.regNumber, H.unit, H.deadline, H.late],
          stats.overdueList
            .slice(0, RECAP_OVERDUE_ROWS)
            .map((o) => [o.regNumber, o.unit || NO_UNIT, formatDay(o.deadline), o.workingDaysLate]),
        )
      : para(REPORT_TEXT.recapNoOverdue),
    ...(stats.overdueList.length > RECAP_OVERDUE_ROWS
      ? [para(REPORT_TEXT.recapMoreOverdue(stats.overdueList.length - RECAP_OVERDUE_ROWS))]
      : []),
    para(REPORT_TEXT.recapPrivacy),
    {
      // In the right half, as on a letter: place and date, title, space to sign, name, rank, NIP.
      kind: 'signature',
      text: '',
      rows: [
        [REPORT_TEXT.recapSignature(settings.city, formatDay(generatedAt))],
        [`${headTitle(settings)},`],
        [''],
        [''],
        [''],
        [head?.name || REPORT_TEXT.recapNoHead],
        [head?.rank ?? ''],
        [REPORT_TEXT.recapNip(head?.nip ?? '')],
      ],
    },
  ];
  return { title, blocks };
}

/**
 * Refreshes the "Laporan" sheet (the last twelve months) and makes the recap of `month` for the Kepala Dinas.
 * The complaints are passed in (already read once by the caller); nothing here reads the register again.
 */
export function makeReports(deps: ReportDeps, complaints: readonly Complaint[], month: MonthKey): MadeReport {
  const today = dayKeyOf(deps.now);
  const ratings = deps.ratings();
  const year = rollingYear(today);
  const yearStats = buildReport(complaints, year, today, deps.calendar, deps.units, deps.categories);
  const sheetUrl = deps.sheet.write(
    layoutReport(yearStats, ratingStats(ratings, year), deps.settings.agencyName, deps.now),
  );
  const monthStats = buildReport(complaints, monthPeriod(month), today, deps.calendar, deps.units, deps.categories);
  const monthRatings = ratingStats(ratings, monthPeriod(month));
  const { docUrl, pdfUrl } = deps.recap.publish(
    recapContent(monthStats, monthRatings, month, deps.settings, deps.now, deps.head),
  );
  return { monthKey: month, month: monthLabel(month), docUrl, pdfUrl, sheetUrl };
}
