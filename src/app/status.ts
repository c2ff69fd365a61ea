// The public status page's logic (pure): the view of a complaint a complainant may see, the lookup check, the throttle rule.
import type { WorkingCalendar } from '../domain/calendar';
import type { Complaint, Status } from '../domain/complaint';
import { SPECIAL_CASE_MONTHS, WORKING_DAYS_LIMIT, deadlineFacts } from '../domain/deadline';
import { formatDay, formatDayLong } from '../domain/format';
import { PUBLIC_STEP } from '../domain/vocabulary';
import { MSG } from '../messages/domain';
import { DEADLINE_TEXT, PUBLIC_HELP, STEP_LABELS } from '../messages/public';
import { STAGE_TEXT } from '../messages/workflow';
import type { Settings } from './settings';

export type StepState = 'done' | 'current' | 'todo';

/**
 * Everything the public page shows. Built field by field from the complaint, never spread from it:
 * no name, NIK, phone, email, address, subject, description, notes or answer can slip in.
 */
export interface PublicStatus {
  regNumber: string;
  stage: Status;
  stageText: string;
  steps: { label: string; state: StepState }[];
  received: string;
  deadline: string;
  deadlineKind: string;
  deadlineState: string;
  closed: string;
  /** "Selesai", or "Dialihkan" for a forwarded complaint (it was passed on, not settled here). */
  closedLabel: string;
  unit: string;
  forwardedTo: string;
  reopened: string;
  feedback: string;
}

export type FeedbackState = 'none' | 'rated' | 'reopenRequested';

export function publicStatus(
  c: Complaint,
  now: Date,
  cal: WorkingCalendar,
  feedback: FeedbackState = 'none',
): PublicStatus {
  const step = PUBLIC_STEP[c.status] ?? 0;
  const facts = c.deadline === '' ? null : deadlineFacts(c, now, cal);
  const forwarded = c.status === 'Dialihkan';
  const state = !facts
    ? ''
    : {
        open_on_track: DEADLINE_TEXT.onTrack,
        due_next_working_day: DEADLINE_TEXT.onTrack,
        due_today: DEADLINE_TEXT.dueToday,
        overdue: DEADLINE_TEXT.overdue,
        settled_on_time: forwarded ? DEADLINE_TEXT.forwardedOnTime : DEADLINE_TEXT.settledOnTime,
        settled_late: forwarded ? DEADLINE_TEXT.forwardedLate : DEADLINE_TEXT.settledLate,
      }[facts.state];
  return {
    regNumber: c.regNumber,
    stage: c.status,
    stageText: STAGE_TEXT[c.status],
    steps: STEP_LABELS.map((label, i) => ({
      label: i === 4 && c.status === 'Dialihkan' ? 'Dialihkan' : label,
      state: i < step || (i === step && step === 4) ? 'done' : i === step ? 'current' : 'todo',
    })),
    received: formatDay(c.receivedAt),
    deadline: c.deadline === '' ? '' : formatDayLong(c.deadline),
    deadlineKind:
      c.deadlineKind === 'khusus'
        ? DEADLINE_TEXT.khusus(SPECIAL_CASE_MONTHS)
        : DEADLINE_TEXT.normal(WORKING_DAYS_LIMIT),
    deadlineState: state,
    closed: c.closedAt ? formatDay(c.closedAt) : '',
    closedLabel: forwarded ? DEADLINE_TEXT.forwardedLabel : DEADLINE_TEXT.closedLabel,
    unit: c.unit,
    forwardedTo: c.status === 'Dialihkan' ? c.forwardedTo : '',
    reopened: c.reopenCount > 0 ? DEADLINE_TEXT.reopened(c.reopenCount) : '',
    feedback:
      c.status !== 'Selesai'
        ? ''
        : feedback === 'rated'
          ? DEADLINE_TEXT.rated
          : feedback === 'reopenRequested'
            ? DEADLINE_TEXT.reopenRequested
            : '',
  };
}

/** Registration numbers as people type them: trimmed, upper case; anything implausible is not looked up at all. */
export function normalizeRegNumber(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9./_-]{0,39}$/.test(s) ? s : null;
}

export function normalizeCode(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z0-9]{1,20}$/.test(s) ? s : null;
}

/** Compares every character whatever the first difference, so timing does not tell how much of a code was right. */
export function sameSecret(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0 && a.length > 0;
}

