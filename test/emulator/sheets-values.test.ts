// Cell values through SpreadsheetApp: USER_ENTERED parsing, plain-text cells, dates, display text, formulas.
import { describe, expect, it } from 'vitest';
import { EmuContext } from './core/context';
import { createSpreadsheetApp } from './sheets';
import { createUi } from './ui';

function setup() {
  const ctx = new EmuContext();
  const ui = createUi(ctx);
  const app = createSpreadsheetApp(ctx, ui);
  const ss = app.control.createBound('Register');
  const sheet = ss.getSheets()[0];
  return { ctx, app, ss, sheet };
}

describe('writes parse strings like a person typing (General cells)', () => {
  it('a =HYPERLINK string becomes a formula: getFormulas shows it, getValues the label', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setValues([['=HYPERLINK("https://x","label")', '=HYPERLINK("https://only.url")']]);
    expect(r.getFormulas()).toEqual([['=HYPERLINK("https://x","label")', '=HYPERLINK("https://only.url")']]);
    expect(r.getValues()).toEqual([['label', 'https://only.url']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=HYPERLINK("https://x","label")');
  });

  it('a phone number with a leading zero becomes a number; in a @ cell it stays the string', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('081234567890');
    sheet.getRange('B1').setNumberFormat('@').setValue('081234567890');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[81234567890, '081234567890']]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('81234567890');
  });

  it('a 16-digit NIK becomes a number shown in scientific notation; in @ it is exact', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([['5102011501900001'], ['5102011501900001234']]);
    sheet.getRange('B1').setNumberFormat('@').setValue('5102011501900001234');
    expect(sheet.getRange('A1').getValue()).toBe(5102011501900001);
    expect(typeof sheet.getRange('A2').getValue()).toBe('number');
    expect(String(sheet.getRange('A2').getValue())).not.toBe('5102011501900001234'); // exactness lost
    expect(sheet.getRange('A1:A2').getDisplayValues()).toEqual([['5.10201E+15'], ['5.10201E+18']]);
    expect(sheet.getRange('B1').getValue()).toBe('5102011501900001234');
    expect(sheet.getRange('B1').getDisplayValue()).toBe('5102011501900001234');
  });

  it('parses signs, percents, booleans, grouped numbers and trims for detection; keeps "1,5" as text', () => {
    const { sheet } = setup();
    const inputs = [
      '+6281234567890',
      '-5',
      '5%',
      '12.5%',
      'TRUE',
      'false',
      '1,234',
      ' 12 ',
      '1,5',
      'Rp 5.000',
      '  teks  ',
    ];
    const r = sheet.getRange(1, 1, 1, inputs.length);
    r.setValues([inputs]);
    expect(r.getValues()).toEqual([
      [6281234567890, -5, 0.05, 0.125, true, false, 1234, 12, '1,5', 'Rp 5.000', '  teks  '],
    ]);
    expect(r.getDisplayValues()[0].slice(0, 7)).toEqual([
      '6281234567890',
      '-5',
      '5%',
      '12.5%',
      'TRUE',
      'FALSE',
      '1,234',
    ]);
  });

  it('a leading apostrophe forces text and is swallowed', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([["'0812", "'=1+1"]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['0812', '=1+1']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
  });

  it('text starting with + or - that is not a number is read as a formula and errors (formula injection)', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:C1');
    r.setValues([['+62 812-3456', '-hello', '=cmd|" /C calc"!A0']]);
    expect(r.getValues()).toEqual([['#ERROR!', '#NAME?', '#ERROR!']]);
    expect(r.getFormulas()[0][1]).toBe('=-hello');
  });

  it('in a @ cell every string is kept exactly, including = and an apostrophe', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:D1').setNumberFormat('@');
    r.setValues([['=HYPERLINK("u","l")', "'0812", '2026-11-30', 'TRUE']]);
    expect(r.getValues()).toEqual([['=HYPERLINK("u","l")', "'0812", '2026-11-30', 'TRUE']]);
    expect(r.getFormulas()).toEqual([['', '', '', '']]);
  });

  it('null and undefined clear the cell; non-strings are stored as they are', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:C1');
    r.setValues([[42, true, 'x']]);
    r.setValues([[null, undefined, '']]);
    expect(r.getValues()).toEqual([['', '', '']]);
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe('dates', () => {
  it('date-like strings become Dates (in the spreadsheet zone, WITA) in General, stay strings in @', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([['2026-11-30', '11/30/2026', '2026-11-30 14:05', '30/11/2026']]);
    sheet.getRange('E1').setNumberFormat('@').setValue('2026-11-30');
    const [a, b, c, d, e] = sheet.getRange('A1:E1').getValues()[0];
    expect(a).toBeInstanceOf(Date);
    expect((a as Date).toISOString()).toBe('2026-11-29T16:00:00.000Z'); // midnight WITA
    expect((b as Date).getTime()).toBe((a as Date).getTime());
    expect((c as Date).toISOString()).toBe('2026-11-30T06:05:00.000Z');
    expect(d).toBe('30/11/2026'); // not a date in en_US
    expect(e).toBe('2026-11-30');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['2026-11-30', '11/30/2026', '2026-11-30 14:05']]);
  });

  it('Date values written by the script read back as Dates of the bundle class, shown as M/d/yyyy H:mm:ss', () => {
    const { ctx, sheet } = setup();
    const at = ctx.newDate(Date.UTC(2026, 0, 5, 1, 30, 0)); // 09:30 WITA
    const midnight = ctx.newDate(Date.UTC(2026, 0, 4, 16, 0, 0)); // 00:00 WITA
    sheet.getRange('A1:B1').setValues([[at, midnight]]);
    const [v] = sheet.getRange('A1:B1').getValues();
    expect(v[0]).toBeInstanceOf(ctx.Date);
    expect((v[0] as Date).getTime()).toBe(at.getTime());
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['1/5/2026 9:30:00', '1/5/2026']]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
  });

  it('explicit date formats, and a number written into a date-formatted cell reads as a Date', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:C1');
    r.setNumberFormats([['yyyy-mm-dd', 'dd/mm/yyyy hh:mm', 'dd mmmm yyyy']]);
    r.setValues([['2026-03-07 08:09', '2026-03-07 08:09', 46000]]);
    expect(r.getDisplayValues()).toEqual([['2026-03-07', '07/03/2026 08:09', '09 December 2025']]);
    expect(r.getValues()[0][2]).toBeInstanceOf(Date);
  });

  it('a date under a numeric format reads as its serial number', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1').setValue('1899-12-31');
    cell.setNumberFormat('0');
    expect(cell.getValue()).toBe(1);
    expect(cell.getDisplayValue()).toBe('1');
  });
});

