// The bound spreadsheet and its sheets: found with one getSheets() call, read in whole rows.
import { TEXT } from '../messages/ui';

import { SHEET_NAMES } from '../messages/sheets';

export { SHEET_NAMES };

export type SheetKey = keyof typeof SHEET_NAMES;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Tables up to this many columns are read to the bottom of the grid without asking for their last row. */
const OPEN_READ_MAX_WIDTH = 4;

export class NotConfiguredError extends Error {
  constructor() {
    super(TEXT.notConfigured);
  }
}

export class Workbook {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  private readonly byName = new Map<string, Sheet>();

  constructor(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()) {
    this.spreadsheet = spreadsheet;
    for (const sheet of spreadsheet.getSheets()) this.byName.set(sheet.getName(), sheet);
  }

  has(key: SheetKey): boolean {
    return this.byName.has(SHEET_NAMES[key]);
  }

  sheet(key: SheetKey): Sheet {
    const sheet = this.byName.get(SHEET_NAMES[key]);
    if (!sheet) throw new NotConfiguredError();
    return sheet;
  }

  /** Adds a sheet created after construction (setup). */
  remember(sheet: Sheet): void {
    this.byName.set(sheet.getName(), sheet);
  }

  /**
   * The data rows under the header, `width` columns wide. A narrow table is read to the bottom of its grid in one
   * call (trailing blank rows dropped): cheaper than asking its last row first, which costs ~160 ms in Apps Script
   * (a 1,000-row grid of 4 columns costs ~120 ms of cells). A wide one asks its last row, then reads: two calls.
   */
  rows(key: SheetKey, width: number): unknown[][] {
    const sheet = this.sheet(key);
    if (width <= OPEN_READ_MAX_WIDTH) {
      // From row 1 (which always exists), so even a one-row grid reads without error; the header is dropped.
      const values = sheet
        .getRange(`A1:${String.fromCharCode(64 + width)}`)
        .getValues()
        .slice(1);
      let end = values.length;
      while (end > 0 && values[end - 1].every((v) => v === '' || v === null)) end -= 1;
      return values.slice(0, end);
    }
    const last = sheet.getLastRow();
    if (last < 2) return [];
    return sheet.getRange(2, 1, last - 1, width).getValues();
  }

  url(): string {
    return this.spreadsheet.getUrl();
  }
}
