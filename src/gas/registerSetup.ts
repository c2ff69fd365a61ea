// Setup's part of the register: its header repaired (registerLayout.ts), then the number formats and widths of Dumas's
// columns wherever they sit. A column a person added keeps its header, content, format and width.
import { REGISTER_COLUMNS, ROW_FORMATS, SUMMARY_FIELDS, indexOfKey, summaryCell } from './registerColumns';
import { RegisterLayout, repairRegisterHeader } from './registerLayout';
import { RegisterReader } from './registerReads';
import { writeRows } from './registerSheet';
import { cellText } from '../lib/cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Width of the form-response id column (not a Complaint field). */
const RESPONSE_ID_WIDTH = 120;
/** Width of the report summary column (hidden: it is Dumas's, not for reading). */
const SUMMARY_WIDTH = 120;

export function ensureRegisterColumns(sheet: Sheet, changes: string[]): RegisterLayout {
  const appended: number[] = [];
  const layout = repairRegisterHeader(sheet, changes, appended);
  const rows = sheet.getMaxRows() - 1;
  // One call per run of adjacent Dumas columns, so a value typed by hand into the register is kept as typed too.
  for (const run of layout.runs(RegisterLayout.ALL)) {
    const formats = layout.fromCanonical(run, ROW_FORMATS) as string[];
    sheet.getRange(2, run.first, rows, formats.length).setNumberFormats(Array.from({ length: rows }, () => formats));
  }
  const widths = [...REGISTER_COLUMNS.map((c) => c.width), RESPONSE_ID_WIDTH, SUMMARY_WIDTH];
  widths.forEach((w, i) => sheet.setColumnWidth(layout.column(i), w));
  const summary = indexOfKey('reportSummary');
  if (appended.includes(summary)) {
    sheet.hideColumns(layout.column(summary));
    fillSummaries(sheet, layout);
  }
  return layout;
}

/**
 * The migration that adds the summary column: every existing row's summary written from its cells (the report's
 * fields and the version, read whole; one write of the column). No lock is needed: a row rewritten meanwhile gets a
 * summary of its older version here, which the report takes for stale and reads field by field.
 */
function fillSummaries(sheet: Sheet, layout: RegisterLayout): void {
  const reader = new RegisterReader(sheet, () => layout);
  const last = reader.lastRow();
  if (last < 2) return;
  const raw = reader.columns([...SUMMARY_FIELDS, 'version']);
  const index = indexOfKey('reportSummary');
  const rows = Array.from({ length: last - 1 }, (_, i) => {
    const cells = raw.get(i + 2) ?? [];
    const row = new Array<unknown>(cells.length).fill('');
    // A row without a number (left blank by hand) keeps an empty summary.
    row[index] = cellText(cells[0]).trim() === '' ? '' : summaryCell(cells);
    return row;
  });
  writeRows(sheet, layout, 2, rows, [index]);
}
