// The complainant's satisfaction rating (1–5, resolved or not) and the figures the monthly report shows.
import { compareDayKeys, dayKeyOf } from './time';
import type { ReportPeriod } from './report';

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
export const COMMENT_MAX_LENGTH = 1000;

/** One row of the "Penilaian" sheet. */
export interface Rating {
  at: Date;
  regNumber: string;
  /** The complaint's unit when it was rated (kept so statistics survive later changes). */
  unit: string;
  /** Which closing this rates: Complaint.reopenCount at the time (0 = the first answer). */
  round: number;
  score: number;
  /** false: the complainant says the answer did not resolve the matter (a request to reopen). */
  resolved: boolean;
  comment: string;
}

export function isValidScore(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= MIN_SCORE && n <= MAX_SCORE;
}

export interface RatingStats {
  count: number;
  /** Mean score rounded to 2 decimals; null with no rating. */
  average: number | null;
  /** Index 0 = score 1 … index 4 = score 5. */
  distribution: number[];
  notResolved: number;
  byUnit: { unit: string; count: number; average: number | null }[];
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

/** Ratings given in `period` (all when absent); rows with a score outside 1–5 (typed by hand) are ignored. */
export function ratingStats(ratings: readonly Rating[], period?: ReportPeriod): RatingStats {
  const rows = ratings.filter((r) => {
    if (!isValidScore(r.score) || Number.isNaN(r.at.getTime())) return false;
    if (!period) return true;
    const day = dayKeyOf(r.at);
    return compareDayKeys(day, period.from) >= 0 && compareDayKeys(day, period.to) <= 0;
  });
  const distribution = [0, 0, 0, 0, 0];
  for (const r of rows) distribution[r.score - MIN_SCORE] += 1;
  const units = new Map<string, number[]>();
  for (const r of rows) {
    const key = r.unit.trim();
    units.set(key, [...(units.get(key) ?? []), r.score]);
  }
  const byUnit = [...units.entries()]
    .map(([unit, scores]) => ({ unit, count: scores.length, average: mean(scores) }))
    .sort((a, b) => (a.unit === '' ? 1 : b.unit === '' ? -1 : a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  return {
    count: rows.length,
    average: mean(rows.map((r) => r.score)),
    distribution,
    notResolved: rows.filter((r) => !r.resolved).length,
    byUnit,
  };
}
