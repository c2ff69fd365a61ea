// One spreadsheet file: its sheets, the active sheet and selection, named ranges, editors.
// Call kinds: id/name/url are 'local'; sheet lookups and structure are 'sheets.meta'; sheet
// creation and deletion 'sheets.write'; toast 'ui'; editor changes 'drive'.
import { MIME, type DriveEntry, type EmuContext } from '../core/context';
import { expose, type KindMap } from '../core/expose';
import { parseA1 } from './a1';
import { msFromSerial, serialFromMs } from './tz';
import { isDateValue } from './values';
import { signatureError } from './errors';
import { makeUser, type Protection, type ProtectionOwner, type User } from './protection';
import type { Range } from './range';
import { makeSheet, type Sheet } from './sheet';
import { jsString } from '../core/text';

export const SPREADSHEET_KINDS: KindMap = {
  default: 'sheets.meta',
  getId: 'local',
  getName: 'local',
  getUrl: 'local',
  insertSheet: 'sheets.write',
  appendRow: 'sheets.write',
  deleteSheet: 'sheets.write',
  rename: 'drive',
  setNamedRange: 'sheets.write',
  removeNamedRange: 'sheets.write',
  setSpreadsheetTimeZone: 'sheets.write',
  toast: 'ui',
  addEditor: 'drive',
  addEditors: 'drive',
  removeEditor: 'drive',
  getEditors: 'drive',
  getOwner: 'drive',
};

const CELL_LIMIT = 10_000_000;

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
  spreadsheetId: string;
  at: number;
}

export class Spreadsheet implements ProtectionOwner {
  _proxy!: Spreadsheet;
  _sheets: Sheet[] = [];
  _active!: Sheet;
  _activeRange: Range | null = null;
  _timeZone: string | null = null;
  _named = new Map<string, Range>();
  _evaluating = new Set<string>();
  private _sheetSeq = 0;

  constructor(
    readonly _ctx: EmuContext,
    readonly _entry: DriveEntry,
    private readonly _onToast: (t: Toast) => void,
  ) {}

  // ---- internals ------------------------------------------------------------------------------

  _tz(): string {
    return this._timeZone ?? this._ctx.timeZone;
  }
  _sheetByName(name: string): Sheet | null {
    const lower = name.toLowerCase(); // Sheets' sheet names are unique regardless of case
    return this._sheets.find((s) => s._name.toLowerCase() === lower) ?? null;
  }
  _checkNameFree(name: string, except?: Sheet): void {
    const other = this._sheetByName(name);
    if (other && other !== except)
      throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
  }
  _checkCellLimit(extra: number): void {
    const used = this._sheets.reduce((n, s) => n + s._maxRows * s._maxColumns, 0);
    if (used + extra > CELL_LIMIT)
      throw new Error(
        `Exception: This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`,
      );
  }
  _addSheet(name: string, index: number, rows = 1000, cols = 26): Sheet {
    this._checkNameFree(name);
    this._checkCellLimit(rows * cols);
    const id = this._sheetSeq === 0 ? 0 : (this._sheetSeq * 1_234_567_891) % 2_000_000_000;
    this._sheetSeq += 1;
    const sheet = makeSheet(this, name, id, rows, cols);
    this._sheets.splice(Math.max(0, Math.min(index, this._sheets.length)), 0, sheet);
    return sheet;
  }
  _raw(sheet: Sheet): Sheet {
    const raw = this._sheets.find((s) => s._id === sheet._id && !s._deleted);
    if (!raw) throw new Error('Exception: Sheet not found');
    return raw;
  }
  _activate(sheet: Sheet): void {
    this._active = sheet;
    this._activeRange = sheet._range(1, 1, 1, 1);
  }
  /** Sets the user's selection (the harness: "the user clicked row 5"). */
  _select(sheet: Sheet, range: Range | string): void {
    const raw = this._raw(sheet);
    this._active = raw;
    this._activeRange = typeof range === 'string' ? raw.getRange(range) : range;
  }
  _owner(): string {
    return this._entry.owner;
  }
  _editorsOfFile(): string[] {
    return [...this._entry.editors];
  }
  _effectiveUser(): string {
    return this._ctx.users.effective;
  }
  _removeProtection(p: Protection): void {
    for (const s of this._sheets) {
      if (s._sheetProtection === p) s._sheetProtection = null;
      s._rangeProtections = s._rangeProtections.filter((x) => x !== p);
    }
  }

  /** Forms whose responses go to this spreadsheet, with the sheet each writes to. */
  _formLinks(): { url: string; sheetName: string }[] {
    return this._ctx.files.all().flatMap((e) => {
      if (e.trashed || e.mimeType !== MIME.form) return [];
      const d = (e.payload as { destination?: { id: string; sheetName: string } | null }).destination;
      // unverified: the URL form Sheets returns (a viewform URL, which FormApp.openByUrl accepts).
      return d && d.id === this._entry.id
        ? [{ url: `https://docs.google.com/forms/d/${e.id}/viewform`, sheetName: d.sheetName }]
        : [];
    });
  }

  // ---- identity -------------------------------------------------------------------------------

