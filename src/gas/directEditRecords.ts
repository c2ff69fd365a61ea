// Typing into the register by hand: what the audit log records about it, and the version bump that makes
// any sidebar opened before the edit refuse to overwrite it (pure; the trigger adapter reads and writes).
import type { ComplaintField } from '../domain/complaint';
import { toIsoWita } from '../domain/time';
import { REGISTER_COLUMNS, REGISTER_HEADERS, columnOf } from './registerColumns';
import { WF } from '../messages/workflow';
import type { AuditEntry } from '../ports';
import { cellText } from '../lib/cells';

/** Identity is not copied into the log: the register holds it once (UU 27/2022, data minimisation). */
const PERSONAL: readonly ComplaintField[] = ['name', 'nik', 'phone', 'phoneCanonical', 'email', 'address'];
/** Above this many rows in one paste, one summary row replaces the per-row entries. */
export const MAX_ROW_ENTRIES = 200;

export interface DirectEdit {
  /** 1-based first row of the edited range. */
  firstRow: number;
  /**
   * The edited Dumas columns as places in Dumas's row arrays (columnOf, 1-based), in sheet order; a column a person
   * added to the register is not among them (the trigger maps sheet columns through the layout).
   */
  columns: readonly number[];
  /** Whole register rows (every Dumas column, in Dumas's order) of the edited span, as they are after the edit. */
  rows: readonly (readonly unknown[])[];
  /** Only for a single-cell edit, as Sheets reports it. */
  oldValue?: unknown;
  editor: string;
  role: string;
  now: Date;
}

export interface VersionBump {
  row: number;
  /** The new values of Versi, Diperbarui, Diperbarui Oleh (adjacent in Dumas's row arrays). */
  values: [number, Date, string];
}

export const VERSION_COLUMN = columnOf('version');

function auditValue(value: unknown): unknown {
  if (Object.prototype.toString.call(value) === '[object Date]') return toIsoWita(value as Date);
  return value === undefined || value === null ? '' : value;
}

function columnName(column: number): { key: string; header: string; workflow: boolean; personal: boolean } {
  const spec = REGISTER_COLUMNS[column - 1];
  // The form-response id and the report summary: the add-on's own columns, not Complaint fields.
  if (!spec)
    return { key: REGISTER_HEADERS[column - 1], header: REGISTER_HEADERS[column - 1], workflow: true, personal: false };
  return {
    key: spec.field,
    header: spec.header,
    workflow: spec.workflow === true,
    personal: PERSONAL.includes(spec.field),
  };
}

export function directEditRecords(edit: DirectEdit): { entries: AuditEntry[]; bumps: VersionBump[] } {
  const columns = edit.columns;
  const names = columns.map(columnName);
  const single = edit.rows.length === 1 && columns.length === 1;
  const workflow = names.some((n) => n.workflow);
  const note = [WF.directEditNote(names.map((n) => n.header).join(', ')), workflow ? WF.directEditWorkflowNote : '']
    .filter((s) => s !== '')
    .join(' ');
  const entries: AuditEntry[] = [];
  const bumps: VersionBump[] = [];
  edit.rows.forEach((row, i) => {
    const rowNumber = edit.firstRow + i;
    const after: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    columns.forEach((c, j) => {
      const n = names[j];
      after[n.key] = n.personal ? WF.personalDataHidden : auditValue(row[c - 1]);
      if (single) before[n.key] = n.personal ? WF.personalDataHidden : auditValue(edit.oldValue);
    });
    // Clearing the number cell itself: the old value is the only trace of which complaint it was.
    const regNumber = cellText(row[0]).trim() || (single && columns[0] === 1 ? cellText(edit.oldValue) : '');
    entries.push({
      at: edit.now,
      actor: edit.editor || WF.unknownUser,
      role: edit.role,
      action: WF.directEditAction,
      regNumber,
      before: single ? JSON.stringify(before) : '',
      after: JSON.stringify(after),
      note: WF.directEditRowNote(note, rowNumber),
    });
    if (cellText(row[0]).trim() !== '') {
      const version = Number(row[VERSION_COLUMN - 1]);
      bumps.push({
        row: rowNumber,
        values: [(Number.isFinite(version) ? version : 1) + 1, edit.now, edit.editor || WF.unknownUser],
      });
    }
  });
  if (entries.length > MAX_ROW_ENTRIES) {
    const summary: AuditEntry = {
      ...entries[0],
      regNumber: '',
      before: '',
      after: '',
      note: `${WF.directEditMany(entries.length)} ${note}`,
    };
    return { entries: [summary], bumps };
  }
  return { entries, bumps };
}
