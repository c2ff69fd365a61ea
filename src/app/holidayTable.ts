// The "Hari Libur" sheet: rows ↔ Holiday, with kinds shown as Indonesian labels staff can pick from a list.
import { HOLIDAY_KINDS, type Holiday, type HolidayKind } from '../domain/calendar';
import { dayKeyOf, instantAt, parseDayKey } from '../domain/time';
import { HOLIDAY_KIND_LABELS } from '../messages/domain';
import { HOLIDAY_HEADERS } from '../messages/sheets';
import { cellText } from '../lib/cells';

export { HOLIDAY_HEADERS };
export const HOLIDAY_KIND_CHOICES: readonly string[] = HOLIDAY_KINDS.map((k) => HOLIDAY_KIND_LABELS[k]);

function kindOf(label: string): HolidayKind | null {
  const v = label.trim().toLowerCase();
  for (const k of HOLIDAY_KINDS) if (v === k || v === HOLIDAY_KIND_LABELS[k].toLowerCase()) return k;
  return null;
}

/** Rows with an unreadable date or kind are skipped (the calendar then treats that day as a working day). */
export function parseHolidays(rows: readonly (readonly unknown[])[]): Holiday[] {
  const out: Holiday[] = [];
  for (const row of rows) {
    const cell = row[0];
    const day =
      Object.prototype.toString.call(cell) === '[object Date]'
        ? dayKeyOf(cell as Date)
        : parseDayKey(cellText(cell).trim());
    const kind = kindOf(cellText(row[2]));
    if (!day || !kind) continue;
    out.push({ date: day, name: cellText(row[1]), kind, source: cellText(row[3]) });
  }
  return out;
}

export function holidayRow(h: Holiday): [Date, string, string, string] {
  return [instantAt(h.date), h.name, HOLIDAY_KIND_LABELS[h.kind], h.source];
}
