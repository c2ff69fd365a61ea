// Retention of personal data (UU 27/2022): when a closed complaint's identity data is due for deletion, and the purged copy.
import { isClosed, type Complaint } from './complaint';
import { IDENTITY_REMOVED } from '../messages/domain';
import {
  FREE_TEXT_FIELDS,
  fieldsWithPersonalData,
  purgeFreeText,
  stripPersonalData,
  withPersonalDataFlag,
  type FreeTextField,
} from './personalData';
import { addDays, compareDayKeys, dayKeyOf, dayKeyParts, daysInMonth, type DayKey } from './time';

/**
 * The identity fields a purge empties. The name is personal data too (UU 27/2022 Pasal 4), so it goes with
 * NIK, phone, email and address; the complaint's content, dates, unit and outcome stay for the statistics.
 */
export const PERSONAL_FIELDS = ['name', 'nik', 'phone', 'phoneCanonical', 'email', 'address'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** Below one year the purge is off: a typo must not wipe yesterday's complaints. */
export const MIN_RETENTION_YEARS = 1;

export function retentionEnabled(years: number): boolean {
  return Number.isInteger(years) && years >= MIN_RETENTION_YEARS;
}

/** The first day the data may be purged: the closing day plus `years` calendar years (29 Feb → 28 Feb). */
export function purgeDay(closedAt: Date, years: number): DayKey {
  const { year, month, day } = dayKeyParts(dayKeyOf(closedAt));
  const y = year + years;
  const d = Math.min(day, daysInMonth(y, month));
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The identity fields that still hold something, then the free-text fields holding a NIK, phone or email. */
export function filledPersonalFields(c: Complaint): (PersonalField | FreeTextField)[] {
  return [...PERSONAL_FIELDS.filter((f) => c[f] !== ''), ...fieldsWithPersonalData(c)];
}

/**
 * Still holding identity data, and closed (Selesai or Dialihkan) at least `years` years ago, or never closed and
 * untouched for `years` years (see purgeDueDay).
 */
export function isPurgeDue(c: Complaint, today: DayKey, years: number): boolean {
  if (!retentionEnabled(years)) return false;
  if (isClosed(c.status) && c.closedAt === null) return false;
  if (filledPersonalFields(c).length === 0) return false;
  return compareDayKeys(purgeDueDay(c, years), today) <= 0;
}

/**
 * The copy without identity data, and with every NIK, phone and email in the free text replaced by a marker; a new
 * version stamped with who purged it. Nothing used by the report changes.
 */
export function purgeComplaint(c: Complaint, now: Date, by: string, values: readonly string[] = []): Complaint {
  const next: Complaint = { ...c, ...purgeFreeText(c) };
  // The complainant's own name or address typed into a note goes too (exact values, whole words).
  if (values.length > 0) for (const f of FREE_TEXT_FIELDS) next[f] = scrubIdentity(next[f], values, IDENTITY_REMOVED);
  for (const f of PERSONAL_FIELDS) next[f] = '';
  next.verificationFlags = withPersonalDataFlag(next);
  next.version = c.version + 1;
  next.updatedAt = now;
  next.updatedBy = by;
  return next;
}

/**
 * A complaint nobody closed: its last activity (the last write of its row) stands in for the closing day. A complaint
 * untouched for the whole retention period is abandoned in practice, and UU 27/2022 Pasal 43 keeps personal data only
 * as long as the purpose needs it; the Ketua Tim is warned `OPEN_NOTICE_DAYS` before (daily digest).
 */
export function lastActivity(c: Pick<Complaint, 'updatedAt' | 'receivedAt'>): Date {
  return c.updatedAt.getTime() > c.receivedAt.getTime() ? c.updatedAt : c.receivedAt;
}

/** Days of notice the Ketua Tim gets, in the daily digest, before an open complaint's identity is purged. */
export const OPEN_NOTICE_DAYS = 30;

/** The day the identity may be purged: closing day + years, or for an open complaint last activity + years. */
export function purgeDueDay(c: Complaint, years: number): DayKey {
  if (isClosed(c.status) && c.closedAt !== null) return purgeDay(c.closedAt, years);
  return purgeDay(lastActivity(c), years);
}

/**
 * Whether a row read partially (status, receipt, closing) may be due: a superset of isPurgeDue, since the last
 * activity of an open complaint is never before its receipt. The rows it selects are then read in full.
 */
export function mayBePurgeDue(
  c: Pick<Complaint, 'status' | 'closedAt' | 'receivedAt'>,
  today: DayKey,
  years: number,
): boolean {
  if (!retentionEnabled(years)) return false;
  if (isClosed(c.status)) return c.closedAt !== null && compareDayKeys(purgeDay(c.closedAt, years), today) <= 0;
  return compareDayKeys(purgeDay(c.receivedAt, years), today) <= 0;
}

/**
 * An open complaint whose identity falls due within the notice period (not yet due): for the Ketua Tim's digest. The
 * digest reads no identity cells, so whether any is left is not asked here.
 */
export function openPurgeSoon(c: Complaint, today: DayKey, years: number): DayKey | null {
  if (!retentionEnabled(years) || isClosed(c.status)) return null;
  const due = purgeDueDay(c, years);
  if (compareDayKeys(due, today) <= 0) return null;
  return compareDayKeys(due, addDays(today, OPEN_NOTICE_DAYS)) <= 0 ? due : null;
}

/**
 * The exact identity values of a complaint, for removing them wherever they were copied (a name typed into a note, an
 * address in an edited-field record): at least three characters, so an initial never wipes unrelated text.
 */
export function identityValues(c: Pick<Complaint, PersonalField>): string[] {
  const values = PERSONAL_FIELDS.map((f) => c[f].trim()).filter((v) => v.length >= 3);
  return values.filter((v, i) => values.indexOf(v) === i).sort((a, b) => b.length - a.length);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `text` with every one of `values` (whole words, any case) replaced by `marker`, then NIKs, phones and emails too. */
export function scrubIdentity(text: string, values: readonly string[], marker: string): string {
  let out = text;
  for (const v of values) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(v)}(?![\\p{L}\\p{N}])`, 'giu'), marker);
  }
  return stripPersonalData(out);
}

/**
 * An audit cell (a JSON record of changed fields, or plain text): identity fields replaced by `marker` whatever they
 * held (an earlier, corrected name is not among the current values), then the values scrubbed from the rest.
 */
export function scrubAuditValue(text: string, values: readonly string[], marker: string): string {
  if (text === '') return text;
  let out = text;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const record = parsed as Record<string, unknown>;
      let touched = false;
      for (const f of PERSONAL_FIELDS) {
        if (f in record && record[f] !== '' && record[f] !== marker) {
          record[f] = marker;
          touched = true;
        }
      }
      if (touched) out = JSON.stringify(record);
    }
  } catch {
    // plain text: scrubbed below
  }
  return scrubIdentity(out, values, marker);
}
