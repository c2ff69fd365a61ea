// The register as the retention purge needs it: one raw read, then only the purged rows written (per run of rows).
import type { FormResponsesPort, PurgeStore } from '../app/retention';
import type { ComplaintField } from '../domain/complaint';
import { FREE_TEXT_FIELDS } from '../domain/personalData';
import { PERSONAL_FIELDS } from '../domain/retention';
import type { StoredComplaint } from '../ports';
import { openForm } from './intakeFormBuilder';
import { REGISTER_WIDTH, columnOf, complaintToRow, responseIdOf, rowToComplaint } from './registerColumns';

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
  private raw: unknown[][] = [];

  constructor(private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet) {}

  loadAll(): StoredComplaint[] {
    const last = this.sheet.getLastRow();
    this.raw = last < 2 ? [] : this.sheet.getRange(2, 1, last - 1, REGISTER_WIDTH).getValues();
    const out: StoredComplaint[] = [];
    this.raw.forEach((row, i) => {
      if (String(row[0]).trim() !== '')
        out.push({ row: i + 2, complaint: rowToComplaint(row), responseId: responseIdOf(row) });
    });
    return out;
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
        const target = [...this.raw[s.row - 2]];
        const cells = complaintToRow(s.complaint, s.responseId);
        for (const f of PURGED_FIELDS) target[columnOf(f) - 1] = cells[columnOf(f) - 1];
        return target;
      });
      this.sheet.getRange(run[0].row, 1, block.length, REGISTER_WIDTH).setValues(block);
      start = end + 1;
    }
  }
}

/** The public form's own copies of the answers: one read of the ids, then one delete per purged answer. */
export class FormResponses implements FormResponsesPort {
  constructor(private readonly formId: string) {}

  deleteResponses(ids: readonly string[]): number {
    const form = openForm(this.formId);
    if (!form) return 0;
    const existing = new Set(form.getResponses().map((r) => r.getId()));
    let deleted = 0;
    for (const id of ids) {
      if (!existing.has(id)) continue;
      form.deleteResponse(id);
      deleted += 1;
    }
    return deleted;
  }
}
