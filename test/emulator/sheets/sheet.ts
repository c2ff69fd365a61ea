// One sheet (tab): its grid of cells, its size, and the structure recorded on it (frozen rows,
// widths, conditional formats, protections, charts). Call kinds: getters of the object already
// fetched (name, id, index, getRange) are 'local'; size and structure reads are 'sheets.meta';
// every change is 'sheets.write' (appendRow also counts its cells).
import type { EmuContext } from '../core/context';
import { expose, type KindMap } from '../core/expose';
import { parseA1 } from './a1';
import { checkCellSize, clearContent, hasContent, isBlankCell, writeInput, type Cell } from './cells';
import { makeRange, type Range } from './range';
import { newChart, type ConditionalFormatRule, type EmbeddedChart, type EmbeddedChartBuilder } from './rules';
import { Protection } from './protection';
import type { Spreadsheet } from './spreadsheet';
import { signatureError } from './errors';
import { NO_SPREADSHEET_EDIT } from './access';

export const SHEET_KINDS: KindMap = {
  default: 'sheets.write',
  getName: 'local',
  getSheetName: 'local',
  getSheetId: 'local',
  getIndex: 'local',
  getParent: 'local',
  getRange: 'local',
  getLastRow: 'sheets.meta',
  getLastColumn: 'sheets.meta',
  getMaxRows: 'sheets.meta',
  getMaxColumns: 'sheets.meta',
  getDataRange: 'sheets.meta',
  getFrozenRows: 'sheets.meta',
  getFrozenColumns: 'sheets.meta',
  getColumnWidth: 'sheets.meta',
  getRowHeight: 'sheets.meta',
  isSheetHidden: 'sheets.meta',
  isColumnHiddenByUser: 'sheets.meta',
  getTabColor: 'sheets.meta',
  getProtections: 'sheets.meta',
  getConditionalFormatRules: 'sheets.meta',
  getCharts: 'sheets.meta',
  getSheetValues: 'sheets.read',
  getFormUrl: 'sheets.meta',
  newChart: 'local',
  activate: 'sheets.meta',
};

const ROWS_OUT = 'Exception: Those rows are out of bounds.';
const COLS_OUT = 'Exception: Those columns are out of bounds.';

export class Sheet {
  _proxy!: Sheet;
  _rows: (Cell | undefined)[][] = [];
  _frozenRows = 0;
  _frozenColumns = 0;
  _hidden = false;
  /** Columns hidden by hideColumns (1-based); they move with their column on insert, delete and move. */
  _hiddenColumns = new Set<number>();
  _tabColor: string | null = null;
  _columnWidths = new Map<number, number>();
  _rowHeights = new Map<number, number>();
  _autoResized = new Set<number>();
  _conditionalFormats: ConditionalFormatRule[] = [];
  _sheetProtection: Protection | null = null;
  _rangeProtections: Protection[] = [];
  _charts: EmbeddedChart[] = [];
  _merges: string[] = [];
  _borders: { range: string; args: unknown[] }[] = [];
  _deleted = false;

  constructor(
    readonly _ss: Spreadsheet,
    public _name: string,
    readonly _id: number,
    public _maxRows: number,
    public _maxColumns: number,
  ) {}

  get _ctx(): EmuContext {
    return this._ss._ctx;
  }

  // ---- grid internals (not counted) -----------------------------------------------------------

  _cell(row: number, col: number): Cell | undefined {
    return this._rows[row - 1]?.[col - 1];
  }

  _cellForWrite(row: number, col: number): Cell {
    const r = (this._rows[row - 1] ??= []);
    return (r[col - 1] ??= { value: null });
  }

  /** Drops cells that hold nothing, so sparse data stays sparse. */
  _tidy(row: number, col: number): void {
    const cell = this._cell(row, col);
    if (cell && isBlankCell(cell)) this._rows[row - 1][col - 1] = undefined;
  }

  _lastRow(): number {
    for (let r = this._rows.length; r >= 1; r--) if ((this._rows[r - 1] ?? []).some(hasContent)) return r;
    return 0;
  }

