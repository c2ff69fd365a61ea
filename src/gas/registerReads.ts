// Reading parts of the register at the lowest cost Google's measured prices allow: whole columns when most rows are
// needed, runs of rows when few are. The prices are real Apps Script's (test/emulator/README.md, "Latency model"):
// every read call ≈ 3 ms, every cell ≈ 0.03 ms, so 100 cells cost as much as one more call. Rows come back in Dumas's
// own column order (RawRows), wherever staff moved the columns: the layout maps them (registerLayout.ts).
import type { StoredComplaint } from '../ports';
import { REGISTER_WIDTH, indexOfKey, responseIdOf, rowToComplaint, type RegisterColumnKey } from './registerColumns';
import { RegisterLayout, type ColumnRun } from './registerLayout';

export type { RegisterColumnKey };

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const READ_CALL_MS = 3;
const CELL_MS = 0.03;

/** Sheet columns of these keys grouped into runs of adjacent columns ([first, last], 1-based). */
export function columnRuns(
  keys: readonly RegisterColumnKey[],
  layout: RegisterLayout = RegisterLayout.CANONICAL,
): [number, number][] {
  return layout.runs(keys.map(indexOfKey)).map((r) => [r.first, r.first + r.indexes.length - 1]);
}

/**
 * Sorted rows grouped into blocks read in one call each: a gap is read through when its cells cost less than a
 * separate call (gap × width × 0.03 ms < 3 ms).
 */
export function rowBlocks(rows: readonly number[], width: number): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const maxGap = Math.floor(READ_CALL_MS / (CELL_MS * width));
  const blocks: [number, number][] = [];
  for (const r of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && r - last[1] - 1 <= maxGap) last[1] = r;
    else blocks.push([r, r]);
  }
  return blocks;
}

/**
 * A register row's cells as far as they were read: unread columns are '' (so a partial complaint has empty fields).
 * Partial complaints are for reading only: a write goes through RegisterSheet.find, which reads the whole row.
 */
export type RawRows = Map<number, unknown[]>;

