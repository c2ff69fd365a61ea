// The register as the retention purge needs it: one raw read, then only the purged rows written (per run of rows).
import type { PurgeStore } from '../app/retention';
import type { ComplaintField } from '../domain/complaint';
import { cellText } from '../lib/cells';
import { FREE_TEXT_FIELDS, hasPersonalDataFlag } from '../domain/personalData';
import { PERSONAL_FIELDS, mayBePurgeDue, retentionEnabled } from '../domain/retention';
import type { DayKey } from '../domain/time';
import type { StoredComplaint } from '../ports';
import { REGISTER_COLUMNS, REGISTER_WIDTH, columnOf, complaintToRow } from './registerColumns';
import { storedFrom, type RegisterColumnKey, type RegisterReader } from './registerReads';

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

  constructor(private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet) {}

  loadAll(): StoredComplaint[] {
    const last = this.sheet.getLastRow();
    const values = last < 2 ? [] : this.sheet.getRange(2, 1, last - 1, REGISTER_WIDTH).getValues();
    this.raw = new Map(values.map((row, i) => [i + 2, row]));
    return storedFrom(this.raw);
  }

  /** Rows read elsewhere (see DuePurgeStore) become the ones writePurged copies from. */
  protected keep(raw: Map<number, unknown[]>): StoredComplaint[] {
    this.raw = raw;
    return storedFrom(raw);
  }

  /**
   * One setValues per run of consecutive purged rows (call loadAll first, in the same lock). Rows between runs are
   * not written at all, so a hand edit made there meanwhile is never overwritten; purges usually form one run
   * (the oldest complaints), so this is one call or a few.
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
        for (const f of PURGED_FIELDS) target[columnOf(f) - 1] = cells[columnOf(f) - 1];
        return target;
      });
      this.sheet.getRange(run[0].row, 1, block.length, REGISTER_WIDTH).setValues(block);
      start = end + 1;
    }
  }
}

/** Every column of a register row. */
const WHOLE_ROW: readonly RegisterColumnKey[] = [...REGISTER_COLUMNS.map((c) => c.field), 'responseId'];

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
  ) {
    super(sheet);
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
      if (PERSONAL_FIELDS.some((f) => cellText(cells[columnOf(f) - 1]) !== '')) return true;
      return hasPersonalDataFlag({ verificationFlags: cellText(cells[columnOf('verificationFlags') - 1]) });
    });
    return this.keep(this.reader.rows(filled, WHOLE_ROW));
  }
}
