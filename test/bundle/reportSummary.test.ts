// The register's report summary (one hidden cell a row holding the report's fields, written with the row): the monthly
// report reads the number, version and summary columns only, and reads the fields themselves of every row whose
// summary is missing or not of the row's current version. Every case is checked against a register whose summaries
// were all cleared, so the report there reads every row's fields (the way it read them before the summary existed).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint';
import { REPORT_SUMMARY_HEADER } from '../../src/gas/registerColumns';
import { cellText } from '../../src/lib/cells';
import { openOffice, PEOPLE, type Office } from './office';
import { randomRegister, seedRegister } from './registerSeed';

const TODAY = '2026-12-15';
type Sheet = NonNullable<ReturnType<Office['emu']['spreadsheet']['getSheetByName']>>;

function register(office: Office): Sheet {
  const sheet = office.emu.spreadsheet.getSheetByName('Register');
  if (!sheet) throw new Error('no register');
  return sheet;
}

/** The sheet column (1-based) headed `title`. */
function col(office: Office, title: string): number {
  const i = office.sheetValues('Register')[0].map(cellText).indexOf(title);
  if (i < 0) throw new Error(`no column ${title}`);
  return i + 1;
}

/** Every row's summary cleared, as in a register whose rows were written before the summary existed. */
function clearSummaries(office: Office): void {
  const sheet = register(office);
  sheet.getRange(2, col(office, REPORT_SUMMARY_HEADER), sheet.getLastRow() - 1, 1).clearContent();
}

/** The report built; its Laporan sheet and the register cells it read (config and other sheets left out). */
function report(office: Office): { laporan: unknown[][]; registerCells: number } {
  const cost = office.emu.calls.measure(() => office.as(PEOPLE.ketua, 'buildReport'));
  const rows = register(office).getLastRow() - 1;
  // The register's whole-column reads (the config tables are read to the bottom of their 1,000-row grids: the
  // registers here have 310 and 210 rows, so no config read is a multiple of theirs).
  const registerCells = cost.records
    .filter((r) => r.name === 'Range.getValues' && r.cells >= rows && r.cells % rows === 0)
    .reduce((sum, r) => sum + r.cells, 0);
  return { laporan: office.sheetValues('Laporan'), registerCells };
}

/** A person types into the register, then Sheets fires the onEdit trigger (run as its installer). */
function type(office: Office, row: number, title: string, value: unknown): void {
  const range = register(office).getRange(row, col(office, title));
  const oldValue = range.getValue();
  range.setValue(value);
  office.emu.setUser(PEOPLE.admin);
  office.emu.triggers.fireEvent('SPREADSHEETS', office.emu.spreadsheet.getId(), 'ON_EDIT', (triggerUid) => ({
    authMode: 'FULL',
    triggerUid,
    source: office.emu.spreadsheet,
    range,
    value,
    oldValue,
    user: { getEmail: () => PEOPLE.ketua },
  }));
}

/** A cell set without any trigger (another script, or an older release's edit watch). */
function put(office: Office, row: number, title: string, value: unknown): void {
  register(office).getRange(row, col(office, title)).setValue(value);
}

function cell(office: Office, row: number, title: string): unknown {
  return register(office).getRange(row, col(office, title)).getValue();
}

