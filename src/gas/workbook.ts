// The bound spreadsheet and its sheets: found with one getSheets() call, read in whole rows.
import { TEXT } from '../messages/ui';

export const SHEET_NAMES = {
  register: 'Register',
  team: 'Tim',
  units: 'Unit',
  holidays: 'Hari Libur',
  settings: 'Pengaturan',
  audit: 'Log Audit',
  report: 'Laporan',
  ratings: 'Penilaian',
  letters: 'Register Surat',
} as const;

export type SheetKey = keyof typeof SHEET_NAMES;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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

  /** The data rows under the header, `width` columns wide: two calls whatever the size. */
  rows(key: SheetKey, width: number): unknown[][] {
    const sheet = this.sheet(key);
    const last = sheet.getLastRow();
    if (last < 2) return [];
    return sheet.getRange(2, 1, last - 1, width).getValues();
  }

  url(): string {
    return this.spreadsheet.getUrl();
  }
}
