// Retention of personal data (UU 27/2022): when a closed complaint's identity data is due for deletion, and the purged copy.
import { isClosed, type Complaint } from './complaint';
import { fieldsWithPersonalData, purgeFreeText, withPersonalDataFlag, type FreeTextField } from './personalData';
import { compareDayKeys, dayKeyOf, dayKeyParts, daysInMonth, type DayKey } from './time';

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

/** Closed (Selesai or Dialihkan), closed at least `years` years ago, and still holding identity data. */
export function isPurgeDue(c: Complaint, today: DayKey, years: number): boolean {
  if (!retentionEnabled(years) || !isClosed(c.status) || c.closedAt === null) return false;
  if (filledPersonalFields(c).length === 0) return false;
  return compareDayKeys(purgeDay(c.closedAt, years), today) <= 0;
}

/**
 * The copy without identity data, and with every NIK, phone and email in the free text replaced by a marker; a new
 * version stamped with who purged it. Nothing used by the report changes.
 */
export function purgeComplaint(c: Complaint, now: Date, by: string): Complaint {
  const next: Complaint = { ...c, ...purgeFreeText(c) };
  for (const f of PERSONAL_FIELDS) next[f] = '';
  next.verificationFlags = withPersonalDataFlag(next);
  next.version = c.version + 1;
  next.updatedAt = now;
  next.updatedBy = by;
  return next;
}
