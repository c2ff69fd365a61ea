// Where each Dumas column actually sits in the register, found by its header. Staff insert, move and hide columns in
// Sheets; Dumas keeps its rows in the canonical order of REGISTER_HEADERS inside the code and maps them to the sheet's
// columns only here, at the I/O boundary, from one read of the header row per execution.
//
// Why headers and not developer metadata: a header is what staff see and can repair themselves, it costs one read,
// and Sheets keeps it with its column whatever is inserted or moved. The rule that keeps old data in place: Dumas
// never inserts a column into the middle of the register; a column it misses (deleted by hand, or a field a new
// version adds) is appended by setup after the last used column.
import { REGISTER_HEADERS, REGISTER_WIDTH } from './registerColumns';
import { REGISTER_LAYOUT } from '../messages/register';
import { cellText } from '../lib/cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Headers compared as a person would: capitals and repeated spaces do not make another column. */
export function headerKey(value: unknown): string {
  return cellText(value).trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A Dumas column the header row lacks, or names twice: nothing is read or written then (see the message). */
export class RegisterLayoutError extends Error {
  constructor(
    readonly missing: readonly string[],
    readonly duplicated: readonly string[],
  ) {
    super(duplicated.length > 0 ? REGISTER_LAYOUT.duplicated(duplicated) : REGISTER_LAYOUT.missing(missing));
  }
}

/** A run of adjacent sheet columns: its first column, and the canonical index held by each (-1: not Dumas's). */
export interface ColumnRun {
  first: number;
  indexes: number[];
}

interface HeaderScan {
  /** Sheet column (1-based) of each canonical index, 0 when not found. */
  columns: number[];
  missing: number[];
  duplicated: string[];
  /** Canonical indexes whose header differs from Dumas's only in capitals or spaces. */
  untidy: number[];
}

function scan(header: readonly unknown[]): HeaderScan {
  const wanted = new Map(REGISTER_HEADERS.map((h, i) => [headerKey(h), i]));
  const columns = new Array<number>(REGISTER_WIDTH).fill(0);
  const duplicated: string[] = [];
  const untidy: number[] = [];
  header.forEach((value, j) => {
    const index = wanted.get(headerKey(value));
    if (index === undefined) return;
    if (columns[index] !== 0) {
      if (!duplicated.includes(REGISTER_HEADERS[index])) duplicated.push(REGISTER_HEADERS[index]);
      return;
    }
    columns[index] = j + 1;
    if (cellText(value) !== REGISTER_HEADERS[index]) untidy.push(index);
  });
  const missing = columns.flatMap((c, i) => (c === 0 ? [i] : []));
  return { columns, missing, duplicated, untidy };
}

export class RegisterLayout {
  /** Canonical index of each sheet column (index 0 = column 1); -1 for a column Dumas does not own. */
  private readonly owner: number[];

  /** `columns[i]`: the sheet column (1-based) of canonical index i. */
  constructor(readonly columns: readonly number[]) {
    const width = Math.max(...columns);
    this.owner = new Array<number>(width).fill(-1);
    columns.forEach((c, i) => {
      this.owner[c - 1] = i;
    });
  }

  /** The order setup writes in a new register: the sheet columns are the canonical ones. */
  static readonly CANONICAL = new RegisterLayout(REGISTER_HEADERS.map((_, i) => i + 1));

  /** From the header row's values; a missing or doubled Dumas header is a RegisterLayoutError. */
  static fromHeader(header: readonly unknown[]): RegisterLayout {
    const s = scan(header);
    if (s.missing.length > 0 || s.duplicated.length > 0) {
      throw new RegisterLayoutError(
        s.missing.map((i) => REGISTER_HEADERS[i]),
        s.duplicated,
      );
    }
    return new RegisterLayout(s.columns);
  }

  /** The rightmost Dumas column. */
  get lastColumn(): number {
    return this.owner.length;
  }

  /** Whether the sheet columns are exactly Dumas's, in Dumas's order (nothing inserted, moved or added). */
  get canonical(): boolean {
    return this.columns.every((c, i) => c === i + 1);
  }

  /** The sheet column of a canonical index. */
  column(index: number): number {
    return this.columns[index];
  }

  /** The canonical index a sheet column holds, or -1 (a person's own column, or beyond the register). */
  indexAt(column: number): number {
    return this.owner[column - 1] ?? -1;
  }

  /**
   * The sheet columns of these canonical indexes as runs of adjacent columns, left to right. Columns between two
   * runs are read through when at most `maxGap` (a read; their cells are ignored); a write always uses maxGap 0, so
   * it never touches a column Dumas does not own.
   */
  runs(indexes: readonly number[], maxGap = 0): ColumnRun[] {
    const cols = [...new Set(indexes.map((i) => this.columns[i]))].sort((a, b) => a - b);
    const out: ColumnRun[] = [];
    for (const c of cols) {
      const last = out[out.length - 1];
      const end = last ? last.first + last.indexes.length - 1 : 0;
      if (last && c - end - 1 <= maxGap) {
        for (let k = end + 1; k <= c; k++) last.indexes.push(this.indexAt(k));
      } else out.push({ first: c, indexes: [this.indexAt(c)] });
    }
    return out;
  }

  /** Every canonical index, the form-response id included. */
  static readonly ALL: readonly number[] = REGISTER_HEADERS.map((_, i) => i);

  private wholeSpan: ColumnRun | null = null;

  /** The span that holds every Dumas column: one call reads a whole row, however the columns are arranged. */
  get span(): ColumnRun {
    this.wholeSpan ??= this.runs(RegisterLayout.ALL, Number.MAX_SAFE_INTEGER)[0];
    return this.wholeSpan;
  }

  /** A block read from `run` (one array per row) into canonical rows. */
  toCanonical(run: ColumnRun, cells: readonly unknown[], into: unknown[]): unknown[] {
    run.indexes.forEach((index, j) => {
      if (index >= 0) into[index] = cells[j];
    });
    return into;
  }

  /** A canonical row's cells for `run` (written only with runs of Dumas columns, so no index is -1). */
  fromCanonical(run: ColumnRun, row: readonly unknown[]): unknown[] {
    return run.indexes.map((index) => row[index]);
  }
}

/** The header row (the whole first row of the grid): one read. */
export function readHeader(sheet: Sheet): unknown[] {
  return sheet.getRange('1:1').getValues()[0] ?? [];
}

/** The register's layout from its header row (one read). */
export function readRegisterLayout(sheet: Sheet): RegisterLayout {
  return RegisterLayout.fromHeader(readHeader(sheet));
}

/**
 * Setup's repair: headers typed with other capitals or spaces are written back as Dumas names them; missing ones are
 * appended after the last used column (a new register gets them all from column A). Never inserts a column in the
 * middle, never renames or moves a column a person added. A Dumas header doubled by hand cannot be repaired here:
 * the RegisterLayoutError says which one to rename.
 */
export function repairRegisterHeader(sheet: Sheet, changes: string[], appended: number[] = []): RegisterLayout {
  const header = readHeader(sheet);
  const s = scan(header);
  if (s.duplicated.length > 0) throw new RegisterLayoutError([], s.duplicated);
  const style = (range: GoogleAppsScript.Spreadsheet.Range) =>
    range.setNumberFormat('@').setFontWeight('bold').setBackground('#e8f0fe');
  for (const index of s.untidy) {
    style(sheet.getRange(1, s.columns[index])).setValue(REGISTER_HEADERS[index]);
  }
  if (s.untidy.length > 0) changes.push(REGISTER_LAYOUT.restored(s.untidy.map((i) => REGISTER_HEADERS[i])));
  if (s.missing.length > 0) {
    let lastHeader = header.length;
    while (lastHeader > 0 && cellText(header[lastHeader - 1]).trim() === '') lastHeader -= 1;
    const fresh = lastHeader === 0 && sheet.getLastRow() <= 1;
    const start = fresh ? 1 : Math.max(lastHeader, sheet.getLastColumn()) + 1;
    const end = start + s.missing.length - 1;
    const max = sheet.getMaxColumns();
    if (end > max) sheet.insertColumnsAfter(max, end - max);
    style(sheet.getRange(1, start, 1, s.missing.length)).setValues([s.missing.map((i) => REGISTER_HEADERS[i])]);
    s.missing.forEach((index, k) => {
      s.columns[index] = start + k;
    });
    appended.push(...s.missing);
    changes.push(
      fresh
        ? REGISTER_LAYOUT.written
        : REGISTER_LAYOUT.appended(
            s.missing.map((i) => REGISTER_HEADERS[i]),
            columnName(start),
          ),
    );
  }
  return new RegisterLayout(s.columns);
}

/** A column's letters (1 → A, 27 → AA). */
export function columnName(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
