// Sheets cases: how setValue / setValues / appendRow parse strings in General and plain-text cells, Dates, wrong shapes.
import { cellValue, thrownBy } from '../observe';
import type { CellKind, DiagnosticCase, Json, Scratch } from '../types';

const DOC = 'https://developers.google.com/apps-script/reference/spreadsheet';
const SET_VALUE_DOC = `${DOC}/range#setValue(Object)`;
const APPEND_ROW_DOC = `${DOC}/sheet#appendRow(Object)`;
const SET_VALUES_DOC = `${DOC}/range#setValues(Object)`;
const CSV_INJECTION = 'https://owasp.org/www-community/attacks/CSV_Injection';
const PARSING = 'unverified: Sheets parses a written string like typed input (en_US locale)';
// A public report: '01234' becomes the number 1234, and a plain-text (@) column keeps strings unchanged.
const NUMBER_LIKE_REPORT = 'https://github.com/vlucas/sheetquery/issues/20';
const PLAIN_TEXT = `unverified: a plain-text (@) cell keeps a written string exactly (report: ${NUMBER_LIKE_REPORT})`;

interface Cell {
  value: Json;
  display: string;
}
const same = (text: string): Cell => ({ value: text, display: text });

/** One input string and what each kind of cell is expected to hold after it is written. */
interface WriteInput {
  key: string;
  input: string;
  general: Cell;
  generalSource: string;
  /** Default: the string itself, unchanged. */
  text?: Cell;
}

const WITA_MIDNIGHT_30_NOV = '2026-11-29T16:00:00.000Z';

export const WRITE_INPUTS: readonly WriteInput[] = [
  {
    key: 'leading-equals',
    input: '=1+1',
    general: { value: 2, display: '2' },
    generalSource: `${SET_VALUE_DOC} ${APPEND_ROW_DOC}`,
  },
  {
    key: 'leading-plus-number',
    input: '+6281234567890',
    general: { value: 6281234567890, display: '6281234567890' },
    generalSource: PARSING,
  },
  { key: 'leading-plus-phone', input: '+62 812-3456-7890', general: same('#ERROR!'), generalSource: CSV_INJECTION },
  { key: 'leading-minus', input: '- lihat lampiran', general: same('#ERROR!'), generalSource: CSV_INJECTION },
  { key: 'leading-at', input: '@tabanan', general: same('@tabanan'), generalSource: PARSING },
  { key: 'leading-apostrophe', input: "'0812", general: same('0812'), generalSource: PARSING },
  {
    key: 'leading-zero',
    input: '081234567890',
    general: { value: 81234567890, display: '81234567890' },
    generalSource: NUMBER_LIKE_REPORT,
  },
  {
    key: 'sixteen-digits',
    input: '5102014506900002',
    general: { value: 5102014506900002, display: '5.10201E+15' },
    generalSource: PARSING,
  },
  {
    key: 'iso-date',
    input: '2026-11-30',
    general: { value: { date: WITA_MIDNIGHT_30_NOV }, display: '2026-11-30' },
    generalSource: PARSING,
  },
  { key: 'dmy-date', input: '30/11/2026', general: same('30/11/2026'), generalSource: PARSING },
  { key: 'line-break', input: 'baris 1\nbaris 2', general: same('baris 1\nbaris 2'), generalSource: PARSING },
];

function read(range: GoogleAppsScript.Spreadsheet.Range): Cell {
  return { value: cellValue(range.getValues()[0][0]), display: range.getDisplayValues()[0][0] };
}

function asJson(cell: Cell): Json {
  return { value: cell.value, display: cell.display };
}

/** Writes `input` with each of the three methods into fresh cells of `kind` and reads every one back. */
function writeThreeWays(s: Scratch, input: string, kind: CellKind): Json {
  const single = s.block(1, 1, kind);
  single.setValue(input);
  const grid = s.block(1, 1, kind);
  grid.setValues([[input]]);
  const target = s.appendTarget(1, kind);
  s.sheet.appendRow([input]);
  return { setValue: asJson(read(single)), setValues: asJson(read(grid)), appendRow: asJson(read(target)) };
}

function writeCases(): DiagnosticCase[] {
  const out: DiagnosticCase[] = [];
  for (const w of WRITE_INPUTS) {
    const general = asJson(w.general);
    const text = asJson(w.text ?? same(w.input));
    out.push({
      id: `sheets.write.general.${w.key}`,
      title: `${JSON.stringify(w.input)} written to a General cell (setValue, setValues, appendRow), read with getValues and getDisplayValues`,
      source: w.generalSource,
      expected: { setValue: general, setValues: general, appendRow: general },
      run: (s) => writeThreeWays(s, w.input, 'general'),
    });
    out.push({
      id: `sheets.write.text.${w.key}`,
      title: `${JSON.stringify(w.input)} written to a plain-text (@) cell (setValue, setValues, appendRow), read with getValues and getDisplayValues`,
      source: PLAIN_TEXT,
      expected: { setValue: text, setValues: text, appendRow: text },
      run: (s) => writeThreeWays(s, w.input, 'text'),
    });
  }
  return out;
}

// 2026-11-30 09:02:03 WITA, and midnight of the same day.
const MORNING = Date.UTC(2026, 10, 30, 1, 2, 3);
const MIDNIGHT = Date.UTC(2026, 10, 29, 16, 0, 0);

function writeDate(s: Scratch, ms: number, kind: CellKind, format?: string): Json {
  const cell = s.block(1, 1, kind);
  if (format) cell.setNumberFormat(format);
  cell.setValue(new Date(ms));
  return asJson(read(cell));
}

