// The register sheet as a RegisterPort: whole-column reads and one-row batched writes, never a call per row.
import type { Complaint } from '../domain/complaint';
import type { RegisterKeys, RegisterPort, StoredComplaint } from '../ports';
import {
  REGISTER_WIDTH,
  RESPONSE_ID_COLUMN,
  ROW_FORMATS,
  complaintToRow,
  responseIdOf,
  rowToComplaint,
} from './registerColumns';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows added at once when the grid is full, so growth costs one call per hundreds of complaints. */
const GROW_BY = 500;

export class RegisterSheet implements RegisterPort {
  constructor(private readonly sheet: Sheet) {}

  private lastRow(): number {
    return this.sheet.getLastRow();
  }

  keys(): RegisterKeys {
    const last = this.lastRow();
    if (last < 2) return { regNumbers: [], responseIds: [] };
    const regNumbers = this.sheet
      .getRange(2, 1, last - 1, 1)
      .getValues()
      .map((r) => String(r[0]));
    const responseIds = this.sheet
      .getRange(2, RESPONSE_ID_COLUMN, last - 1, 1)
      .getValues()
      .map((r) => String(r[0]));
    return { regNumbers, responseIds };
  }

  loadAll(): StoredComplaint[] {
    const last = this.lastRow();
    if (last < 2) return [];
    const values = this.sheet.getRange(2, 1, last - 1, REGISTER_WIDTH).getValues();
    const out: StoredComplaint[] = [];
    values.forEach((row, i) => {
      if (String(row[0]).trim() === '') return; // a blank row left by hand
      out.push({ row: i + 2, complaint: rowToComplaint(row), responseId: responseIdOf(row) });
    });
    return out;
  }

  find(regNumber: string): StoredComplaint | null {
    const last = this.lastRow();
    if (last < 2) return null;
    const numbers = this.sheet.getRange(2, 1, last - 1, 1).getValues();
    const index = numbers.findIndex((r) => String(r[0]) === regNumber);
    if (index < 0) return null;
    const row = index + 2;
    const values = this.sheet.getRange(row, 1, 1, REGISTER_WIDTH).getValues()[0];
    return { row, complaint: rowToComplaint(values), responseId: responseIdOf(values) };
  }

  append(complaint: Complaint, responseId: string): number {
    const row = this.lastRow() + 1;
    const capacity = this.sheet.getMaxRows();
    if (row > capacity) this.sheet.insertRowsAfter(capacity, GROW_BY);
    this.writeRow(row, complaint, responseId);
    return row;
  }

  write(stored: StoredComplaint): void {
    this.writeRow(stored.row, stored.complaint, stored.responseId);
  }

  /** Formats first, so text columns are plain text (`@`) before the values land: nothing typed becomes a formula. */
  private writeRow(row: number, complaint: Complaint, responseId: string): void {
    this.sheet
      .getRange(row, 1, 1, REGISTER_WIDTH)
      .setNumberFormats([[...ROW_FORMATS]])
      .setValues([complaintToRow(complaint, responseId)]);
  }
}
