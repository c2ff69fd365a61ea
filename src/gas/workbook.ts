// The spreadsheets Dumas keeps its sheets in, and the sheets: each found with one getSheets() call, read in whole rows.
//
// One bound project (today's deployment): every sheet lives in the active spreadsheet. The split deployment (a
// standalone core, docs/security.md §1): the core's Script Properties name two spreadsheets, the **vault** (owned by
// the Administrator's account, shared with no one: everything holding identity or complaint text) and the **office**
// (the team's spreadsheet: configuration, the report and a register view without identity). SHEET_HOMES is the one
// table of which sheet lives where; each spreadsheet is opened only when one of its sheets is first needed.
import { TEXT } from '../messages/ui';

import { SHEET_NAMES } from '../messages/sheets';

export { SHEET_NAMES };

export type SheetKey = keyof typeof SHEET_NAMES;
export type Home = 'vault' | 'office';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Where each sheet lives in the split deployment (docs/security.md, "Where the core keeps its data"). */
export const SHEET_HOMES: Readonly<Record<SheetKey, Home>> = {
  register: 'vault', // identity, access codes, complaint text
  audit: 'vault', // before/after values of every change, identity included
  ratings: 'vault', // complainants' comments (names, phones written in them)
  letters: 'vault', // letter numbers per complaint, verification codes
  team: 'office',
  units: 'office',
  holidays: 'office',
  settings: 'office',
  replyTemplates: 'office',
  categories: 'office',
  report: 'office', // monthly figures only
  registerView: 'office', // the register's projection without identity (registerView.ts)
};

/** Sheets that exist only in the split deployment. */
const SPLIT_ONLY: ReadonlySet<SheetKey> = new Set<SheetKey>(['registerView']);

/** Script Properties of the core naming its spreadsheets; the office's id turns the split deployment on. */
export const OFFICE_ID_KEY = 'DUMAS_OFFICE_ID';
export const VAULT_ID_KEY = 'DUMAS_VAULT_ID';

export interface SplitIds {
  office: string;
  /** '' until setup has created the vault. */
  vault: string;
}

/** The split deployment's ids from the core's Script Properties (one read), or null when the office is not named. */
export function readSplitIds(): SplitIds | null {
  return splitIdsFrom(PropertiesService.getScriptProperties().getProperties());
}

/** The split deployment's ids from Script Properties already read, or null when the office is not named. */
export function splitIdsFrom(all: Readonly<Record<string, string>>): SplitIds | null {
  const office = (all[OFFICE_ID_KEY] ?? '').trim();
  if (office === '') return null;
  return { office, vault: (all[VAULT_ID_KEY] ?? '').trim() };
}

/**
 * The split deployment's ids, or null for a bound project. A container-bound execution never reads the properties
 * (its active spreadsheet is its home); a standalone one (no active spreadsheet) reads them once.
 */
export function splitIds(): SplitIds | null {
  return SpreadsheetApp.getActiveSpreadsheet() !== null ? null : readSplitIds();
}

/**
 * Tables up to this many columns (every config sheet, Tim's 9 included) are read to the bottom of the grid without
 * asking for their last row: setup keeps their grids at 50 blank rows under the data (setup.ts, trimGrid).
 */
const OPEN_READ_MAX_WIDTH = 9;

export class NotConfiguredError extends Error {
  constructor() {
    super(TEXT.notConfigured);
  }
}

interface Opened {
  spreadsheet: Spreadsheet;
  byName: Map<string, Sheet>;
}

function opened(spreadsheet: Spreadsheet): Opened {
  const byName = new Map<string, Sheet>();
  for (const sheet of spreadsheet.getSheets()) byName.set(sheet.getName(), sheet);
  return { spreadsheet, byName };
}

export class Workbook {
  /** True in the split deployment (a standalone core with an office spreadsheet). */
  readonly split: boolean;
  private readonly homes: Record<Home, () => Opened | null>;

  /**
   * With a spreadsheet: every sheet in it. Without: the active spreadsheet (a bound project), or the core's vault and
   * office (splitIds; `ids` when the caller has read them already).
   */
  constructor(spreadsheet?: Spreadsheet, ids?: SplitIds | null) {
    const single = spreadsheet ?? (ids ? null : SpreadsheetApp.getActiveSpreadsheet());
    const found = single ? null : (ids ?? readSplitIds());
    if (!found) {
      if (!single) throw new NotConfiguredError();
      const one = opened(single);
      this.split = false;
      this.homes = { vault: () => one, office: () => one };
      return;
    }
    this.split = true;
    const lazy = (id: string): (() => Opened | null) => {
      let value: Opened | null | undefined;
      return () => (value === undefined ? (value = id === '' ? null : opened(SpreadsheetApp.openById(id))) : value);
    };
    this.homes = { vault: lazy(found.vault), office: lazy(found.office) };
  }

  private home(key: SheetKey): Opened | null {
    if (!this.split && SPLIT_ONLY.has(key)) return null;
    return this.homes[SHEET_HOMES[key]]();
  }

  /** The spreadsheet a home is (the active one for both in a bound project). */
  spreadsheetOf(home: Home): Spreadsheet {
    const h = this.homes[home]();
    if (!h) throw new NotConfiguredError();
    return h.spreadsheet;
  }

  /** The spreadsheet `key` lives in. */
  spreadsheetFor(key: SheetKey): Spreadsheet {
    return this.spreadsheetOf(SHEET_HOMES[key]);
  }

  has(key: SheetKey): boolean {
    return this.home(key)?.byName.has(SHEET_NAMES[key]) ?? false;
  }

  sheet(key: SheetKey): Sheet {
    const sheet = this.home(key)?.byName.get(SHEET_NAMES[key]);
    if (!sheet) throw new NotConfiguredError();
    return sheet;
  }

  /** Creates `key` in its home (setup, the report) and remembers it. */
  insert(key: SheetKey): Sheet {
    const home = this.home(key);
    if (!home) throw new NotConfiguredError();
    const sheet = home.spreadsheet.insertSheet(SHEET_NAMES[key]);
    home.byName.set(sheet.getName(), sheet);
    return sheet;
  }

  /**
   * The data rows under the header, `width` columns wide. A narrow table is read to the bottom of its grid in one
   * call (trailing blank rows dropped): cheaper than asking its last row first, which costs ~160 ms in Apps Script
   * (a trimmed grid of 60 rows × 9 columns costs ~16 ms of cells). A wide one asks its last row, then reads.
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

  /** The team's spreadsheet (links in staff emails): the office in the split deployment. */
  url(): string {
    return this.spreadsheetOf('office').getUrl();
  }

  /** The sheet staff open a complaint's row in: the register view in the split deployment, else the register. */
  registerSheetForLinks(): Sheet {
    return this.sheet(this.split ? 'registerView' : 'register');
  }
}
