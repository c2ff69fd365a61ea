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

  /**
   * Whether the person the script runs as may append here: Sheets refuses a protected sheet's write by anyone not
   * among its editors (setup lists the active team; someone added to "Tim" later is missing until setup runs again).
   * Two calls.
   */
  canAppend(): boolean {
    return this.sheet
      .getProtections(SpreadsheetApp.ProtectionType.SHEET)
      .every((p) => p.isWarningOnly() || p.canEdit());
  }

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
