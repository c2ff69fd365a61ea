// Direct edits of the register: an installable onEdit trigger records them in the audit log and bumps the
// row's version; workflow columns carry a warning-only protection so a person is warned before typing.
// (A hard protection would also stop the add-on: sidebar calls run as the signed-in user.)
import { findMember } from '../app/team';
import { WF } from '../messages/workflow';
import type { AuditEntry } from '../ports';
import type { GasContext } from './context';
import { VERSION_COLUMN, directEditRecords } from './directEditRecords';
import { REGISTER_COLUMNS, REGISTER_WIDTH, columnOf } from './registerColumns';
import { markRowsChanged } from './monitoringIndex';
import { SHEET_NAMES, type Workbook } from './workbook';

export const EDIT_HANDLER = 'onRegisterEdited';

/** Contiguous runs [first, last] (1-based) of the columns only the add-on should write. */
export function workflowColumnRuns(): [number, number][] {
  const runs: [number, number][] = [];
  REGISTER_COLUMNS.forEach((c, i) => {
    if (!c.workflow) return;
    const col = i + 1;
    const last = runs[runs.length - 1];
    if (last && last[1] === col - 1) last[1] = col;
    else runs.push([col, col]);
  });
  runs[runs.length - 1][1] = REGISTER_WIDTH; // the form-response id column belongs to the add-on too
  return runs;
}

/** Idempotent: one onEdit trigger for this spreadsheet, and the warning-only protections. Call from setup. */
export function ensureEditWatch(wb: Workbook, changes: string[]): void {
  const id = wb.spreadsheet.getId();
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === EDIT_HANDLER);
  const good = mine.find((t) => t.getTriggerSourceId() === id && t.getEventType() === ScriptApp.EventType.ON_EDIT);
  for (const t of mine) if (t !== good) ScriptApp.deleteTrigger(t);
  if (!good) {
    ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(wb.spreadsheet).onEdit().create();
    changes.push('Pencatat suntingan langsung pada Register dipasang.');
  }
  const sheet = wb.sheet('register');
  const existing = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((p) => p.getDescription() === WF.protectionNote);
  const runs = workflowColumnRuns();
  if (existing.length === runs.length) return;
  for (const p of existing) p.remove();
  const rows = sheet.getMaxRows() - 1;
  for (const [first, last] of runs) {
    sheet
      .getRange(2, first, rows, last - first + 1)
      .protect()
      .setDescription(WF.protectionNote)
      .setWarningOnly(true);
  }
  changes.push('Kolom alur kerja Register diberi peringatan perlindungan.');
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
  const firstColumn = range.getColumn();
  const lastColumn = Math.min(REGISTER_WIDTH, firstColumn + range.getNumColumns() - 1);
  if (firstColumn > REGISTER_WIDTH) return 0;
  const editor = editorEmail(event);
  const member = editor ? findMember(ctx.team(), editor) : undefined;
  return ctx.lock().withLock(() => {
    const deadline = columnOf('deadline');
    if (firstColumn <= deadline && deadline <= lastColumn) {
      // Pemantauan's index must not rank these rows by the deadline it read before (monitoringIndex.ts).
      markRowsChanged(Array.from({ length: lastRow - firstRow + 1 }, (_, i) => firstRow + i));
    }
    const rows = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, REGISTER_WIDTH).getValues();
    const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
    const { entries, bumps } = directEditRecords({
      firstRow,
      firstColumn,
      lastColumn,
      rows,
      oldValue: single ? event.oldValue : undefined,
      editor,
      role: member?.role ?? '',
      now: ctx.now,
    });
    if (bumps.length > 0) {
      const block: unknown[][] = rows.map((r: unknown[]) => [
        r[VERSION_COLUMN - 1],
        r[VERSION_COLUMN],
        r[VERSION_COLUMN + 1],
      ]);
      for (const b of bumps) block[b.row - firstRow] = [...b.values];
      sheet.getRange(firstRow, VERSION_COLUMN, block.length, 3).setValues(block);
    }
    const audit: AuditEntry[] = entries;
    ctx.audit().append(audit);
    return entries.length;
  });
}