/** True when the stored complaint matches the typed code (case-insensitive; a row without code never matches). */
export function codeMatches(c: Complaint, code: string): boolean {
  const stored = c.accessCode.trim().toUpperCase();
  return stored !== '' && sameSecret(stored, code);
}

/**
 * Slowing down guessing (CacheService counters, best effort):
 * - per registration number: after 5 failed lookups, that number is refused for 15 minutes after the last failure
 *   (unknown numbers count the same way, so the refusal tells nothing about existence);
 * - globally: after 100 failed lookups in a 10-minute window, every lookup is refused until the window ends.
 * A 6-character code from 31 symbols (≈ 887 million) then takes centuries to guess for one number.
 */
export const THROTTLE = {
  perNumberMax: 5,
  perNumberSeconds: 15 * 60,
  globalMax: 100,
  globalWindowSeconds: 10 * 60,
} as const;

export interface FailureCounts {
  perNumber: number;
  global: number;
}

export function isThrottled(counts: FailureCounts): boolean {
  return counts.perNumber >= THROTTLE.perNumberMax || counts.global >= THROTTLE.globalMax;
}

// ------------------------------------------------------------------ the lookup (through ports: no Google call here)

/** Failure counters kept outside the register (CacheService in production). */
export interface ThrottlePort {
  /** The current counts for this number (one read). */
  counts(numberKey: string): FailureCounts;
  /** Adds one failure for this number and one globally (one write). */
  recordFailure(numberKey: string, before: FailureCounts): void;
}

export interface LookupDeps {
  now: Date;
  calendar: () => WorkingCalendar;
  find: (regNumber: string) => Complaint | null;
  feedbackOf: (c: Complaint) => FeedbackState;
  throttle: ThrottlePort;
}

export type LookupResult = { ok: true; status: PublicStatus } | { ok: false; message: string };

/** One answer for an unknown number, a wrong code and a malformed input; throttled before anything is read. */
export function lookupStatus(
  deps: LookupDeps,
  rawNumber: unknown,
  rawCode: unknown,
  messages: { notFound: string; throttled: string },
): LookupResult {
  const regNumber = normalizeRegNumber(rawNumber);
  const code = normalizeCode(rawCode);
  const key = regNumber ?? '-';
  const counts = deps.throttle.counts(key);
  if (isThrottled(counts)) return { ok: false, message: messages.throttled };
  const complaint = regNumber && code ? deps.find(regNumber) : null;
  if (!complaint || !code || !codeMatches(complaint, code)) {
    deps.throttle.recordFailure(key, counts);
    return { ok: false, message: messages.notFound };
  }
  return { ok: true, status: publicStatus(complaint, deps.now, deps.calendar(), deps.feedbackOf(complaint)) };
}

/** The status page's address with `?no=` so the complainant's number is already filled in; '' when not deployed. */
export function statusPageLink(base: string, regNumber: string): string {
  const url = base.trim();
  if (url === '') return '';
  return `${url}${url.includes('?') ? '&' : '?'}no=${encodeURIComponent(regNumber)}`;
}

/** "Kabupaten Tabanan" from the letterhead's first line ("PEMERINTAH KABUPATEN TABANAN"). */
export function regencyOf(governmentName: string): string {
  const words = governmentName
    .replace(/^\s*pemerintah\s+/i, '')
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** The agency as the public reads it: its name and the regency ("… Kabupaten Tabanan"). */
export function publicAgencyName(s: Pick<Settings, 'agencyName' | 'governmentName'>): string {
  const regency = regencyOf(s.governmentName);
  const name = s.agencyName.trim();
  return regency === '' || name.toLowerCase().includes(regency.toLowerCase())
    ? name
    : `${name} ${regency.toUpperCase()}`;
}

/** Where a complainant who lost the receipt asks for the number and code again (all from Pengaturan). */
export function lostReceiptContact(
  s: Pick<Settings, 'agencyPhone' | 'agencyEmail' | 'agencyAddress' | 'officeStart' | 'officeEnd'>,
): string {
  return PUBLIC_HELP.lostReceipt({
    phone: s.agencyPhone.trim(),
    email: s.agencyEmail.trim(),
    address: s.agencyAddress.trim(),
    hours: `${s.officeStart}–${s.officeEnd} ${MSG.tzName}`,
  });
}
