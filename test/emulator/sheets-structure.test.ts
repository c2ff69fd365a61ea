// Spreadsheets and sheets: structure, size, recorded formatting rules, protections, charts, call counts.
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
  return { ctx, ui, app, SpreadsheetApp: app.global, ss, sheet };
}

describe('spreadsheets and sheets', () => {
  it('the bound spreadsheet is active, registered in Drive, and has one 1000×26 Sheet1', () => {
    const { ctx, SpreadsheetApp, ss, sheet } = setup();
    expect(SpreadsheetApp.getActiveSpreadsheet()).toBe(ss);
    expect(ctx.files.get(ss.getId())?.payload).toBe(ss);
    expect(ss.getUrl()).toContain(ss.getId());
    expect([sheet.getName(), sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getSheetId()]).toEqual([
      'Sheet1',
      1000,
      26,
      0,
    ]);
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Makassar');
  });

  it('insertSheet names, positions and activates; duplicate names throw (case-insensitively)', () => {
    const { ss } = setup();
    const reg = ss.insertSheet('Register');
    expect(ss.getActiveSheet().getName()).toBe('Register');
    ss.insertSheet('Settings', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Settings', 'Sheet1', 'Register']);
    expect(() => ss.insertSheet('register')).toThrow(
      'Exception: A sheet with the name "register" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('REGISTER')?.getSheetId()).toBe(reg.getSheetId());
    expect(ss.getSheetByName('Missing')).toBeNull();
    expect(reg.getIndex()).toBe(3);
    ss.deleteSheet(ss.getSheetByName('Sheet1')!);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Settings', 'Register']);
  });

  it('openById of an unknown id throws; with only the currentonly scope even a known one throws', () => {
    const { app, SpreadsheetApp } = setup();
    const other = app.control.create('Arsip');
    expect(SpreadsheetApp.openById(other.getId())).toBe(other);
    expect(() => SpreadsheetApp.openById('nope')).toThrow(
      'Exception: Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
    app.control.setScopes(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    expect(() => SpreadsheetApp.openById(other.getId())).toThrow(
      'Exception: You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  it('getActiveRange and getActiveCell follow the selection the harness makes', () => {
    const { app, ss, sheet } = setup();
    app.control.select(sheet, 'B5:D7');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('B5:D7');
    expect(ss.getActiveCell().getA1Notation()).toBe('B5');
  });
});

describe('grid size and content bounds', () => {
  it('getLastRow/getLastColumn follow appendRow and sparse writes', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.appendRow(['No', 'Nama', 'Telepon']);
    sheet.appendRow([1, 'Wayan', '081234567890']);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 3]);
    sheet.getRange('F10').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([10, 6]);
    sheet.appendRow(['after']);
    expect(sheet.getRange('A11').getValue()).toBe('after');
    sheet.getRange('F10').clearContent();
    sheet.getRange('A11').setBackground('#ff0000').clearContent(); // formats are not content
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C2');
    expect(sheet.getRange('C2').getValue()).toBe(81234567890); // appendRow parses too
  });

  it('getRange beyond the grid throws; appendRow and insertRows grow it', () => {
    const { ss } = setup();
    const small = ss.insertSheet('Small');
    small.deleteRows(3, 998);
    expect(small.getMaxRows()).toBe(2);
    expect(() => small.getRange(3, 1)).toThrow(
      'Exception: The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => small.getRange('A1:AA1')).toThrow(
      'Exception: The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => small.getRange(0, 1)).toThrow('Exception: The starting row of the range is too small.');
    expect(() => small.getRange('not a range')).toThrow('Exception: Range not found');
    small.appendRow(['a']);
    small.appendRow(['b']);
    small.appendRow(['c']);
    expect(small.getMaxRows()).toBe(3);
    small.appendRow(new Array(30).fill('z'));
    expect([small.getMaxRows(), small.getMaxColumns()]).toEqual([4, 30]);
    small.insertRowsAfter(1, 5);
    expect(small.getMaxRows()).toBe(9);
    expect(small.getRange('A7:A9').getValues()).toEqual([['b'], ['c'], ['z']]);
  });

  it('a NaN coordinate fails like row 0 instead of making a range that reads empty; fractions are cut to ints', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('Coords');
    sheet.getRange('A2').setValue('isi');
    expect(() => sheet.getRange(NaN, 1)).toThrow('Exception: The starting row of the range is too small.');
    expect(() => sheet.getRange(2, 1, NaN, 1)).toThrow(
      'Exception: The number of rows in the range must be at least 1.',
    );
    expect(() => sheet.getRange(Infinity, 1)).toThrow(
      'Exception: The coordinates of the range are outside the dimensions of the sheet.',
    );
    const cut = sheet.getRange(2.9, 1.2, 1.5, 1);
    expect(cut.getA1Notation()).toBe('A2');
    expect(cut.getValues()).toEqual([['isi']]);
  });

  it('inserted rows take the formats of their neighbour, deleteRow shifts content up', () => {
    const { sheet } = setup();
    sheet.getRange('A2').setNumberFormat('@').setValue('0812');
    sheet.insertRowAfter(2);
    expect(sheet.getRange('A3').getNumberFormat()).toBe('@');
    sheet.getRange('A3').setValue('0813');
    expect(sheet.getRange('A3').getValue()).toBe('0813');
    sheet.deleteRow(2);
    expect(sheet.getRange('A2').getValue()).toBe('0813');
    expect(() => sheet.deleteRows(999, 5)).toThrow('Exception: Those rows are out of bounds.');
    expect(() => sheet.deleteRows(1, 1000)).toThrow(
      'Exception: Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  it('moveColumns moves before the destination counted before the move (A:B to 5 become C:D), hidden columns still read', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([['a', 'b', 'c', 'd', 'e', 'f']]);
    sheet.getRange('A2').setNumberFormat('@').setValue('0812');
    sheet.moveColumns(sheet.getRange('A1:B1'), 5);
    expect(sheet.getRange('A1:F1').getValues()[0]).toEqual(['c', 'd', 'a', 'b', 'e', 'f']);
    expect(sheet.getRange('C2').getNumberFormat()).toBe('@');
    sheet.moveColumns(sheet.getRange('F1'), 1);
    expect(sheet.getRange('A1:F1').getValues()[0]).toEqual(['f', 'c', 'd', 'a', 'b', 'e']);
    sheet.hideColumns(2);
    expect(sheet.isColumnHiddenByUser(2)).toBe(true);
    sheet.insertColumnBefore(1);
    expect([sheet.isColumnHiddenByUser(2), sheet.isColumnHiddenByUser(3)]).toEqual([false, true]);
    expect(sheet.getRange('C1').getValue()).toBe('c');
    sheet.getRange('C1').setValue('c2');
    expect(sheet.getRange('A1:G1').getValues()[0]).toEqual(['', 'f', 'c2', 'd', 'a', 'b', 'e']);
    expect(() => sheet.moveColumns(sheet.getRange('A1'), 99)).toThrow('Exception: Those columns are out of bounds.');
  });
});

describe('recorded structure', () => {
  it('frozen rows, widths, tab colour and hidden state are recorded', () => {
    const { app, ss, sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    sheet.setColumnWidth(3, 240).setColumnWidths(4, 2, 80);
    sheet.setTabColor('#1a73e8');
    ss.insertSheet('Hidden').hideSheet();
    expect(sheet.getFrozenRows()).toBe(1);
    const state = app.control.state(sheet);
    expect(state).toMatchObject({
      frozenRows: 1,
      frozenColumns: 2,
      columnWidths: { 3: 240, 4: 80, 5: 80 },
      tabColor: '#1a73e8',
    });
    expect(ss.getSheetByName('Hidden')?.isSheetHidden()).toBe(true);
  });

  it('data validation is recorded, readable, and only flags (never blocks) invalid script writes', () => {
    const { app, SpreadsheetApp, sheet } = setup();
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(['Baru', 'Selesai'])
      .setAllowInvalid(false)
      .setHelpText('Pilih status')
      .build();
    sheet.getRange('D2:D5').setDataValidation(rule);
    sheet.getRange('E2').setDataValidation(SpreadsheetApp.newDataValidation().requireDate().build());
    const got = sheet.getRange('D3').getDataValidation();
    expect(got?.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(got?.getCriteriaValues()).toEqual([['Baru', 'Selesai'], true]);
    expect([got?.getAllowInvalid(), got?.getHelpText()]).toEqual([false, 'Pilih status']);
    expect(sheet.getRange('D1').getDataValidation()).toBeNull();
    sheet.getRange('D2:D3').setValues([['Baru'], ['Hilang']]);
    sheet.getRange('E2').setValue('bukan tanggal');
    expect(sheet.getRange('D3').getValue()).toBe('Hilang');
    expect(app.control.invalidCells(sheet)).toEqual(['E2', 'D3']); // row by row
  });

  it('conditional format rules are recorded with their ranges', () => {
    const { app, SpreadsheetApp, sheet } = setup();
    const late = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$H2<TODAY()')
      .setBackground('#f4cccc')
      .setRanges([sheet.getRange('A2:M1000')])
      .build();
    const done = SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo('Selesai')
      .setFontColor('#137333')
      .setRanges([sheet.getRange('D2:D')])
      .build();
    sheet.setConditionalFormatRules([late, done]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    expect(app.control.state(sheet).conditionalFormats).toEqual([
      {
        ranges: ['A2:M1000'],
        criteria: 'CUSTOM_FORMULA',
        values: ['=$H2<TODAY()'],
        background: '#f4cccc',
        fontColor: null,
        bold: null,
      },
      {
        ranges: ['D2:D1000'],
        criteria: 'TEXT_EQUAL_TO',
        values: ['Selesai'],
        background: null,
        fontColor: '#137333',
        bold: null,
      },
    ]);
  });

  it('protections record editors; the owner cannot be removed; canEdit follows the effective user', () => {
    const { ctx, app, SpreadsheetApp, ss, sheet } = setup();
    ss.addEditors(['staf@diskopumkm.example.go.id']);
    const p = sheet.protect().setDescription('Register: hanya lewat Dumas');
    expect(sheet.protect()).toBe(p); // one sheet protection per sheet
    p.removeEditors(p.getEditors());
    p.addEditor('kabid@diskopumkm.example.go.id');
    const colA = sheet.getRange('A:A').protect().setWarningOnly(true);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toEqual([p]);
    expect(ss.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toEqual([colA]);
    expect(app.control.state(sheet).protections).toEqual([
      {
        type: 'SHEET',
        sheet: 'Sheet1',
        range: 'A1:Z1000',
        description: 'Register: hanya lewat Dumas',
        warningOnly: false,
        editors: ['admin@diskopumkm.example.go.id', 'kabid@diskopumkm.example.go.id'],
        unprotected: [],
      },
      {
        type: 'RANGE',
        sheet: 'Sheet1',
        range: 'A1:A1000',
        description: '',
        warningOnly: true,
        editors: ['admin@diskopumkm.example.go.id', 'staf@diskopumkm.example.go.id'],
        unprotected: [],
      },
    ]);
    expect(p.canEdit()).toBe(true);
    ctx.users.effective = 'staf@diskopumkm.example.go.id';
    expect(p.canEdit()).toBe(false);
    expect(colA.canEdit()).toBe(true);
  });

  it('charts are built, inserted and recorded', () => {
    const { app, SpreadsheetApp, ss } = setup();
    const report = ss.insertSheet('Laporan');
    const chart = report
      .newChart()
      .setChartType('COLUMN')
      .addRange(report.getRange('A1:B6'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Pengaduan per bulan')
      .build();
    report.insertChart(chart);
    expect(report.getCharts()).toHaveLength(1);
    expect(app.control.state(report).charts[0]).toMatchObject({
      type: 'COLUMN',
      ranges: ['A1:B6'],
      position: { row: 2, column: 4, offsetX: 0, offsetY: 0 },
      options: { title: 'Pengaduan per bulan' },
    });
    report.removeChart(chart);
    expect(report.getCharts()).toEqual([]);
    expect(SpreadsheetApp.BorderStyle.SOLID).toBe('SOLID');
  });

  it('toast is recorded on the UI control', () => {
    const { ui, ss } = setup();
    ss.toast('Tersimpan', 'Dumas', 3);
    expect(ui.control.toasts).toMatchObject([{ message: 'Tersimpan', title: 'Dumas', timeoutSeconds: 3 }]);
  });
});

describe('emulation boundaries', () => {
  it('a method that is not emulated throws "not emulated:"', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1') as unknown as { randomize(): void };
    expect(() => range.randomize()).toThrow('not emulated: Range.randomize');
  });

  it('getUi throws where there is no UI (triggers)', () => {
    const { ui, SpreadsheetApp } = setup();
    expect(() => ui.control.withoutUi(() => SpreadsheetApp.getUi())).toThrow(
      'Exception: Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(SpreadsheetApp.getUi()).toBe(ui.global);
  });
});

describe('call accounting', () => {
  it('a 100×10 getValues is one read call of 1000 cells; cell-by-cell costs many calls', () => {
    const { ctx, sheet } = setup();
    const range = sheet.getRange(1, 1, 100, 10);
    ctx.calls.reset();
    const batched = ctx.calls.measure(() => range.getValues());
    expect(batched.calls).toBe(1);
    expect(batched.counts).toEqual({ 'Range.getValues': 1 });
    const record = ctx.calls.all().find((r) => r.name === 'Range.getValues');
    expect(record).toMatchObject({ kind: 'sheets.read', cells: 1000 });
    const write = ctx.calls.measure(() =>
      range.setValues(Array.from({ length: 100 }, () => new Array<string>(10).fill('x'))),
    );
    expect(write.simulatedMs).toBeCloseTo(7 + 1000 * 0.1 + 228); // the write, its cells, and the flush that sends it
    const oneByOne = ctx.calls.measure(() => {
      for (let r = 1; r <= 10; r++) sheet.getRange(r, 1).setValue(r);
    });
    expect(oneByOne.calls).toBe(10); // getRange is local; each setValue is a round trip
    expect(ctx.calls.counts({ includeLocal: true })['Sheet.getRange']).toBe(10);
  });
});
