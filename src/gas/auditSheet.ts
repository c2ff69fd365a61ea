// The audit log sheet: append-only, every batch of entries in one write.
import type { AuditEntry, AuditPort } from '../ports';
import { cellText } from '../lib/cells';
import { rowRange } from './registerSheet';

import { AUDIT_HEADERS } from '../messages/sheets';

export { AUDIT_HEADERS };
const FORMATS = ['dd/mm/yyyy hh:mm:ss', '@', '@', '@', '@', '@', '@', '@'];

/** How far back appendOnce looks for a retried step's own row (one read of this many rows). */
export const RETRY_WINDOW = 20;

const sameStep = (e: AuditEntry, row: readonly unknown[]): boolean =>
  [e.actor, e.role, e.action, e.regNumber, e.before, e.after, e.note].every((v, i) => cellText(row[i + 1]) === v);

export class AuditSheet implements AuditPort {
  /** The log's last row as this execution's own append left it (null before any). */
  private written: number | null = null;

  constructor(private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet) {}

  /**
   * The log's last row right after this execution's append, or null before any: what a history read after the
   * action needs instead of asking the sheet again (160 ms). Rows another execution appends afterwards are left out,
   * as they would be had the history been read a moment earlier.
   */
  lastRowWritten(): number | null {
    return this.written;
  }

  appendOnce(entries: readonly AuditEntry[]): void {
    const last = this.sheet.getLastRow();
    const n = Math.min(RETRY_WINDOW, last - 1);
    const recent = n > 0 ? this.sheet.getRange(last - n + 1, 1, n, AUDIT_HEADERS.length).getValues() : [];
    const fresh = entries.filter((e) => e.regNumber === '' || !recent.some((row) => sameStep(e, row)));
    this.written = last;
    this.appendAt(last + 1, fresh);
  }

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
    this.appendAt(this.sheet.getLastRow() + 1, entries);
  }

  private appendAt(row: number, entries: readonly AuditEntry[]): void {
    if (entries.length === 0) return;
    // The grid grows only when the rows lie past its end (no call to ask its size each time).
    rowRange(this.sheet, row, AUDIT_HEADERS.length, entries.length)
      .setNumberFormats(entries.map(() => FORMATS))
      .setValues(entries.map((e) => [e.at, e.actor, e.role, e.action, e.regNumber, e.before, e.after, e.note]));
    this.written = row + entries.length - 1;
  }
}