function shapeError(s: Scratch, rows: number, columns: number, data: unknown): Json {
  const range = s.block(rows, columns, 'general');
  return thrownBy(() => range.setValues(data as unknown[][]));
}

const DATE_CASES: DiagnosticCase[] = [
  {
    id: 'sheets.date.general',
    title: 'A Date (09:02:03 WITA) written to a General cell reads back as the same instant, shown as M/d/yyyy H:mm:ss',
    source: 'unverified: the display format Sheets gives a Date written by a script',
    expected: { value: { date: new Date(MORNING).toISOString() }, display: '11/30/2026 9:02:03' },
    run: (s) => writeDate(s, MORNING, 'general'),
  },
  {
    id: 'sheets.date.general-midnight',
    title: 'A Date at midnight WITA written to a General cell is shown without a time',
    source: 'unverified: the display format Sheets gives a Date written by a script',
    expected: { value: { date: new Date(MIDNIGHT).toISOString() }, display: '11/30/2026' },
    run: (s) => writeDate(s, MIDNIGHT, 'general'),
  },
  {
    id: 'sheets.date.register-format',
    title: "A Date written to a cell formatted 'dd/mm/yyyy hh:mm' (the register's date-time columns)",
    source: `${DOC}/range#setNumberFormat(String)`,
    expected: { value: { date: new Date(MORNING).toISOString() }, display: '30/11/2026 09:02' },
    run: (s) => writeDate(s, MORNING, 'general', 'dd/mm/yyyy hh:mm'),
  },
  {
    id: 'sheets.date.text-cell',
    title: 'A Date written to a plain-text (@) cell stays a date value',
    source: 'unverified: what a plain-text cell does with a Date value',
    expected: { value: { date: new Date(MORNING).toISOString() }, display: '11/30/2026 9:02:03' },
    run: (s) => writeDate(s, MORNING, 'text'),
  },
  {
    id: 'sheets.text-cell.number',
    title: 'A number written to a plain-text (@) cell stays a number',
    source: 'unverified: what a plain-text cell does with a number value',
    expected: { value: 5, display: '5' },
    run: (s) => {
      const cell = s.block(1, 1, 'text');
      cell.setValue(5);
      return asJson(read(cell));
    },
  },
  {
    id: 'sheets.text-cell.boolean',
    title: 'A boolean written to a plain-text (@) cell stays a boolean (the register stores flags in @ columns)',
    source: 'unverified: what a plain-text cell does with a boolean value',
    expected: { value: true, display: 'TRUE' },
    run: (s) => {
      const cell = s.block(1, 1, 'text');
      cell.setValue(true);
      return asJson(read(cell));
    },
  },
];

const FORMAT_CASES: DiagnosticCase[] = [
  {
    id: 'sheets.number-format.default',
    title: 'getNumberFormat of a never-formatted cell',
    source: 'https://github.com/brucemcpherson/gas-fakes/issues/27 (report of live Apps Script)',
    expected: '0.###############',
    run: (s) => s.block(1, 1, 'general').getNumberFormat(),
  },
];

const SHAPE_CASES: DiagnosticCase[] = [
  {
    id: 'sheets.shape.too-many-rows',
    title: 'setValues with 2 rows into a 1-row range throws',
    source: SET_VALUES_DOC,
    expected: {
      error:
        'Exception: The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 1.',
    },
    run: (s) =>
      shapeError(s, 1, 2, [
        ['a', 'b'],
        ['c', 'd'],
      ]),
  },
  {
    id: 'sheets.shape.too-few-columns',
    title: 'setValues with 1 column into a 2-column range throws',
    source: SET_VALUES_DOC,
    expected: {
      error:
        'Exception: The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    },
    run: (s) => shapeError(s, 1, 2, [['a']]),
  },
  {
    id: 'sheets.shape.ragged',
    title: 'setValues with a short second row throws (rows are checked one by one)',
    source: SET_VALUES_DOC,
    expected: {
      error:
        'Exception: The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    },
    run: (s) => shapeError(s, 2, 2, [['a', 'b'], ['c']]),
  },
  {
    id: 'sheets.shape.one-dimensional',
    title: 'setValues with a flat array throws the signature message',
    source: SET_VALUES_DOC,
    expected: {
      error:
        "Exception: The parameters (String[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    },
    run: (s) => shapeError(s, 1, 2, ['a', 'b']),
  },
];

const ENV_CASES: DiagnosticCase[] = [
  {
    id: 'env.spreadsheet-locale',
    title: 'The spreadsheet locale the parsing cases assume (File → Settings → Locale)',
    source: `${DOC}/spreadsheet#getSpreadsheetLocale()`,
    expected: 'en_US',
    run: (s) => s.services.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale(),
  },
  {
    id: 'env.spreadsheet-timezone',
    title: 'The spreadsheet time zone the date cases assume',
    source: `${DOC}/spreadsheet#getSpreadsheetTimeZone()`,
    expected: 'Asia/Makassar',
    run: (s) => s.services.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
  },
  {
    id: 'env.script-timezone',
    title: "The script time zone from the manifest (appsscript.json 'timeZone')",
    source: 'https://developers.google.com/apps-script/reference/base/session#getScriptTimeZone()',
    expected: 'Asia/Makassar',
    run: (s) => s.services.Session.getScriptTimeZone(),
  },
];

export const SHEET_CASES: readonly DiagnosticCase[] = [
  ...ENV_CASES,
  ...writeCases(),
  ...DATE_CASES,
  ...FORMAT_CASES,
  ...SHAPE_CASES,
];
