// A rectangle of cells on one sheet. Call kinds: position getters (getRow, getA1Notation, offset...)
// are 'local'; value and format reads are 'sheets.read'; writes are 'sheets.write'; both attach
// their cell count (rows × columns) so bulk reads and writes are priced per cell.
import { expose, type KindMap } from '../core/expose';
import { rangeA1 } from './a1';
import { checkCellSize, clearContent, displayValue, outputValue, writeInput, type Cell, type Computed } from './cells';
import { signatureError } from './errors';
import { GENERAL } from './format';
import { computeFormula, FormulaError } from './formula';
import { newDataValidation, type DataValidation } from './rules';
import type { Protection } from './protection';
import type { Sheet } from './sheet';

const LOCAL = [
  'getA1Notation',
  'getRow',
  'getRowIndex',
  'getColumn',
  'getNumRows',
  'getNumColumns',
  'getLastRow',
  'getLastColumn',
  'getSheet',
  'getGridId',
  'offset',
  'getCell',
];
const READS = [
  'getValue',
  'getValues',
  'getDisplayValue',
  'getDisplayValues',
  'getFormula',
  'getFormulas',
  'getNumberFormat',
  'getNumberFormats',
  'getDataValidation',
  'getDataValidations',
  'getBackground',
  'getBackgrounds',
  'getFontWeight',
  'getFontWeights',
  'getFontColor',
  'getNote',
  'getNotes',
  'getWrap',
  'getHorizontalAlignment',
  'isBlank',
];

export const RANGE_KINDS: KindMap = {
  default: 'sheets.write',
  ...Object.fromEntries(LOCAL.map((m) => [m, 'local'])),
  ...Object.fromEntries(READS.map((m) => [m, 'sheets.read'])),
  activate: 'sheets.meta',
};

/** The computed content of a cell: its formula's result (errors as FormulaError) or its value. */
export function computeCell(sheet: Sheet, row: number, col: number): Computed {
  const cell = sheet._cell(row, col);
  if (!cell) return null;
  if (cell.formula === undefined) return cell.value;
  const ss = sheet._ss;
  const key = `${sheet._id}:${row}:${col}`;
  if (ss._evaluating.has(key)) return new FormulaError('#REF!'); // circular dependency, as Sheets reports it
  ss._evaluating.add(key);
  try {
    return computeFormula(cell.formula, {
      timeZone: ss._tz(),
      now: () => ss._ctx.clock.now(),
      cell: (sheetName, r, c) => {
        const target = sheetName === null ? sheet : ss._sheetByName(sheetName);
        if (!target || r > target._maxRows || c > target._maxColumns) return new FormulaError('#REF!');
        return computeCell(target, r, c);
      },
    });
  } finally {
    ss._evaluating.delete(key);
  }
}

function rowsMismatch(has: number, want: number): Error {
  return new Error(
    `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${has} but the range has ${want}.`,
  );
}
function columnsMismatch(has: number, want: number): Error {
  return new Error(
    `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${has} but the range has ${want}.`,
  );
}

export class Range {
  _proxy!: Range;

  constructor(
    readonly _sheet: Sheet,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {}

  // ---- internals (not counted) ----------------------------------------------------------------

  private get _tzName(): string {
    return this._sheet._ss._tz();
  }

  _map<T>(fn: (cell: Cell | undefined, row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this._numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < this._numCols; j++)
        line.push(fn(this._sheet._cell(this._row + i, this._col + j), this._row + i, this._col + j));
      out.push(line);
    }
    return out;
  }

  /** Applies `fn` to every cell (created on demand), then drops cells left empty. */
  _write(fn: (cell: Cell, i: number, j: number) => void): void {
    this._sheet._guardWrite(this._row, this._col, this._numRows, this._numCols);
    for (let i = 0; i < this._numRows; i++) {
      for (let j = 0; j < this._numCols; j++) {
        fn(this._sheet._cellForWrite(this._row + i, this._col + j), i, j);
        this._sheet._tidy(this._row + i, this._col + j);
      }
    }
  }

  _count(): void {
    this._sheet._ctx.calls.cells(this._numRows * this._numCols);
  }

  _readValues(): unknown[][] {
    const ctx = this._sheet._ctx;
    return this._map((cell, r, c) =>
      outputValue(computeCell(this._sheet, r, c), cell?.format, this._tzName, (ms) => ctx.newDate(ms)),
    );
  }

  _a1(): string {
    return rangeA1(this._row, this._col, this._numRows, this._numCols);
  }

