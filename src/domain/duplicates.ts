// Possible duplicates (FixMyStreet shows existing reports before a new one is made): the complaints received within a
// window of days that share the NIK, the mobile number or the email, or whose subject is similar.
//
// Similar subject, explainable in one sentence: after lower-casing, removing accents and punctuation, and dropping
// numbers, words shorter than 3 letters and the stop list (messages/duplicates.ts), the two subjects share at least
// 2 words and at least half of all the words either uses (Jaccard index ≥ 0.5).
import { SUBJECT_STOP_WORDS } from '../messages/duplicates';
import { calendarDaysBetween, dayKeyOf } from './time';

export const SUBJECT_SIMILARITY_THRESHOLD = 0.5;
export const SUBJECT_MIN_SHARED_WORDS = 2;
/** The Pengaturan setting's default: complaints received at most this many days apart are compared. */
export const DEFAULT_DUPLICATE_WINDOW_DAYS = 30;
export const MAX_DUPLICATES_LISTED = 10;

const STOP = new Set(SUBJECT_STOP_WORDS);

/** The words of a subject that say what it is about, each once, in order of first use. */
export function subjectWords(text: string): string[] {
  const words = String(text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !/^\p{N}+$/u.test(w) && !STOP.has(w));
  return [...new Set(words)];
}

/** |A ∩ B| / |A ∪ B| of two word sets; 0 when both are empty. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  for (const w of sa) if (sb.has(w)) shared++;
  const union = sa.size + sb.size - shared;
  return union === 0 ? 0 : shared / union;
}

export function sharedWords(a: readonly string[], b: readonly string[]): number {
  const sb = new Set(b);
  return new Set(a.filter((w) => sb.has(w))).size;
}

export function similarSubjects(a: string, b: string): boolean {
  const wa = subjectWords(a);
  const wb = subjectWords(b);
  return sharedWords(wa, wb) >= SUBJECT_MIN_SHARED_WORDS && jaccard(wa, wb) >= SUBJECT_SIMILARITY_THRESHOLD;
}

/** What a comparison needs of a complaint (a new one not yet recorded has regNumber ''). */
export interface DuplicateProbe {
  regNumber: string;
  receivedAt: Date;
  nik: string;
  phoneCanonical: string;
  email: string;
  subject: string;
}

export type DuplicateReason = 'nik' | 'phone' | 'email' | 'subject';
export const DUPLICATE_REASONS: readonly DuplicateReason[] = ['nik', 'phone', 'email', 'subject'];

export interface DuplicateMatch<T extends DuplicateProbe> {
  complaint: T;
  reasons: DuplicateReason[];
  /** Jaccard index of the two subjects' words. */
  similarity: number;
}

const nikKey = (nik: string): string => {
  const digits = nik.replace(/\D/g, '');
  return digits.length === 16 ? digits : '';
};
const emailKey = (email: string): string => email.trim().toLowerCase();

/** Why `a` and `b` may be the same complaint (empty: they are not alike). */
export function duplicateReasons(a: DuplicateProbe, b: DuplicateProbe): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  const nik = nikKey(a.nik);
  if (nik !== '' && nik === nikKey(b.nik)) reasons.push('nik');
  if (a.phoneCanonical !== '' && a.phoneCanonical === b.phoneCanonical) reasons.push('phone');
  const email = emailKey(a.email);
  if (email !== '' && email === emailKey(b.email)) reasons.push('email');
  if (similarSubjects(a.subject, b.subject)) reasons.push('subject');
  return reasons;
}

/** Received at most `windowDays` calendar days (WITA) apart, either way. */
export function withinWindow(a: Date, b: Date, windowDays: number): boolean {
  return Math.abs(calendarDaysBetween(dayKeyOf(a), dayKeyOf(b))) <= windowDays;
}

/**
 * The complaints among `others` that may be the same as `probe`: within the window, with at least one reason. Most
 * reasons first, then the more similar subject, then the most recent; at most `limit`.
 */
export function possibleDuplicates<T extends DuplicateProbe>(
  probe: DuplicateProbe,
  others: readonly T[],
  windowDays: number = DEFAULT_DUPLICATE_WINDOW_DAYS,
  limit: number = MAX_DUPLICATES_LISTED,
): DuplicateMatch<T>[] {
  const words = subjectWords(probe.subject);
  const matches: DuplicateMatch<T>[] = [];
  for (const other of others) {
    if (probe.regNumber !== '' && other.regNumber === probe.regNumber) continue;
    if (!withinWindow(probe.receivedAt, other.receivedAt, windowDays)) continue;
    const reasons = duplicateReasons(probe, other);
    if (reasons.length === 0) continue;
    matches.push({ complaint: other, reasons, similarity: jaccard(words, subjectWords(other.subject)) });
  }
  matches.sort(
    (x, y) =>
      y.reasons.length - x.reasons.length ||
      y.similarity - x.similarity ||
      y.complaint.receivedAt.getTime() - x.complaint.receivedAt.getTime(),
  );
  return matches.slice(0, Math.max(0, limit));
}