  getId(): string {
    return this._entry.id;
  }
  getName(): string {
    return this._entry.name;
  }
  rename(name: string): void {
    this._entry.name = name;
    this._ctx.files.touch(this._entry.id);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._entry.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this._tz();
  }
  /**
   * Sheets stores a date as a serial number (wall time): changing the zone keeps what every date cell shows and
   * moves the instant it stands for (Sheets Help, "Change a spreadsheet's locale, time zone…": dates keep their value).
   */
  setSpreadsheetTimeZone(timeZone: string): void {
    const from = this._tz();
    this._timeZone = timeZone;
    if (from === timeZone) return;
    for (const sheet of this._sheets)
      for (const row of sheet._rows)
        for (const cell of row ?? []) {
          if (cell && isDateValue(cell.value))
            cell.value = { date: msFromSerial(timeZone, serialFromMs(from, cell.value.date)) };
        }
  }
  /** The URL of the form that sends its responses here, or null. */
  getFormUrl(): string | null {
    return this._formLinks()[0]?.url ?? null;
  }
  /** Appends to the active sheet (Spreadsheet.appendRow), returning that sheet. */
  appendRow(rowContents: unknown[]): Sheet {
    this._active.appendRow(rowContents);
    return this._active._proxy;
  }
  getSpreadsheetLocale(): string {
    return 'en_US';
  }

  // ---- sheets ---------------------------------------------------------------------------------

  getSheets(): Sheet[] {
    return this._sheets.map((s) => s._proxy);
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    return this._sheetByName(name)?._proxy ?? null;
  }
  getSheetById(id: number): Sheet | null {
    return this._sheets.find((s) => s._id === id)?._proxy ?? null;
  }
  insertSheet(...args: unknown[]): Sheet {
    const [a, b] = args;
    let name: string | undefined;
    let index = this._sheets.length;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    else if (a !== undefined && (typeof a !== 'object' || a === null))
      throw signatureError('Spreadsheet.insertSheet', args);
    if (typeof b === 'number') index = b;
    if (name === undefined) {
      let n = this._sheets.length + 1;
      while (this._sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const sheet = this._addSheet(name, index);
    this._activate(sheet); // insertSheet makes the new sheet active, as in Sheets
    return sheet._proxy;
  }
  deleteSheet(sheet: Sheet): void {
    const raw = this._raw(sheet);
    raw._guardWrite();
    if (this._sheets.filter((s) => !s._hidden && s !== raw).length === 0) {
      throw new Error("Exception: You can't remove all the visible sheets in a document.");
    }
    raw._deleted = true;
    this._sheets = this._sheets.filter((s) => s !== raw);
    if (this._active === raw) this._activate(this._sheets[0]);
  }
  getActiveSheet(): Sheet {
    return this._active._proxy;
  }
  setActiveSheet(sheet: Sheet): Sheet {
    const raw = this._raw(sheet);
    this._activate(raw);
    return raw._proxy;
  }
  getActiveRange(): Range | null {
    return this._activeRange;
  }
  getActiveCell(): Range {
    const r = this._activeRange ?? this._active._range(1, 1, 1, 1);
    return r._sheet._range(r._row, r._col, 1, 1);
  }
  getCurrentCell(): Range {
    return this.getActiveCell();
  }
  setActiveRange(range: Range): Range {
    this._select(range._sheet, range);
    return range;
  }
  getRange(a1: string): Range {
    const ref = parseA1(a1);
    if (!ref) throw new Error('Exception: Range not found');
    const sheet = ref.sheetName === null ? this._active : this._sheetByName(ref.sheetName);
    if (!sheet) throw new Error('Exception: Range not found');
    return sheet.getRange(a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1);
  }
  getRangeByName(name: string): Range | null {
    return this._named.get(name) ?? null;
  }
  setNamedRange(name: string, range: Range): void {
    this._named.set(name, range);
  }
  removeNamedRange(name: string): void {
    this._named.delete(name);
  }
  getProtections(type: string | GoogleAppsScript.Spreadsheet.ProtectionType): Protection[] {
    return this._sheets.flatMap((s) => s.getProtections(type));
  }

  // ---- people and messages --------------------------------------------------------------------

  toast(message: unknown, title?: unknown, timeoutSeconds?: number): void {
    this._onToast({
      message: String(message),
      title: title === undefined ? '' : jsString(title),
      timeoutSeconds: timeoutSeconds ?? 5,
      spreadsheetId: this._entry.id,
      at: this._ctx.clock.now(),
    });
  }
  addEditor(user: string | User): this {
    return this.addEditors([user]);
  }
  addEditors(users: (string | User)[]): this {
    for (const u of users) {
      const email = typeof u === 'string' ? u : u.getEmail();
      if (!this._entry.editors.includes(email) && email !== this._entry.owner) this._entry.editors.push(email);
    }
    return this;
  }
  removeEditor(user: string | User): this {
    const email = typeof user === 'string' ? user : user.getEmail();
    this._entry.editors = this._entry.editors.filter((e) => e !== email);
    return this;
  }
  getEditors(): User[] {
    return [this._entry.owner, ...this._entry.editors].map((e) => makeUser(this._ctx.calls, e));
  }
  getOwner(): User {
    return makeUser(this._ctx.calls, this._entry.owner);
  }
}

/** Creates a spreadsheet with one 1000×26 sheet "Sheet1", registered in the emulated Drive. */
export function makeSpreadsheet(
  ctx: EmuContext,
  name: string,
  onToast: (t: Toast) => void,
  rows = 1000,
  cols = 26,
): Spreadsheet {
  const entry = ctx.files.add({ id: ctx.files.newId('ss'), name, mimeType: MIME.spreadsheet, payload: null });
  const raw = new Spreadsheet(ctx, entry, onToast);
  raw._proxy = expose(ctx.calls, 'Spreadsheet', raw, SPREADSHEET_KINDS);
  entry.payload = raw._proxy;
  raw._activate(raw._addSheet('Sheet1', 0, rows, cols));
  return raw._proxy;
}
