// The few register columns the helpers need, read as columns (never whole rows): the LAPOR! tracking IDs and the
// duplicate links (one column each, beside the numbers), and what a duplicate search compares; the Kategori sheet.
import { parseCategories, type Category } from '../domain/category';
import type { Complaint } from '../domain/complaint';
import { CATEGORY_HEADERS } from '../messages/categories';
import type { RegisterLayout } from './registerLayout';
import type { RegisterColumnKey } from './registerColumns';
import { storedFrom, type RegisterReader } from './registerReads';
import { readColumnWithKey } from './registerSelection';
import type { Workbook } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function laporIdRows(sheet: Sheet, layout: RegisterLayout): { regNumber: string; laporId: string }[] {
  return readColumnWithKey(sheet, layout, 'laporId').map((r) => ({ regNumber: r.regNumber, laporId: r.value.trim() }));
}

export function duplicateLinkRows(sheet: Sheet, layout: RegisterLayout): { regNumber: string; duplicateOf: string }[] {
  return readColumnWithKey(sheet, layout, 'duplicateOf').map((r) => ({
    regNumber: r.regNumber,
    duplicateOf: r.value.trim(),
  }));
}

/** What possibleDuplicates compares and a duplicate row shows; the other fields of these complaints stay empty. */
export const DUPLICATE_SEARCH_COLUMNS: readonly RegisterColumnKey[] = [
  'regNumber',
  'receivedAt',
  'nik',
  'phoneCanonical',
  'email',
  'subject',
  'status',
  'unit',
  'duplicateOf',
  'relatedTo',
];

/**
 * The register's last rows (the complaints received lately: rows are appended in time order) as far as a duplicate
 * search needs them. Bounded, so the search costs the same at 100 and at 50,000 complaints; 1,000 rows are about
 * ten months of this office, beyond any window the setting allows in practice.
 */
export const DUPLICATE_SEARCH_ROWS = 1000;

export function duplicateSearchRows(reader: RegisterReader, lastRows = DUPLICATE_SEARCH_ROWS): Complaint[] {
  const last = reader.lastRow();
  const first = Math.max(2, last - lastRows + 1);
  const rows = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
  return storedFrom(reader.rows(rows, DUPLICATE_SEARCH_COLUMNS)).map((s) => s.complaint);
}

/** The active categories of the Kategori sheet; none in a workbook set up before the sheet existed. */
export function readCategories(workbook: Workbook, unitNames: readonly string[]): Category[] {
  if (!workbook.has('categories')) return [];
  return parseCategories(workbook.rows('categories', CATEGORY_HEADERS.length), unitNames).categories;
}
