// Direct edits of the register: an installable onEdit trigger records them in the audit log and bumps the
// row's version; workflow columns carry a warning-only protection so a person is warned before typing.
// (A hard protection would also stop the add-on: sidebar calls run as the signed-in user.)
import { findMember } from '../app/team';
import { SETUP_CHANGES } from '../messages/setup';
import { WF } from '../messages/workflow';
import type { AuditEntry } from '../ports';
import type { GasContext } from './context';
import { VERSION_COLUMN, directEditRecords } from './directEditRecords';
import {
  REGISTER_COLUMNS,
  REPORT_SUMMARY_COLUMN,
  RESPONSE_ID_COLUMN,
  columnOf,
  complaintToRow,
  responseIdOf,
  rowToComplaint,
} from './registerColumns';
import { markRowsChanged } from './monitoringIndex';
import { RegisterLayout } from './registerLayout';
import { readRows, writeRows } from './registerSheet';
import { SHEET_NAMES, type Workbook } from './workbook';

export const EDIT_HANDLER = 'onRegisterEdited';

/** Where the columns only the add-on should write sit in the sheet: runs [first, last] of adjacent columns (1-based). */
export function workflowColumnRuns(layout: RegisterLayout = RegisterLayout.CANONICAL): [number, number][] {
  const indexes = REGISTER_COLUMNS.flatMap((c, i) => (c.workflow ? [i] : []));
  // The form-response id and the report summary belong to the add-on too.
  indexes.push(RESPONSE_ID_COLUMN - 1, REPORT_SUMMARY_COLUMN - 1);
  return layout.runs(indexes).map((r) => [r.first, r.first + r.indexes.length - 1]);
}

/** Versi, Diperbarui, Diperbarui Oleh: what a direct edit bumps. */
const BUMPED = [VERSION_COLUMN - 1, VERSION_COLUMN, VERSION_COLUMN + 1];
const SUMMARY = REPORT_SUMMARY_COLUMN - 1;

/** Idempotent: one onEdit trigger for this spreadsheet, and the warning-only protections. Call from setup. */
export function ensureEditWatch(wb: Workbook, layout: RegisterLayout, changes: string[]): void {
  const spreadsheet = wb.spreadsheetFor('register');
  const id = spreadsheet.getId();
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === EDIT_HANDLER);
  const good = mine.find((t) => t.getTriggerSourceId() === id && t.getEventType() === ScriptApp.EventType.ON_EDIT);
  for (const t of mine) if (t !== good) ScriptApp.deleteTrigger(t);
  if (!good) {
    ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
    changes.push(SETUP_CHANGES.editWatchInstalled);
  }
  const sheet = wb.sheet('register');
  const existing = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((p) => p.getDescription() === WF.protectionNote);
  const rows = sheet.getMaxRows() - 1;
  const runs = workflowColumnRuns(layout);
  // Compared by range: a column inserted or moved by hand changes which columns the warnings must cover.
  const wanted = runs.map(([first, last]) => sheet.getRange(2, first, rows, last - first + 1).getA1Notation());
  const have = existing.map((p) => p.getRange().getA1Notation());
  if (have.length === wanted.length && wanted.every((a1) => have.includes(a1))) return;
  for (const p of existing) p.remove();
  for (const [first, last] of runs) {
    sheet
      .getRange(2, first, rows, last - first + 1)
      .protect()
      .setDescription(WF.protectionNote)
      .setWarningOnly(true);
  }
  changes.push(SETUP_CHANGES.workflowColumnsWarned);
}

function editorEmail(event: GoogleAppsScript.Events.SheetsOnEdit): string {
  try {
    return (event.user?.getEmail() ?? '').trim().toLowerCase();
  } catch {
    return ''; // consumer accounts across domains do not reveal the editor
  }
}

/**
 * The trigger's work: read the edited rows once, append their audit rows in one write, bump their
 * versions in one write. Runs as the installer (the administrator), who may write the protected log.
 */
export function recordDirectEdit(ctx: GasContext, event: GoogleAppsScript.Events.SheetsOnEdit): number {
  const range = event.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== SHEET_NAMES.register) return 0;
  const firstRow = Math.max(2, range.getRow());
  const lastRow = range.getRow() + range.getNumRows() - 1;
  if (lastRow < firstRow) return 0; // the header row: setup repairs it
  const layout = ctx.registerLayout();
  const columns: number[] = [];
  for (let c = range.getColumn(); c < range.getColumn() + range.getNumColumns(); c++) {
    const index = layout.indexAt(c);
    if (index >= 0) columns.push(index + 1);
  }
  if (columns.length === 0) return 0; // only columns a person added: theirs, not the register's
  const editor = editorEmail(event);
  const member = editor ? findMember(ctx.team(), editor) : undefined;
  return ctx.lock().withLock(() => {
    // `columns` are canonical (the layout mapped the sheet's): the deadline wherever staff moved it.
    if (columns.includes(columnOf('deadline'))) {
      // Pemantauan's index must not rank these rows by the deadline it read before (monitoringIndex.ts).
      markRowsChanged(Array.from({ length: lastRow - firstRow + 1 }, (_, i) => firstRow + i));
    }
    const rows = readRows(sheet, layout, firstRow, lastRow - firstRow + 1);
    const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
    const { entries, bumps } = directEditRecords({
      firstRow,
      columns,
      rows,
      oldValue: single ? event.oldValue : undefined,
      editor,
      role: member?.role ?? '',
      now: ctx.now,
    });
    if (bumps.length > 0) {
      // Rows without a number keep their cells: the block is written back as read, bumped rows changed.
      const block = rows.map((r) => [...r]);
      for (const b of bumps) {
        const row = block[b.row - firstRow];
        BUMPED.forEach((index, k) => (row[index] = b.values[k]));
        // The report summary of the row as edited (read as the report would read its columns), at the new version.
        row[SUMMARY] = complaintToRow(rowToComplaint(row), responseIdOf(row))[SUMMARY];
      }
      writeRows(sheet, layout, firstRow, block, [...BUMPED, SUMMARY]);
    }
    const audit: AuditEntry[] = entries;
    ctx.audit().append(audit);
    return entries.length;
  });
}