  _lastColumn(): number {
    let last = 0;
    for (const row of this._rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) if (hasContent(row[c - 1])) last = c;
    }
    return last;
  }

  _range(row: number, col: number, numRows: number, numCols: number): Range {
    return makeRange(this, row, col, numRows, numCols);
  }

  _grow(rows: number, cols: number): void {
    this._ss._checkCellLimit(rows * this._maxColumns + cols * (this._maxRows + rows));
    this._maxRows += rows;
    this._maxColumns += cols;
  }

  /** Refuses a change of the cells in the rectangle (or of the sheet's structure) that a protection forbids. */
  _guardWrite(row = 1, col = 1, numRows = this._maxRows, numCols = this._maxColumns): void {
    // A script running as someone who may only view the file cannot change it, protections or not.
    if (!this._ctx.access.can(this._ss._entry, this._ctx.users.effective, 'editor'))
      throw new Error(NO_SPREADSHEET_EDIT);
    for (const p of this._protections()) {
      if (p._warningOnly || p._removed) continue;
      let touches = false;
      for (let r = row; r < row + numRows && !touches; r++)
        for (let c = col; c < col + numCols && !touches; c++) touches = p._covers(r, c);
      if (touches) p._guard();
    }
  }

  _protections(): Protection[] {
    return [...(this._sheetProtection ? [this._sheetProtection] : []), ...this._rangeProtections];
  }

  // ---- identity (local) -----------------------------------------------------------------------

  getName(): string {
    return this._name;
  }
  getSheetName(): string {
    return this._name;
  }
  setName(name: string): this {
    this._ss._checkNameFree(name, this);
    this._name = name;
    return this;
  }
  getSheetId(): number {
    return this._id;
  }
  getIndex(): number {
    return this._ss._sheets.indexOf(this) + 1;
  }
  /** The URL of the form whose responses land in this sheet, or null. */
  getFormUrl(): string | null {
    return this._ss._formLinks().find((l) => l.sheetName === this._name)?.url ?? null;
  }
  getParent(): Spreadsheet {
    return this._ss._proxy;
  }
  activate(): this {
    this._ss._activate(this);
    return this;
  }

  // ---- size -----------------------------------------------------------------------------------

  getLastRow(): number {
    return this._lastRow();
  }
  getLastColumn(): number {
    return this._lastColumn();
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxColumns;
  }

  // ---- ranges ---------------------------------------------------------------------------------

  getRange(...args: unknown[]): Range {
    const [a, column, numRows, numColumns] = args as [
      string | number,
      number | undefined,
      number | undefined,
      number | undefined,
    ];
    if (typeof a === 'string') {
      const ref = parseA1(a);
      if (!ref) throw new Error('Exception: Range not found');
      const sheet = ref.sheetName === null ? this : this._ss._sheetByName(ref.sheetName);
      if (!sheet) throw new Error('Exception: Range not found');
      return sheet._checkedRange(
        ref.row,
        ref.col,
        ref.numRows ?? sheet._maxRows - ref.row + 1,
        ref.numCols ?? sheet._maxColumns - ref.col + 1,
      );
    }
    if (typeof a !== 'number' || typeof column !== 'number') throw signatureError('Sheet.getRange', args);
    return this._checkedRange(a, column, numRows ?? 1, numColumns ?? 1);
  }

  _checkedRange(rowIn: number, colIn: number, numRowsIn: number, numColsIn: number): Range {
    // Apps Script hands coordinates to Java ints (unverified: a narrowing cast, NaN → 0, 2.7 → 2). Without this a
    // NaN or fractional row made a Range that silently read '' everywhere; now NaN fails like row 0 does.
    const [row, col, numRows, numCols] = [rowIn, colIn, numRowsIn, numColsIn].map((n) =>
      Number.isNaN(n) ? 0 : Math.trunc(n),
    );
    if (row < 1) throw new Error('Exception: The starting row of the range is too small.');
    if (col < 1) throw new Error('Exception: The starting column of the range is too small.');
    if (numRows < 1) throw new Error('Exception: The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new Error('Exception: The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this._maxRows || col + numCols - 1 > this._maxColumns) {
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this._range(row, col, numRows, numCols);
  }

  getDataRange(): Range {
    return this._range(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastColumn()));
  }

  getSheetValues(row: number, col: number, numRows: number, numCols: number): unknown[][] {
    const r = this._checkedRange(
      row,
      col,
      numRows === -1 ? this._lastRow() - row + 1 : numRows,
      numCols === -1 ? this._lastColumn() - col + 1 : numCols,
    );
    this._ctx.calls.cells(r._numRows * r._numCols);
    return r._readValues();
  }

  appendRow(...args: unknown[]): this {
    const [rowContents] = args as [unknown[]];
    if (!Array.isArray(rowContents)) throw signatureError('Sheet.appendRow', args);
    const row = this._lastRow() + 1;
    this._guardWrite(row, 1, 1, Math.max(1, rowContents.length));
    for (const v of rowContents) checkCellSize(v);
    if (row > this._maxRows) this._grow(1, 0);
    if (rowContents.length > this._maxColumns) this._grow(0, rowContents.length - this._maxColumns);
    this._ctx.calls.cells(rowContents.length);
    rowContents.forEach((v, i) => {
      writeInput(this._cellForWrite(row, i + 1), v, this._ss._tz());
      this._tidy(row, i + 1);
    });
    return this;
  }

  // ---- rows and columns -----------------------------------------------------------------------

  /** Inserts `n` empty rows before `at`; they take the formats of `formatsFrom` (a neighbour row). */
  private _insertRowsAt(at: number, n: number, formatsFrom: number): void {
    if (at < 1 || at > this._maxRows + 1 || n < 1) throw new Error(ROWS_OUT);
    this._guardWrite();
    this._grow(n, 0);
    const template = this._rows[formatsFrom - 1];
    const fresh: (Cell | undefined)[][] = [];
    for (let i = 0; i < n; i++) {
      const row: (Cell | undefined)[] = [];
      template?.forEach((c, j) => {
        if (!c) return;
        // Formats only: the new rows copy the template's look, never its contents.
        const copy: Cell = { ...c, value: null };
        delete copy.formula;
        delete copy.note;
        if (!isBlankCell(copy)) row[j] = copy;
      });
      fresh.push(row);
    }
    while (this._rows.length < at - 1) this._rows.push([]);
    this._rows.splice(at - 1, 0, ...fresh);
  }

  insertRowBefore(before: number): this {
    return this.insertRowsBefore(before, 1);
  }
  insertRowAfter(after: number): this {
    return this.insertRowsAfter(after, 1);
  }
  insertRowsBefore(before: number, howMany: number): this {
    if (before > this._maxRows) throw new Error(ROWS_OUT);
    this._insertRowsAt(before, howMany, before);
    return this;
  }
  insertRowsAfter(after: number, howMany: number): this {
    if (after < 1 || after > this._maxRows) throw new Error(ROWS_OUT);
    this._insertRowsAt(after + 1, howMany, after);
    return this;
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  deleteRow(row: number): this {
    return this.deleteRows(row, 1);
  }
  deleteRows(row: number, howMany: number): this {
    if (row < 1 || howMany < 1 || row + howMany - 1 > this._maxRows) throw new Error(ROWS_OUT);
    if (this._maxRows - howMany <= this._frozenRows)
      throw new Error('Exception: Sorry, it is not possible to delete all non-frozen rows.');
    this._guardWrite(row, 1, howMany, this._maxColumns);
    this._rows.splice(row - 1, howMany);
    this._maxRows -= howMany;
    return this;
  }

  private _insertColumnsAt(at: number, n: number): void {
    if (at < 1 || at > this._maxColumns + 1 || n < 1) throw new Error(COLS_OUT);
    this._guardWrite();
    this._grow(0, n);
    for (const row of this._rows) if (row && row.length >= at) row.splice(at - 1, 0, ...new Array<Cell | undefined>(n));
    this._hiddenColumns = new Set([...this._hiddenColumns].map((c) => (c >= at ? c + n : c)));
  }
  insertColumnBefore(before: number): this {
    return this.insertColumnsBefore(before, 1);
  }
  insertColumnAfter(after: number): this {
    return this.insertColumnsAfter(after, 1);
  }
  insertColumnsBefore(before: number, howMany: number): this {
    if (before > this._maxColumns) throw new Error(COLS_OUT);
    this._insertColumnsAt(before, howMany);
    return this;
  }
  insertColumnsAfter(after: number, howMany: number): this {
    if (after < 1 || after > this._maxColumns) throw new Error(COLS_OUT);
    this._insertColumnsAt(after + 1, howMany);
    return this;
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }
  deleteColumn(col: number): this {
    return this.deleteColumns(col, 1);
  }
  deleteColumns(col: number, howMany: number): this {
    if (col < 1 || howMany < 1 || col + howMany - 1 > this._maxColumns) throw new Error(COLS_OUT);
    if (this._maxColumns - howMany <= this._frozenColumns)
      throw new Error('Exception: Sorry, it is not possible to delete all non-frozen columns.');
    this._guardWrite(1, col, this._maxRows, howMany);
    for (const row of this._rows) if (row) row.splice(col - 1, howMany);
    this._maxColumns -= howMany;
    this._hiddenColumns = new Set(
      [...this._hiddenColumns].filter((c) => c < col || c >= col + howMany).map((c) => (c >= col ? c - howMany : c)),
    );
    return this;
  }

  /**
   * Moves the columns `columnSpec` spans so that they stand before column `destinationIndex`, counted before the move
   * (Google's example: A:B moved to 5 become C:D). Contents, formats and hidden state go with the cells.
   */
  moveColumns(columnSpec: Range, destinationIndex: number): void {
    const first = columnSpec.getColumn();
    const count = columnSpec.getNumColumns();
    if (!Number.isInteger(destinationIndex) || destinationIndex < 1 || destinationIndex > this._maxColumns + 1)
      throw new Error(COLS_OUT);
    this._guardWrite();
    if (destinationIndex >= first && destinationIndex <= first + count) return; // already there
    const order: number[] = [];
    for (let c = 1; c <= this._maxColumns; c++) if (c < first || c >= first + count) order.push(c);
    const moved = Array.from({ length: count }, (_, k) => first + k);
    const at = order.findIndex((c) => c >= destinationIndex);
    order.splice(at < 0 ? order.length : at, 0, ...moved);
    // order[j] = the old column that becomes column j + 1.
    this._rows = this._rows.map((row) => {
      if (!row) return row;
      const next: (Cell | undefined)[] = [];
      order.forEach((old, j) => {
        if (row[old - 1] !== undefined) next[j] = row[old - 1];
      });
      return next;
    });
    this._hiddenColumns = new Set(order.flatMap((old, j) => (this._hiddenColumns.has(old) ? [j + 1] : [])));
  }

  /** Hides columns: their cells are read and written as before (Sheets only stops showing them). */
  hideColumns(columnIndex: number, numColumns = 1): void {
    if (columnIndex < 1 || numColumns < 1 || columnIndex + numColumns - 1 > this._maxColumns) throw new Error(COLS_OUT);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._hiddenColumns.add(c);
  }
  hideColumn(column: Range): void {
    this.hideColumns(column.getColumn(), column.getNumColumns());
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    if (columnIndex < 1 || numColumns < 1 || columnIndex + numColumns - 1 > this._maxColumns) throw new Error(COLS_OUT);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._hiddenColumns.delete(c);
  }
  unhideColumn(column: Range): void {
    this.showColumns(column.getColumn(), column.getNumColumns());
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this._hiddenColumns.has(columnPosition);
  }

  // ---- layout ---------------------------------------------------------------------------------

  setFrozenRows(rows: number): void {
    if (rows >= this._maxRows) throw new Error("Exception: You can't freeze all visible rows on the sheet.");
    this._frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (columns >= this._maxColumns) throw new Error("Exception: You can't freeze all visible columns on the sheet.");
    this._frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this._frozenColumns;
  }
  setColumnWidth(column: number, width: number): this {
    this._columnWidths.set(column, width);
    this._autoResized.delete(column);
    return this;
  }
  setColumnWidths(start: number, numColumns: number, width: number): this {
    for (let c = start; c < start + numColumns; c++) this.setColumnWidth(c, width);
    return this;
  }
  getColumnWidth(column: number): number {
    return this._columnWidths.get(column) ?? 100;
  }
  setRowHeight(row: number, height: number): this {
    this._rowHeights.set(row, height);
    return this;
  }
  getRowHeight(row: number): number {
    return this._rowHeights.get(row) ?? 21;
  }
  autoResizeColumn(column: number): this {
    return this.autoResizeColumns(column, 1);
  }
  autoResizeColumns(start: number, numColumns: number): this {
    for (let c = start; c < start + numColumns; c++) this._autoResized.add(c);
    return this;
  }
  hideSheet(): this {
    if (!this._hidden && this._ss._sheets.filter((s) => !s._hidden).length === 1) {
      throw new Error("Exception: You can't hide all the sheets in a document.");
    }
    this._hidden = true;
    return this;
  }
  showSheet(): this {
    this._hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }
  setTabColor(color: string | null): this {
    this._tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this._tabColor;
  }

  // ---- clearing -------------------------------------------------------------------------------

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    if (options?.contentsOnly) return this.clearContents();
    if (options?.formatOnly) return this.clearFormats();
    this._guardWrite();
    this._rows = [];
    return this;
  }
  clearContents(): this {
    this._guardWrite();
    this._rows.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c) return;
        clearContent(c);
        this._tidy(r + 1, col + 1);
      }),
    );
    return this;
  }
  clearFormats(): this {
    this._guardWrite();
    this._rows = this._rows.map(
      (row) =>
        row?.map((c) =>
          c && hasContent(c)
            ? {
                value: c.value,
                ...(c.formula ? { formula: c.formula } : {}),
                ...(c.note ? { note: c.note } : {}),
                ...(c.validation ? { validation: c.validation } : {}),
              }
            : undefined,
        ) ?? [],
    );
    return this;
  }

  // ---- conditional formats, protections, charts -----------------------------------------------

  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    this._conditionalFormats = [...rules];
  }
  getConditionalFormatRules(): ConditionalFormatRule[] {
    return [...this._conditionalFormats];
  }
  clearConditionalFormatRules(): void {
    this._conditionalFormats = [];
  }
  protect(): Protection {
    // A sheet has at most one sheet protection: protect() again returns it.
    if (!this._sheetProtection) {
      const range = this._range(1, 1, this._maxRows, this._maxColumns);
      this._sheetProtection = expose(
        this._ctx.calls,
        'Protection',
        new Protection(this._ctx.calls, 'SHEET', this._ss, range, this._name),
        {
          default: 'sheets.write',
          getEditors: 'sheets.meta',
          canEdit: 'sheets.meta',
          getDescription: 'local',
          isWarningOnly: 'local',
          getProtectionType: 'local',
          getRange: 'local',
        },
      );
    }
    return this._sheetProtection;
  }
  _addRangeProtection(range: Range): Protection {
    const p = expose(
      this._ctx.calls,
      'Protection',
      new Protection(this._ctx.calls, 'RANGE', this._ss, range, this._name),
      {
        default: 'sheets.write',
        getEditors: 'sheets.meta',
        canEdit: 'sheets.meta',
        getDescription: 'local',
        isWarningOnly: 'local',
        getProtectionType: 'local',
        getRange: 'local',
      },
    );
    this._rangeProtections.push(p);
    return p;
  }
  getProtections(...args: unknown[]): Protection[] {
    const [type] = args as [string | GoogleAppsScript.Spreadsheet.ProtectionType];
    const t = String(type);
    if (t === 'SHEET') return this._sheetProtection ? [this._sheetProtection] : [];
    if (t === 'RANGE') return [...this._rangeProtections];
    throw signatureError('Sheet.getProtections', args);
  }
  newChart(): EmbeddedChartBuilder {
    return newChart(this._ctx.calls);
  }
  insertChart(chart: EmbeddedChart): void {
    this._charts.push(chart);
  }
  updateChart(chart: EmbeddedChart): void {
    const i = this._charts.findIndex((c) => c._spec.id === chart._spec.id);
    if (i < 0) throw new Error('Exception: The chart does not exist on this sheet.');
    this._charts[i] = chart;
  }
  removeChart(chart: EmbeddedChart): void {
    this._charts = this._charts.filter((c) => c._spec.id !== chart._spec.id);
  }
  getCharts(): EmbeddedChart[] {
    return [...this._charts];
  }

  // ---- harness view ---------------------------------------------------------------------------

  /** Everything recorded on the sheet, as plain data, for assertions. */
  _state(): {
    name: string;
    maxRows: number;
    maxColumns: number;
    frozenRows: number;
    frozenColumns: number;
    hidden: boolean;
    tabColor: string | null;
    columnWidths: Record<number, number>;
    autoResized: number[];
    conditionalFormats: ReturnType<ConditionalFormatRule['_describe']>[];
    protections: ReturnType<Protection['_describe']>[];
    charts: ReturnType<EmbeddedChart['_describe']>[];
    merges: string[];
  } {
    return {
      name: this._name,
      maxRows: this._maxRows,
      maxColumns: this._maxColumns,
      frozenRows: this._frozenRows,
      frozenColumns: this._frozenColumns,
      hidden: this._hidden,
      tabColor: this._tabColor,
      columnWidths: Object.fromEntries(this._columnWidths),
      autoResized: [...this._autoResized].sort((a, b) => a - b),
      conditionalFormats: this._conditionalFormats.map((r) => r._describe()),
      protections: this._protections().map((p) => p._describe()),
      charts: this._charts.map((c) => c._describe()),
      merges: [...this._merges],
    };
  }
}

/** Creates a sheet; returns the raw object (its exposed face is `_proxy`). */
export function makeSheet(ss: Spreadsheet, name: string, id: number, rows = 1000, cols = 26): Sheet {
  const raw = new Sheet(ss, name, id, rows, cols);
  raw._proxy = expose(ss._ctx.calls, 'Sheet', raw, SHEET_KINDS);
  return raw; // the spreadsheet keeps raw sheets; the bundle only ever gets `_proxy`
}
