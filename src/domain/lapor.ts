// SP4N-LAPOR!, the national complaint system (Perpres 95/2018): a report reaches the agency's liaison admin, who
// records it here with its tracking ID and the day LAPOR! forwarded it; the unit's answer goes back as text.
//
// Tracking ID: LAPOR! numbers reports with one running integer shown as "#1916449" and links a report as
// https://www.lapor.go.id/pengaduan/<TrackingID> (LAPOR!'s public API documentation). Dumas keeps the digits only;
// it accepts 6 to 10 of them (7 in 2017, the counter grows), with or without "#", or a pasted lapor.go.id link.
import { LAPOR_POST_TEXT, LAPOR_TEXT } from '../messages/lapor';
import type { WorkingCalendar } from './calendar';
import { normalDeadline, specialDeadline } from './deadline';
import { formatDay } from './format';
import { stripPersonalData } from './personalData';
import { addDays, compareDayKeys, instantAt, parseDayKey, type DayKey } from './time';

/** What the register keeps of a LAPOR! report ('' and null when the complaint did not come from LAPOR!). */
export interface LaporFields {
  laporId: string;
  laporForwardedOn: DayKey;
  laporPostedBy: string;
  laporPostedAt: Date | null;
}

/** LAPOR!'s page of a report is this followed by the tracking ID. */
export const LAPOR_REPORT_URL = 'https://www.lapor.go.id/pengaduan/';
export const LAPOR_ID_MIN_DIGITS = 6;
export const LAPOR_ID_MAX_DIGITS = 10;
/** LAPOR!'s rule for the agency: follow up within 5 working days of forwarding (a Pengaturan setting). */
export const LAPOR_DEFAULT_WORKING_DAYS = 5;
/** A forwarding date further back than this is a typo (a wrong year), not a backlog. */
export const LAPOR_MAX_FORWARD_AGE_DAYS = 366;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ID_DIGITS = new RegExp(`^[1-9]\\d{${LAPOR_ID_MIN_DIGITS - 1},${LAPOR_ID_MAX_DIGITS - 1}}$`);
/** The last path segment of a lapor.go.id link that is all digits. */
const ID_IN_LINK = /^(?:https?:\/\/)?(?:www\.)?lapor\.go\.id\/(?:[^?#\s]*\/)?(\d+)\/?(?:[?#]\S*)?$/i;

/** The tracking ID as digits, from what a person pasted: "1916449", "#1916449", "# 1916449" or a lapor.go.id link. */
export function parseLaporTrackingId(raw: unknown): Checked<string> {
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
  if (text === '') return { ok: false, message: LAPOR_TEXT.idEmpty };
  const fromLink = ID_IN_LINK.exec(text);
  const digits = fromLink ? fromLink[1] : text.replace(/^#\s*/, '');
  if (!ID_DIGITS.test(digits)) {
    return { ok: false, message: LAPOR_TEXT.idFormat(LAPOR_ID_MIN_DIGITS, LAPOR_ID_MAX_DIGITS) };
  }
  return { ok: true, value: digits };
}

/** The complaint already holding this tracking ID, if any: a LAPOR! report is recorded once. */
export function complaintWithLaporId(
  id: string,
  complaints: readonly { regNumber: string; laporId: string }[],
): string | null {
  return complaints.find((c) => c.laporId !== '' && c.laporId === id)?.regNumber ?? null;
}

/** The refusal of a tracking ID that is malformed or already recorded; otherwise its digits. */
export function checkNewLaporId(
  raw: unknown,
  complaints: readonly { regNumber: string; laporId: string }[],
): Checked<string> {
  const parsed = parseLaporTrackingId(raw);
  if (!parsed.ok) return parsed;
  const taken = complaintWithLaporId(parsed.value, complaints);
  return taken === null ? parsed : { ok: false, message: LAPOR_TEXT.idTaken(parsed.value, taken) };
}

/** The day LAPOR! forwarded the report: a real date, not after today, not more than a year back. */
export function checkForwardedOn(raw: unknown, today: DayKey): Checked<DayKey> {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return { ok: false, message: LAPOR_TEXT.forwardedEmpty };
  const day = parseDayKey(text);
  if (day === null) return { ok: false, message: LAPOR_TEXT.forwardedFormat };
  if (compareDayKeys(day, today) > 0) return { ok: false, message: LAPOR_TEXT.forwardedFuture };
  if (compareDayKeys(day, addDays(today, -LAPOR_MAX_FORWARD_AGE_DAYS)) < 0) {
    return { ok: false, message: LAPOR_TEXT.forwardedTooOld(LAPOR_MAX_FORWARD_AGE_DAYS) };
  }
  return { ok: true, value: day };
}

/**
 * LAPOR!'s own deadline: `workingDays` working days after the forwarding day (day 0 is that day when it is a
 * working day, else the next one; LAPOR! gives no hour, so a report forwarded on a working day counts from it).
 */
export function laporDeadline(forwardedOn: DayKey, cal: WorkingCalendar, workingDays: number): DayKey {
  const n = Number.isInteger(workingDays) && workingDays >= 1 ? workingDays : LAPOR_DEFAULT_WORKING_DAYS;
  return cal.addWorkingDays(cal.workingDayOnOrAfter(forwardedOn), n);
}

/**
 * The deadline of a complaint recorded from LAPOR!: the earlier of the SOP's (5 working days from recording) and
 * LAPOR!'s (the setting, from forwarding), so the agency keeps both promises.
 */
export function laporNormalDeadline(
  receivedAt: Date,
  forwardedOn: DayKey,
  cal: WorkingCalendar,
  workingDays: number,
): DayKey {
  const sop = normalDeadline(receivedAt, cal);
  const lapor = laporDeadline(forwardedOn, cal, workingDays);
  return compareDayKeys(lapor, sop) < 0 ? lapor : sop;
}

/**
 * The SOP's special case (official away) for a LAPOR! report: one month counted from the day LAPOR! forwarded it
 * (the day the agency received it), by the SOP's rule (same day next month, clamped, moved back to a working day).
 */
export function laporSpecialDeadline(forwardedOn: DayKey, cal: WorkingCalendar): DayKey {
  // Noon: a working day's receipt before office end, so the SOP's rule counts from the forwarding day itself.
  return specialDeadline(instantAt(forwardedOn, 12), cal);
}

/** The special deadline of any complaint: from LAPOR!'s forwarding day when it has one, else from its receipt. */
export function specialDeadlineOf(c: { receivedAt: Date; laporForwardedOn: DayKey }, cal: WorkingCalendar): DayKey {
  return c.laporForwardedOn !== '' ? laporSpecialDeadline(c.laporForwardedOn, cal) : specialDeadline(c.receivedAt, cal);
}

export interface PostBackSource extends LaporFields {
  regNumber: string;
  answer: string;
  letterNumber: string;
  letterDate: DayKey;
  signedBy: string;
}

/**
 * The text the liaison admin pastes into LAPOR!'s follow-up: plain text, never the complainant's identity, and the
 * answer without personal data (a LAPOR! follow-up may be public), with the signed letter's number when there is one.
 */
export function laporPostBackText(c: PostBackSource, agency: string): string {
  const lines = [
    LAPOR_POST_TEXT.greeting,
    '',
    LAPOR_POST_TEXT.intro(agency, c.laporId, c.regNumber),
    '',
    LAPOR_POST_TEXT.answerHeading,
    stripPersonalData(c.answer.trim()),
  ];
  if (c.signedBy !== '' && c.letterNumber !== '' && c.letterDate !== '') {
    lines.push('', LAPOR_POST_TEXT.letter(c.letterNumber, formatDay(c.letterDate)));
  }
  lines.push('', LAPOR_POST_TEXT.closing(agency));
  return lines.join('\n');
}
