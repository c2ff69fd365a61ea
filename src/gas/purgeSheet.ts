// The register as the retention purge needs it: one raw read, one block write where only purged rows change.
import type { FormResponsesPort, PurgeStore } from '../app/retention';
import type { ComplaintField } from '../domain/complaint';
import { PERSONAL_FIELDS } from '../domain/retention';
import type { StoredComplaint } from '../ports';
import { openForm } from './intakeFormBuilder';
import { REGISTER_WIDTH, columnOf, complaintToRow, responseIdOf, rowToComplaint } from './registerColumns';

/** The columns a purge rewrites; every other cell of the block is written back exactly as it was read. */
const PURGED_FIELDS: readonly ComplaintField[] = [...PERSONAL_FIELDS, 'version', 'updatedAt', 'updatedBy'];

export class RegisterPurgeSheet implements PurgeStore {
  private raw: unknown[][] = [];

  constructor(private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet) {}

  loadAll(): StoredComplaint[] {
    const last = this.sheet.getLastRow();
    this.raw = last < 2 ? [] : this.sheet.getRange(2, 1, last - 1, REGISTER_WIDTH).getValues();
    const out: StoredComplaint[] = [];
    this.raw.forEach((row, i) => {
      if (String(row[0]).trim() !== '') out.push({ row: i + 2, complaint: rowToComplaint(row), responseId: responseIdOf(row) });
    });
    return out;
  }

  /** One setValues from the first to the last purged row (call loadAll first, in the same lock). */
  writePurged(rows: readonly StoredComplaint[]): void {
    if (rows.length === 0) return;
    const first = Math.min(...rows.map((r) => r.row));
    const last = Math.max(...rows.map((r) => r.row));
    const block = this.raw.slice(first - 2, last - 1).map((r) => [...r]);
    for (const s of rows) {
      const cells = complaintToRow(s.complaint, s.responseId);
      const target = block[s.row - first];
      for (const f of PURGED_FIELDS) target[columnOf(f) - 1] = cells[columnOf(f) - 1];
    }
    this.sheet.getRange(first, 1, block.length, REGISTER_WIDTH).setValues(block);
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
