// SpreadsheetApp: the service object the bundle sees, and the harness control over its spreadsheets.
// Call kinds: getActive* and builders are 'local' (the bound file is already open); openById and
// flush are 'sheets.meta'; create is 'drive'.
import { MIME, type EmuContext } from '../core/context';
import { expose } from '../core/expose';
import type { UiControl, UiGlobal } from '../ui';
import { cellA1 } from './a1';
import { NO_SPREADSHEET_ACCESS } from './access';
export { NO_SPREADSHEET_ACCESS, NO_SPREADSHEET_EDIT } from './access';
import { displayValue } from './cells';
import { GENERAL } from './format';
import { BorderStyle, BooleanCriteria, DataValidationCriteria, ProtectionType } from './enums';
import type { Range } from './range';
import { computeCell } from './range';
import {
  newConditionalFormatRule,
  newDataValidation,
  type ConditionalFormatRuleBuilder,
  type DataValidationBuilder,
} from './rules';
import type { Sheet } from './sheet';
import { makeSpreadsheet, type Spreadsheet } from './spreadsheet';

export type { Range } from './range';
export type { Sheet } from './sheet';
export type { Spreadsheet, Toast } from './spreadsheet';
export type { Protection } from './protection';

const FULL_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export interface SpreadsheetAppGlobal {
  ProtectionType: typeof ProtectionType;
  DataValidationCriteria: typeof DataValidationCriteria;
  BooleanCriteria: typeof BooleanCriteria;
  BorderStyle: typeof BorderStyle;
  create(name: string, rows?: number, columns?: number): Spreadsheet;
  getActiveSpreadsheet(): Spreadsheet | null;
  getActive(): Spreadsheet | null;
  getActiveSheet(): Sheet | null;
  getActiveRange(): Range | null;
  openById(id: string): Spreadsheet;
  openByUrl(url: string): Spreadsheet;
  flush(): void;
  getUi(): UiGlobal;
  newDataValidation(): DataValidationBuilder;
  newConditionalFormatRule(): ConditionalFormatRuleBuilder;
}

export interface Peek {
  values: unknown[][];
  display: string[][];
  formulas: string[][];
  formats: string[][];
}

export interface SheetsControl {
  /** Creates the bound spreadsheet (the one the add-on runs in) and makes it active. */
  createBound(name?: string): Spreadsheet;
  /** Creates another spreadsheet in the emulated Drive without counting a call. */
  create(name: string, rows?: number, columns?: number): Spreadsheet;
  active(): Spreadsheet | null;
  setActive(ss: Spreadsheet | null): void;
  byId(id: string): Spreadsheet | null;
  /** The OAuth scopes granted (from the manifest); null = everything allowed. */
  setScopes(scopes: string[] | null): void;
  /** Selects a range as if the user clicked it. */
  select(sheet: Sheet, a1: string): void;
  /** Reads a range without counting calls (assertions in tests). `a1` defaults to the data range. */
  peek(sheet: Sheet, a1?: string): Peek;
  /** Everything recorded on a sheet (frozen rows, widths, rules, protections, charts). */
  state(sheet: Sheet): ReturnType<Sheet['_state']>;
  /** A1 of cells whose value breaks their data validation (Sheets flags them; scripts may write them). */
  invalidCells(sheet: Sheet): string[];
}

function raw(ss: Spreadsheet | Sheet): { _ss?: Spreadsheet } {
  return ss as unknown as { _ss?: Spreadsheet };
}

