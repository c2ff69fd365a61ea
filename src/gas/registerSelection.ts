// The register seen from a sidebar: a link to a row, one column, one row.
import type { Complaint, ComplaintField } from '../domain/complaint';
import { indexOfKey, rowToComplaint } from './registerColumns';
import type { RegisterLayout } from './registerLayout';
import { readRows } from './registerSheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** `https://…/edit#gid=<sheetId>&range=A<row>`: opens the spreadsheet on that row. */
export function rowUrl(spreadsheetUrl: string, sheetId: number, row: number): string {
  const base = spreadsheetUrl.replace(/#.*$/, '');
  return `${base}#gid=${sheetId}&range=A${row}`;
}

/** One row read in one call; null when the row holds no complaint. */
export function readComplaintAt(sheet: Sheet, layout: RegisterLayout, row: number): Complaint | null {
  if (row < 2 || row > sheet.getLastRow()) return null;
  const values = readRows(sheet, layout, row, 1)[0];
  if (String(values[0]).trim() === '') return null;
  return rowToComplaint(values);
}

/** Registration numbers beside one other column: two single-column reads (far fewer cells than one wide read). */
export function readColumnWithKey(
  sheet: Sheet,
  layout: RegisterLayout,
  field: ComplaintField,
): { regNumber: string; value: string }[] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const column = (key: ComplaintField) => sheet.getRange(2, layout.column(indexOfKey(key)), last - 1, 1).getValues();
  const keys = column('regNumber');
  const values = column(field);
  return keys.map((r, i) => ({ regNumber: String(r[0]), value: String(values[i][0] ?? '') }));
}
