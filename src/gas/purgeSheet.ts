// The register as the retention purge needs it: one raw read, then only the purged rows written (per run of rows, and
// per run of adjacent Dumas columns: a column a person inserted is never written).
import type { PurgeStore } from '../app/retention';
import type { ComplaintField } from '../domain/complaint';
import { cellText } from '../lib/cells';
import { FREE_TEXT_FIELDS, hasPersonalDataFlag } from '../domain/personalData';
import { PERSONAL_FIELDS, mayBePurgeDue, retentionEnabled } from '../domain/retention';
import type { DayKey } from '../domain/time';
import type { StoredComplaint } from '../ports';
import { REGISTER_COLUMNS, complaintToRow, indexOfKey, type RegisterColumnKey } from './registerColumns';
import { RegisterLayout } from './registerLayout';
import { storedFrom, type RegisterReader } from './registerReads';
import { readRows, writeRows } from './registerSheet';
import type { RegisterView } from './registerView';

/** The columns a purge rewrites; every other cell of the block is written back exactly as it was read. */
const PURGED_FIELDS: readonly ComplaintField[] = [
  ...PERSONAL_FIELDS,
  ...FREE_TEXT_FIELDS,
  'verificationFlags',
  'version',
  'updatedAt',
  'updatedBy',
];

export class RegisterPurgeSheet implements PurgeStore {
  private raw = new Map<number, unknown[]>();

  constructor(
    private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    /** The register's layout, read once per execution (GasContext.registerLayout). */
    private readonly layout: () => RegisterLayout,
    /** The office's register view (split deployment): purged rows are projected there too. */
    private readonly view: RegisterView | null = null,
  ) {}

  loadAll(): StoredComplaint[] {
    const last = this.sheet.getLastRow();
    const values = last < 2 ? [] : readRows(this.sheet, this.layout(), 2, last - 1);
    this.raw = new Map(values.map((row, i) => [i + 2, row]));
    return storedFrom(this.raw);
  }

  /** Rows read elsewhere (see DuePurgeStore) become the ones writePurged copies from. */
  protected keep(raw: Map<number, unknown[]>): StoredComplaint[] {
    this.raw = raw;
    return storedFrom(raw);
  }

  /**
   * One setValues per run of consecutive purged rows (and run of adjacent Dumas columns; call loadAll first, in the
   * same lock). Rows between runs are not written at all, so a hand edit made there meanwhile is never overwritten;
   * purges usually form one run (the oldest complaints), so this is one call or a few.
   */
  writePurged(rows: readonly StoredComplaint[]): void {
    const sorted = [...rows].sort((a, b) => a.row - b.row);
    let start = 0;
    while (start < sorted.length) {
      let end = start;
      while (end + 1 < sorted.length && sorted[end + 1].row === sorted[end].row + 1) end += 1;
      const run = sorted.slice(start, end + 1);
      const block = run.map((s) => {
        const target = [...(this.raw.get(s.row) ?? [])];
        const cells = complaintToRow(s.complaint, s.responseId);
        for (const i of PURGED_INDEXES) target[i] = cells[i];
        return target;
      });
      writeRows(this.sheet, this.layout(), run[0].row, block);
      this.view?.write(run[0].row, block);
      start = end + 1;
    }
  }
}

/** The report summary too: it holds the row's version, which the purge bumps. */
const PURGED_INDEXES: readonly number[] = [...PURGED_FIELDS.map(indexOfKey), indexOfKey('reportSummary')];

/** Every column of a register row. */
const WHOLE_ROW: readonly RegisterColumnKey[] = [
  ...REGISTER_COLUMNS.map((c) => c.field),
  'responseId',
  'reportSummary',
];

/**
 * The daily run's purge: the rows due are known from the run's own read of the register (status and closing day);
 * under the lock only those rows are read again, their identity cells first, then in full the ones still holding
 * identity data: the rows the purge changes. Nothing else of the register is read.
 */
export class DuePurgeStore extends RegisterPurgeSheet {
  constructor(
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
    private readonly reader: RegisterReader,
    private readonly read: readonly StoredComplaint[],
    private readonly today: DayKey,
    private readonly years: number,
    view: RegisterView | null = null,
  ) {
    super(sheet, reader.layout, view);
  }

  override loadAll(): StoredComplaint[] {
    if (!retentionEnabled(this.years)) return [];
    const due = this.read.filter((s) => mayBePurgeDue(s.complaint, this.today, this.years)).map((s) => s.row);
    if (due.length === 0) return this.keep(new Map());
    // The identity cells, and the flags: personal data in the free text is flagged there when written (and the flag
    // goes with the purge), so the text itself is read only for the rows the purge changes.
    const identity = this.reader.rows(due, [...PERSONAL_FIELDS, 'verificationFlags']);
    const filled = [...identity.keys()].filter((row) => {
      const cells = identity.get(row) ?? [];
      if (PERSONAL_FIELDS.some((f) => cellText(cells[indexOfKey(f)]) !== '')) return true;
      return hasPersonalDataFlag({ verificationFlags: cellText(cells[indexOfKey('verificationFlags')]) });
    });
    return this.keep(this.reader.rows(filled, WHOLE_ROW));
  }
}