export function createSpreadsheetApp(
  ctx: EmuContext,
  ui: { global: UiGlobal; control: UiControl },
): { global: SpreadsheetAppGlobal; control: SheetsControl } {
  let active: Spreadsheet | null = null;
  let scopes: string[] | null = null;
  const toast = (t: Parameters<UiControl['toasts']['push']>[0]): void => void ui.control.toasts.push(t);
  const make = (name: string, rows?: number, cols?: number): Spreadsheet =>
    makeSpreadsheet(ctx, name, toast, rows, cols);

  const requireFullScope = (method: string): void => {
    if (scopes && !scopes.includes(FULL_SCOPE)) {
      throw new Error(
        `Exception: You do not have permission to call SpreadsheetApp.${method}. Required permissions: ${FULL_SCOPE}`,
      );
    }
  };
  const open = (id: string, method: string): Spreadsheet => {
    const entry = ctx.files.get(id);
    if (!entry || entry.trashed || entry.mimeType !== MIME.spreadsheet) {
      throw new Error(
        `Exception: Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
      );
    }
    requireFullScope(method);
    if (!ctx.access.can(entry, ctx.users.effective, 'viewer')) throw new Error(NO_SPREADSHEET_ACCESS);
    return entry.payload as Spreadsheet;
  };

  // In a web app the bound file may not be "active" (see core/execution.ts, WebAppContext).
  const bound = (): Spreadsheet | null => (ctx.execution.webApp?.activeSpreadsheet === 'none' ? null : active);

  const app: SpreadsheetAppGlobal = {
    ProtectionType,
    DataValidationCriteria,
    BooleanCriteria,
    BorderStyle,
    create(name: string, rows?: number, columns?: number): Spreadsheet {
      requireFullScope('create');
      return make(name, rows, columns);
    },
    getActiveSpreadsheet: () => bound(),
    getActive: () => bound(),
    getActiveSheet: () => bound()?.getActiveSheet() ?? null,
    getActiveRange: () => bound()?.getActiveRange() ?? null,
    openById: (id: string) => open(id, 'openById'),
    openByUrl: (url: string) => open(/\/d\/([^/]+)/.exec(url)?.[1] ?? '', 'openByUrl'),
    flush: () => undefined,
    getUi(): UiGlobal {
      if (!ui.control.available) throw new Error('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
      return ui.global;
    },
    newDataValidation: () => newDataValidation(ctx.calls),
    newConditionalFormatRule: () => newConditionalFormatRule(ctx.calls),
  };
  const global = expose(ctx.calls, 'SpreadsheetApp', app, {
    default: 'local',
    create: 'drive',
    openById: 'sheets.meta',
    openByUrl: 'sheets.meta',
    flush: 'sheets.meta',
    getActiveSheet: 'sheets.meta',
    getActiveRange: 'sheets.meta',
  });

  const rawSheet = (sheet: Sheet): Sheet => {
    const ss = raw(sheet)._ss;
    if (!ss) throw new Error('emulator: not a sheet');
    return ss._raw(sheet);
  };

  const control: SheetsControl = {
    createBound(name = 'Dumas') {
      active = make(name);
      return active;
    },
    create: (name, rows, columns) => make(name, rows, columns),
    active: () => active,
    setActive: (ss) => void (active = ss),
    byId: (id) => (ctx.files.get(id)?.payload as Spreadsheet | undefined) ?? null,
    setScopes: (s) => void (scopes = s),
    select(sheet, a1) {
      const s = rawSheet(sheet);
      s._ss._select(s, a1);
    },
    peek(sheet, a1) {
      const s = rawSheet(sheet);
      const r = a1 === undefined ? s.getDataRange() : s.getRange(a1);
      const tz = s._ss._tz();
      return {
        values: r._readValues(),
        display: r._map((cell, row, col) => displayValue(computeCell(s, row, col), cell?.format, tz)),
        formulas: r._map((cell) => cell?.formula ?? ''),
        formats: r._map((cell) => cell?.format ?? GENERAL),
      };
    },
    state: (sheet) => rawSheet(sheet)._state(),
    invalidCells(sheet) {
      const s = rawSheet(sheet);
      const out: string[] = [];
      s._rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell?.validation) return;
          const value = s._range(r + 1, c + 1, 1, 1)._readValues()[0][0];
          if (!cell.validation._accepts(value)) out.push(cellA1(r + 1, c + 1));
        }),
      );
      return out;
    },
  };
  return { global, control };
}