  private _check2D(method: string, data: unknown, args: unknown[]): unknown[][] {
    if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) throw signatureError(`Range.${method}`, args);
    const rows = data as unknown[][];
    if (rows.length !== this._numRows) throw rowsMismatch(rows.length, this._numRows);
    for (const row of rows) if (row.length !== this._numCols) throw columnsMismatch(row.length, this._numCols);
    return rows;
  }

  // ---- position (local) -----------------------------------------------------------------------

  getA1Notation(): string {
    return this._a1();
  }
  getRow(): number {
    return this._row;
  }
  getRowIndex(): number {
    return this._row;
  }
  getColumn(): number {
    return this._col;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numCols;
  }
  getLastRow(): number {
    return this._row + this._numRows - 1;
  }
  getLastColumn(): number {
    return this._col + this._numCols - 1;
  }
  getSheet(): Sheet {
    return this._sheet._proxy;
  }
  getGridId(): number {
    return this._sheet._id;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this._sheet._checkedRange(
      this._row + rowOffset,
      this._col + columnOffset,
      numRows ?? this._numRows,
      numColumns ?? this._numCols,
    );
  }
  getCell(row: number, column: number): Range {
    if (row > this._numRows || column > this._numCols)
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    return this._sheet._checkedRange(this._row + row - 1, this._col + column - 1, 1, 1);
  }
  activate(): this {
    this._sheet._ss._select(this._sheet, this);
    return this;
  }

  // ---- values ---------------------------------------------------------------------------------

  getValues(): unknown[][] {
    this._count();
    return this._readValues();
  }
  getValue(): unknown {
    this._sheet._ctx.calls.cells(1);
    return this._sheet._range(this._row, this._col, 1, 1)._readValues()[0][0];
  }
  getDisplayValues(): string[][] {
    this._count();
    return this._map((cell, r, c) => displayValue(computeCell(this._sheet, r, c), cell?.format, this._tzName));
  }
  getDisplayValue(): string {
    this._sheet._ctx.calls.cells(1);
    const cell = this._sheet._cell(this._row, this._col);
    return displayValue(computeCell(this._sheet, this._row, this._col), cell?.format, this._tzName);
  }
  setValues(...args: unknown[]): this {
    const [values] = args as [unknown[][]];
    const rows = this._check2D('setValues', values, args);
    for (const row of rows) for (const v of row) checkCellSize(v);
    this._count();
    this._write((cell, i, j) => writeInput(cell, rows[i][j], this._tzName));
    return this;
  }
  setValue(value: unknown): this {
    if (arguments.length === 0) throw signatureError('Range.setValue', []);
    checkCellSize(value);
    this._count();
    this._write((cell) => writeInput(cell, value, this._tzName));
    return this;
  }
  getFormulas(): string[][] {
    this._count();
    return this._map((cell) => cell?.formula ?? '');
  }
  getFormula(): string {
    return this._sheet._cell(this._row, this._col)?.formula ?? '';
  }
  setFormulas(...args: unknown[]): this {
    const [formulas] = args as [string[][]];
    const rows = this._check2D('setFormulas', formulas, args);
    for (const row of rows) for (const v of row) checkCellSize(v);
    this._count();
    this._write((cell, i, j) => writeInput(cell, rows[i][j], this._tzName));
    return this;
  }
  setFormula(...args: unknown[]): this {
    const [formula] = args as [string];
    if (typeof formula !== 'string') throw signatureError('Range.setFormula', args);
    checkCellSize(formula);
    this._count();
    // No relative-reference shifting across a multi-cell range: every cell gets the same text.
    this._write((cell) => writeInput(cell, formula, this._tzName));
    return this;
  }
  isBlank(): boolean {
    this._count();
    return this._map((cell) => cell === undefined || (cell.value === null && cell.formula === undefined)).every((row) =>
      row.every(Boolean),
    );
  }
  clearContent(): this {
    this._count();
    this._write((cell) => clearContent(cell));
    return this;
  }
  clearFormat(): this {
    this._count();
    this._write((cell) => {
      for (const k of ['format', 'background', 'fontColor', 'fontWeight', 'wrap', 'hAlign'] as const) delete cell[k];
    });
    return this;
  }
  clearDataValidations(): this {
    this._count();
    this._write((cell) => delete cell.validation);
    return this;
  }
  clearNote(): this {
    this._count();
    this._write((cell) => delete cell.note);
    return this;
  }
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): this {
    if (options?.contentsOnly) return this.clearContent();
    if (options?.formatOnly) return this.clearFormat();
    if (options?.validationsOnly) return this.clearDataValidations();
    if (options?.commentsOnly) return this.clearNote();
    this._count();
    this._write((cell) => {
      // Contents, formats and notes go; data validation stays (Sheets' clear() keeps it).
      const validation = cell.validation;
      for (const k of Object.keys(cell) as (keyof Cell)[]) delete cell[k];
      cell.value = null;
      if (validation) cell.validation = validation;
    });
    return this;
  }

  // ---- formats --------------------------------------------------------------------------------

  private _setAll<K extends keyof Cell>(key: K, value: Cell[K] | null | undefined): this {
    this._count();
    this._write((cell) => {
      if (value === null || value === undefined) delete cell[key];
      else cell[key] = value;
    });
    return this;
  }
  private _setEach<K extends keyof Cell>(method: string, key: K, data: unknown, args: unknown[]): this {
    const rows = this._check2D(method, data, args);
    this._count();
    this._write((cell, i, j) => {
      const v = rows[i][j] as Cell[K] | null | undefined;
      if (v === null || v === undefined) delete cell[key];
      else cell[key] = v;
    });
    return this;
  }
  private _getEach<T>(get: (cell: Cell | undefined) => T): T[][] {
    this._count();
    return this._map(get);
  }

  setNumberFormat(format: string): this {
    return this._setAll('format', format);
  }
  setNumberFormats(...args: unknown[]): this {
    const [formats] = args as [string[][]];
    return this._setEach('setNumberFormats', 'format', formats, args);
  }
  getNumberFormat(): string {
    return this._sheet._cell(this._row, this._col)?.format ?? GENERAL;
  }
  getNumberFormats(): string[][] {
    return this._getEach((c) => c?.format ?? GENERAL);
  }
  setBackground(color: string | null): this {
    return this._setAll('background', color);
  }
  setBackgrounds(...args: unknown[]): this {
    const [colors] = args as [(string | null)[][]];
    return this._setEach('setBackgrounds', 'background', colors, args);
  }
  getBackground(): string {
    return this._sheet._cell(this._row, this._col)?.background ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this._getEach((c) => c?.background ?? '#ffffff');
  }
  setFontWeight(weight: string | null): this {
    return this._setAll('fontWeight', weight);
  }
  setFontWeights(...args: unknown[]): this {
    const [weights] = args as [(string | null)[][]];
    return this._setEach('setFontWeights', 'fontWeight', weights, args);
  }
  getFontWeight(): string {
    return this._sheet._cell(this._row, this._col)?.fontWeight ?? 'normal';
  }
  getFontWeights(): string[][] {
    return this._getEach((c) => c?.fontWeight ?? 'normal');
  }
  setFontColor(color: string | null): this {
    return this._setAll('fontColor', color);
  }
  getFontColor(): string {
    return this._sheet._cell(this._row, this._col)?.fontColor ?? '#000000';
  }
  setWrap(wrap: boolean | null): this {
    return this._setAll('wrap', wrap);
  }
  getWrap(): boolean {
    return this._sheet._cell(this._row, this._col)?.wrap ?? true;
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this._setAll('hAlign', alignment);
  }
  getHorizontalAlignment(): string {
    return this._sheet._cell(this._row, this._col)?.hAlign ?? 'general';
  }
  setNote(note: string | null): this {
    return this._setAll('note', note === '' ? null : note);
  }
  setNotes(...args: unknown[]): this {
    const [notes] = args as [(string | null)[][]];
    return this._setEach('setNotes', 'note', notes, args);
  }
  getNote(): string {
    return this._sheet._cell(this._row, this._col)?.note ?? '';
  }
  getNotes(): string[][] {
    return this._getEach((c) => c?.note ?? '');
  }
  setBorder(...args: unknown[]): this {
    this._sheet._borders.push({ range: this._a1(), args });
    return this;
  }
  merge(): this {
    this._sheet._merges.push(this._a1());
    return this;
  }

  // ---- validation and protection --------------------------------------------------------------

  setDataValidation(rule: DataValidation | null): this {
    return this._setAll('validation', rule);
  }
  setDataValidations(...args: unknown[]): this {
    const [rules] = args as [(DataValidation | null)[][]];
    return this._setEach('setDataValidations', 'validation', rules, args);
  }
  getDataValidation(): DataValidation | null {
    return this._sheet._cell(this._row, this._col)?.validation ?? null;
  }
  getDataValidations(): (DataValidation | null)[][] {
    return this._getEach((c) => c?.validation ?? null);
  }
  insertCheckboxes(): this {
    const rule = newDataValidation(this._sheet._ctx.calls).requireCheckbox().build();
    this._count();
    this._write((cell) => {
      cell.validation = rule;
      if (cell.value === null && cell.formula === undefined) cell.value = false;
    });
    return this;
  }
  protect(): Protection {
    return this._sheet._addRangeProtection(this._proxy);
  }
}

export function makeRange(sheet: Sheet, row: number, col: number, numRows: number, numCols: number): Range {
  const raw = new Range(sheet, row, col, numRows, numCols);
  raw._proxy = expose(sheet._ctx.calls, 'Range', raw, RANGE_KINDS);
  return raw._proxy;
}