describe('the report summary column', () => {
  let seeded: Complaint[];
  let office: Office; // summaries as Dumas writes them
  let reference: Office; // every summary cleared: the report reads every field
  const both = (fn: (o: Office) => void) => {
    fn(office);
    fn(reference);
  };

  beforeAll(() => {
    seeded = randomRegister(310, TODAY, 21);
    office = openOffice({ now: `${TODAY}T09:00:00+08:00` });
    reference = openOffice({ now: `${TODAY}T09:00:00+08:00` });
    both((o) => seedRegister(o.emu, seeded));
    clearSummaries(reference);
  });

  it('is hidden, holds no identity, and the report reads 3 cells a row for the same Laporan', () => {
    const sheet = register(office);
    expect(sheet.isColumnHiddenByUser(col(office, REPORT_SUMMARY_HEADER))).toBe(true);
    const summaries = sheet.getRange(2, col(office, REPORT_SUMMARY_HEADER), seeded.length, 1).getValues();
    expect(summaries.every(([s]) => typeof s === 'string' && s.startsWith('["r1"'))).toBe(true);
    const text = JSON.stringify(summaries);
    for (const c of seeded.slice(0, 20)) {
      for (const identity of [c.name, c.nik, c.phone, c.email, c.address, c.subject]) {
        expect(text).not.toContain(identity);
      }
    }
    const fast = report(office);
    const slow = report(reference);
    expect(fast.laporan).toEqual(slow.laporan);
    expect(fast.registerCells).toBe(3 * seeded.length);
    expect(slow.registerCells).toBeGreaterThanOrEqual(14 * seeded.length);
  });

  it('a row edited by hand: the edit watch rewrites its summary at the bumped version, the report sees the edit', () => {
    both((o) => type(o, 5, 'Unit', 'Bidang Pengawasan dan Pemeriksaan Koperasi'));
    both((o) => type(o, 9, 'Status', 'Selesai'));
    const summary = JSON.parse(cellText(cell(office, 5, REPORT_SUMMARY_HEADER))) as unknown[];
    expect(summary[1]).toBe(cell(office, 5, 'Versi'));
    expect(summary).toContain('Bidang Pengawasan dan Pemeriksaan Koperasi');
    const fast = report(office);
    expect(fast.laporan).toEqual(report(reference).laporan);
    expect(fast.registerCells).toBe(3 * seeded.length);
  });

  it("rows whose version is not the summary's, without summary, garbled, or holding another number: their fields are read", () => {
    both((o) => {
      // A field and the version changed with no summary rewritten (a paste by another script).
      put(o, 12, 'Kanal', 'WhatsApp');
      put(o, 12, 'Versi', Number(cell(o, 12, 'Versi')) + 1);
      // The summary cleared, or typed over.
      put(o, 20, REPORT_SUMMARY_HEADER, '');
      put(o, 21, REPORT_SUMMARY_HEADER, 'ringkasan diketik');
      put(o, 22, REPORT_SUMMARY_HEADER, '["r1",1,"DUMAS-R-0001"');
      // Two rows' numbers and fields swapped by a sort that left the summary column out.
      const [a, b] = [30, 31].map(
        (r) =>
          register(o)
            .getRange(r, 1, 1, col(o, 'Kategori') - 1)
            .getValues()[0],
      );
      register(o).getRange(30, 1, 1, a.length).setValues([b]);
      register(o).getRange(31, 1, 1, b.length).setValues([a]);
    });
    const fast = report(office);
    expect(fast.laporan).toEqual(report(reference).laporan);
    expect(fast.registerCells).toBe(3 * seeded.length); // the stale rows' fields: read in blocks, not whole columns
  });

  it('a column a person inserted, in the middle and between Versi and the summary: the same Laporan', () => {
    both((o) => {
      const sheet = register(o);
      sheet.insertColumnBefore(col(o, 'Status'));
      sheet.getRange(1, col(o, 'Status') - 1).setValue('Catatan Staf');
      sheet.insertColumnAfter(col(o, 'Versi'));
      sheet.getRange(1, col(o, 'Versi') + 1).setValue('Paraf');
      sheet.getRange(2, col(o, 'Versi') + 1, seeded.length, 1).setValue('IW');
    });
    const fast = report(office);
    expect(fast.laporan).toEqual(report(reference).laporan);
  });
});

describe('a register from before the summary column', () => {
  it('setup appends the column hidden and fills every row, so the next report reads 3 cells a row', () => {
    const seeded = randomRegister(210, TODAY, 33);
    const old = openOffice({ now: `${TODAY}T09:00:00+08:00` });
    const plain = openOffice({ now: `${TODAY}T09:00:00+08:00` });
    seedRegister(old.emu, seeded);
    seedRegister(plain.emu, seeded);
    const sheet = register(old);
    const written = sheet.getRange(1, col(old, REPORT_SUMMARY_HEADER), seeded.length + 1, 1).getValues();
    sheet.deleteColumn(col(old, REPORT_SUMMARY_HEADER));
    const width = sheet.getLastColumn();
    const data = sheet.getRange(1, 1, seeded.length + 1, width).getValues();
    old.as(PEOPLE.admin, 'setupSystem');
    expect(old.emu.ui.alerts.map((a) => a.message).join('\n')).toContain(`Kolom "${REPORT_SUMMARY_HEADER}"`);
    expect(sheet.getRange(1, 1, seeded.length + 1, width).getValues()).toEqual(data);
    expect(col(old, REPORT_SUMMARY_HEADER)).toBe(width + 1);
    expect(sheet.isColumnHiddenByUser(width + 1)).toBe(true);
    expect(sheet.getRange(1, width + 1, seeded.length + 1, 1).getValues()).toEqual(written);
    const fast = report(old);
    expect(fast.laporan).toEqual(report(plain).laporan);
    expect(fast.registerCells).toBe(3 * seeded.length);
  });
});
