// The audit log sheet: append-only, every batch of entries in one write.
import type { AuditEntry, AuditPort } from '../ports';
import { rowRange } from './registerSheet';

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
    // The grid grows only when the rows lie past its end (no call to ask its size each time).
    rowRange(this.sheet, row, AUDIT_HEADERS.length, entries.length)
      .setNumberFormats(entries.map(() => FORMATS))
      .setValues(entries.map((e) => [e.at, e.actor, e.role, e.action, e.regNumber, e.before, e.after, e.note]));
  }
}
