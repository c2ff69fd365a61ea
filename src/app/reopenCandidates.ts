// The "Buka Kembali" picker: Selesai complaints the complainant asked to reopen first, then the recently closed ones.
import type { Rating } from '../domain/rating';
import { addDays, compareDayKeys, dayKeyOf, type DayKey } from '../domain/time';
import type { StoredComplaint } from '../ports';
import { openReopenRequests } from './feedback';

/** Older closings are not listed (the list stays short); any of them can still be opened by its number. */
export const REOPEN_WINDOW_DAYS = 90;

export interface ReopenCandidate {
  stored: StoredComplaint;
  /** The complainant's "not resolved" rating of this closing, if any. */
  request: Rating | null;
}

/**
 * Every complaint with an open request (oldest request first: it has waited longest), then the other Selesai
 * complaints closed in the last `windowDays` days (latest closing first). Each complaint appears once.
 */
export function reopenCandidates(
  all: readonly StoredComplaint[],
  ratings: readonly Rating[],
  today: DayKey,
  windowDays = REOPEN_WINDOW_DAYS,
): ReopenCandidate[] {
  const settled = all.filter((s) => s.complaint.status === 'Selesai' && s.complaint.closedAt !== null);
  const byNumber = new Map(settled.map((s) => [s.complaint.regNumber, s]));
  const requests = openReopenRequests(
    ratings,
    settled.map((s) => s.complaint),
  ).sort((a, b) => a.at.getTime() - b.at.getTime());
  const out: ReopenCandidate[] = [];
  const listed = new Set<string>();
  for (const r of requests) {
    const stored = byNumber.get(r.regNumber);
    if (!stored || listed.has(r.regNumber)) continue;
    listed.add(r.regNumber);
    out.push({ stored, request: r });
  }
  const since = addDays(today, -windowDays);
  const recent = settled
    .filter(
      (s) => !listed.has(s.complaint.regNumber) && compareDayKeys(dayKeyOf(s.complaint.closedAt as Date), since) >= 0,
    )
    .sort((a, b) => (b.complaint.closedAt as Date).getTime() - (a.complaint.closedAt as Date).getTime());
  for (const stored of recent) out.push({ stored, request: null });
  return out;
}
