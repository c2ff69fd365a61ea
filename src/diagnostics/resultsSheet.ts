// The "Diagnostik" results sheet: one row per case (expected and observed as JSON text), written in one batch.
import { ELSEWHERE_TEXT, NEED_TEXT, RESULT_HEADERS, STATUS_TEXT } from '../messages/diagnostics';
import { canonical } from './observe';
import type { CaseResult, DiagnosticCase } from './types';

export const RESULTS_SHEET = 'Diagnostik';

/** The rows of the results sheet (header first); exported as CSV they are the record of a run. */
export function resultRows(results: readonly CaseResult[], cases: readonly DiagnosticCase[]): string[][] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  return [
    [...RESULT_HEADERS],
    ...results.map((r) => {
      const c = byId.get(r.id);
      const skipped = c?.runsIn === 'web-app' ? ELSEWHERE_TEXT['web-app'] : c?.needs ? NEED_TEXT[c.needs] : '';
      const observed = r.status === 'skip' ? skipped : canonical(r.observed);
      return [r.id, r.title, canonical(r.expected), observed, STATUS_TEXT[r.status], r.source];
    }),
  ];
}

/** Replaces the sheet's content; plain-text cells so JSON such as `-5` or `"=1+1"` is stored exactly. */
export function writeResults(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rows: string[][],
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet.getSheetByName(RESULTS_SHEET) ?? spreadsheet.insertSheet(RESULTS_SHEET);
  sheet.clear();
  const width = RESULT_HEADERS.length;
  // Every cell of every grid counts against the spreadsheet's 10,000,000: no empty columns.
  if (sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
  sheet.getRange(1, 1, rows.length, width).setNumberFormat('@').setValues(rows);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.activate();
  return sheet;
}