describe('display values with number formats', () => {
  it('formats 0, 0.00, #,##0 and @, and General fractions', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:E1');
    r.setNumberFormats([['0', '0.00', '#,##0', '@', '0.###############']]);
    r.setValues([[2.6, 2, 1234567.891, 3.5, 1 / 3]]);
    expect(r.getDisplayValues()).toEqual([['3', '2.00', '1,234,568', '3.5', '0.3333333333']]);
    expect(r.getNumberFormats()).toEqual([['0', '0.00', '#,##0', '@', '0.###############']]);
  });
});

describe('formulas', () => {
  it('computes references and arithmetic, reports unknown functions and division by zero', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([[2], [3]]);
    sheet.getRange('B1:F1').setValues([['=A1*A2+1', '=SUM(A1:A2)', '=NOSUCH(1)', '=A1/0', '="No. "&A2']]);
    expect(sheet.getRange('B1:F1').getValues()).toEqual([[7, 5, '#NAME?', '#DIV/0!', 'No. 3']]);
    sheet.getRange('A1').setValue(10);
    expect(sheet.getRange('B1').getValue()).toBe(31); // recomputed on read
  });

  it('a circular reference gives #REF!', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['=B1', '=A1']]);
    expect(sheet.getRange('A1').getValue()).toBe('#REF!');
  });
});

describe('shape errors', () => {
  it('throws Apps Script messages for rows, columns and non-2D data', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:C3');
    expect(() =>
      r.setValues([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() =>
      r.setValues([
        [1, 2, 3],
        [4, 5],
        [7, 8, 9],
      ]),
    ).toThrow(
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => r.setValues('x')).toThrow(
      "Exception: The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(() => r.setValues([1, 2, 3] as unknown)).toThrow(
      "Exception: The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(sheet.getLastRow()).toBe(0); // nothing was written
  });
});
