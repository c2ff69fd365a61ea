// The audit log sheet: append-only, every batch of entries in one write.
import type { AuditEntry, AuditPort } from '../ports';

export const AUDIT_HEADERS = [
  'Waktu',
  'Pengguna',
  'Peran',
  'Aksi',
  'No. Registrasi',
  'Sebelum',
  'Sesudah',
  'Catatan',
] as const;
const FORMATS = ['dd/mm/yyyy hh:mm:ss', '@', '@', '@', '@', '@', '@', '@'];

export class AuditSheet implements AuditPort {
  constructor(private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet) {}

  append(entries: readonly AuditEntry[]): void {
    if (entries.length === 0) return;
    const row = this.sheet.getLastRow() + 1;
    const capacity = this.sheet.getMaxRows();
    if (row + entries.length - 1 > capacity) this.sheet.insertRowsAfter(capacity, Math.max(500, entries.length));
    this.sheet
      .getRange(row, 1, entries.length, AUDIT_HEADERS.length)
      .setNumberFormats(entries.map(() => FORMATS))
      .setValues(entries.map((e) => [e.at, e.actor, e.role, e.action, e.regNumber, e.before, e.after, e.note]));
  }
}