/** A sheet column's letters (1 → A, 27 → AA), for a range open at the bottom. */
function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export class RegisterReader {
  private last: number | null = null;
  /** The grid's last row, learnt by a read to its bottom: a bound for later reads when the last row is not asked. */
  private grid: number | null = null;
  private readonly whole = new Set<number>();

  constructor(
    private readonly sheet: Sheet,
    /** The register's layout, read once per execution (GasContext.registerLayout). */
    readonly layout: () => RegisterLayout,
  ) {}

  /** Whether this column was read whole this execution (its cells in `into` are the sheet's, not a summary's). */
  readWhole(key: RegisterColumnKey): boolean {
    return this.whole.has(indexOfKey(key));
  }

  /** Rows were added (the reader's last row and whole columns are then out of date). */
  forget(): void {
    this.last = null;
    this.grid = null;
    this.whole.clear();
  }

  /** The last row with content: one call per execution. */
  lastRow(): number {
    if (this.last === null) this.last = this.sheet.getLastRow();
    return this.last;
  }

  /**
   * Whole columns (rows 2 to the last) into `into`, one call per run of adjacent columns; a column this reader has
   * already read whole is not read again.
   */
  columns(keys: readonly RegisterColumnKey[], into: RawRows = new Map()): RawRows {
    const last = this.lastRow();
    if (last < 2) return into;
    const layout = this.layout();
    const missing = keys.map(indexOfKey).filter((i) => !this.whole.has(i));
    for (let r = 2; r <= last; r++) if (!into.has(r)) into.set(r, new Array<unknown>(REGISTER_WIDTH).fill(''));
    for (const run of layout.runs(missing)) {
      const values = this.sheet.getRange(2, run.first, last - 1, run.indexes.length).getValues();
      values.forEach((cells, i) => layout.toCanonical(run, cells, into.get(i + 2) as unknown[]));
      for (const index of run.indexes) this.whole.add(index);
    }
    return into;
  }

  /**
   * Like columns(), for a caller that keeps only rows with one of these cells filled (a picker starting from the
   * status): each run of columns read to the grid's bottom in one call, without asking the last row (160 ms); the
   * grid holds at most a few hundred blank rows past the last (registerSheet.ts grows it 500 at a time), 0.03 ms a
   * cell. Rows past the last one with any of these cells filled are left out of `into`.
   */
  filledColumns(keys: readonly RegisterColumnKey[], into: RawRows = new Map()): RawRows {
    const layout = this.layout();
    const runs = layout.runs(keys.map(indexOfKey).filter((i) => !this.whole.has(i)));
    if (this.last !== null || runs.length === 0) return this.columns(keys, into);
    // From row 1, which every grid has (a one-row grid has no row 2); the header is dropped.
    const reads = runs.map((run) => ({
      run,
      values: this.sheet
        .getRange(`${columnLetters(run.first)}1:${columnLetters(run.first + run.indexes.length - 1)}`)
        .getValues()
        .slice(1),
    }));
    this.grid = Math.min(...reads.map((r) => r.values.length)) + 1;
    const blank = (v: unknown) => v === '' || v === null;
    let end = 1;
    for (const { values } of reads)
      for (let i = values.length - 1; i + 2 > end; i--)
        if (!values[i].every(blank)) {
          end = i + 2;
          break;
        }
    for (let r = 2; r <= end; r++) if (!into.has(r)) into.set(r, new Array<unknown>(REGISTER_WIDTH).fill(''));
    for (const { run, values } of reads) {
      for (let r = 2; r <= end; r++) layout.toCanonical(run, values[r - 2], into.get(r) as unknown[]);
      for (const index of run.indexes) this.whole.add(index);
    }
    return into;
  }

  /**
   * These rows' cells of these columns into `into`. For each run of adjacent columns, whichever is cheaper: blocks of
   * rows (one call each), or the whole column run (one call).
   */
  rows(rows: readonly number[], keys: readonly RegisterColumnKey[], into: RawRows = new Map()): RawRows {
    // The grid's bottom bounds the rows as well as the last row does (a whole-column read then covers its blanks).
    const last = this.last ?? this.grid ?? this.lastRow();
    const wanted = rows.filter((r) => r >= 2 && r <= last);
    if (wanted.length === 0) return into;
    const layout = this.layout();
    const keep = new Set(wanted);
    const put = (row: number, run: ColumnRun, cells: unknown[]) => {
      if (!keep.has(row)) return;
      let target = into.get(row);
      if (!target) {
        target = new Array<unknown>(REGISTER_WIDTH).fill('');
        into.set(row, target);
      }
      layout.toCanonical(run, cells, target);
    };
    // Few scattered rows: read through the columns between runs rather than pay a call per run and block. Many
    // scattered rows: the merged run is wide, so whole columns of the runs alone may cost less; the cheaper plan wins.
    const spread = rowBlocks(wanted, 1).length;
    const maxGapColumns = Math.floor((READ_CALL_MS * spread) / (CELL_MS * wanted.length));
    const indexes = keys.map(indexOfKey);
    const plan = (gap: number) =>
      layout.runs(indexes, gap).map((run) => {
        const width = run.indexes.length;
        const blocks = rowBlocks(wanted, width);
        const blockCost = blocks.reduce((sum, [r1, r2]) => sum + READ_CALL_MS + (r2 - r1 + 1) * width * CELL_MS, 0);
        const columnCost = READ_CALL_MS + (last - 1) * width * CELL_MS;
        return columnCost < blockCost
          ? { run, blocks: [[2, last]] as [number, number][], cost: columnCost }
          : { run, blocks, cost: blockCost };
      });
    const cost = (p: ReturnType<typeof plan>) => p.reduce((sum, x) => sum + x.cost, 0);
    const merged = plan(maxGapColumns);
    const separate = maxGapColumns > 0 ? plan(0) : merged;
    for (const { run, blocks } of cost(separate) < cost(merged) ? separate : merged) {
      for (const [r1, r2] of blocks) {
        this.sheet
          .getRange(r1, run.first, r2 - r1 + 1, run.indexes.length)
          .getValues()
          .forEach((cells, i) => put(r1 + i, run, cells));
      }
    }
    return into;
  }
}

/**
 * Raw rows as (partial) stored complaints, in row order. When the number column was read, rows without a
 * registration number (blank rows left by hand) are skipped.
 */
export function storedFrom(raw: RawRows, numbered = true): StoredComplaint[] {
  const out: StoredComplaint[] = [];
  for (const row of [...raw.keys()].sort((a, b) => a - b)) {
    const cells = raw.get(row) as unknown[];
    if (numbered && String(cells[0]).trim() === '') continue;
    out.push({ row, complaint: rowToComplaint(cells), responseId: responseIdOf(cells) });
  }
  return out;
}
