// Setup's part of the register: its header repaired (registerLayout.ts), then the number formats and widths of Dumas's
// columns wherever they sit. A column a person added keeps its header, content, format and width.
import { REGISTER_COLUMNS, ROW_FORMATS } from './registerColumns';
import { RegisterLayout, repairRegisterHeader } from './registerLayout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Width of the form-response id column (not a Complaint field). */
const RESPONSE_ID_WIDTH = 120;

export function ensureRegisterColumns(sheet: Sheet, changes: string[]): RegisterLayout {
  const layout = repairRegisterHeader(sheet, changes);
  const rows = sheet.getMaxRows() - 1;
  // One call per run of adjacent Dumas columns, so a value typed by hand into the register is kept as typed too.
  for (const run of layout.runs(RegisterLayout.ALL)) {
    const formats = layout.fromCanonical(run, ROW_FORMATS) as string[];
    sheet.getRange(2, run.first, rows, formats.length).setNumberFormats(Array.from({ length: rows }, () => formats));
  }
  const widths = [...REGISTER_COLUMNS.map((c) => c.width), RESPONSE_ID_WIDTH];
  widths.forEach((w, i) => sheet.setColumnWidth(layout.column(i), w));
  return layout;
}
