// Registration numbers stay gap-free and unique although intake reads only the last rows of the register: the last
// number issued in each year is kept too, so a register sorted by hand or a late letter of last year is safe.
import { describe, expect, it } from 'vitest';
import { REGISTER_WIDTH } from '../../src/gas/registerColumns';
import type { Sheet } from '../emulator/sheets/sheet';
import { openOffice } from './office';
import { numberedComplaints, seedRegister } from './registerSeed';
import { recordLetter } from './workflowOffice';

describe('numbering from the last rows and the last number issued', () => {
  it('a register sorted by hand (newest first) does not make intake reissue a number', () => {
    const office = openOffice({ now: '2026-12-14T09:00:00+08:00' });
    // Last year's 250 complaints, then three of this year registered by Dumas.
    seedRegister(office.emu, numberedComplaints(2025, 250, '2025-06-02'));
    const issued = [recordLetter(office), recordLetter(office), recordLetter(office)];
    expect(issued).toEqual(['DUMAS-2026-0001', 'DUMAS-2026-0002', 'DUMAS-2026-0003']);
    // Staff sort the register by number, descending, by hand: this year's are now on top, last year's at the end.
    const sheet = office.emu.spreadsheet.getSheetByName('Register')!;
    const n = sheet.getLastRow() - 1;
    const rows = sheet.getRange(2, 1, n, REGISTER_WIDTH).getValues();
    rows.sort((a, b) => String(b[0]).localeCompare(String(a[0])));
    sheet.getRange(2, 1, n, REGISTER_WIDTH).setValues(rows);
    expect(recordLetter(office)).toBe('DUMAS-2026-0004');
  });

  it("a letter of last year registered after hundreds of this year's keeps last year's sequence", () => {
    const office = openOffice({ now: '2026-12-30T09:00:00+08:00' });
    expect(recordLetter(office)).toBe('DUMAS-2026-0001');
    expect(recordLetter(office)).toBe('DUMAS-2026-0002');
    // A busy January: 250 complaints of 2027 after them (more than intake looks back at).
    office.emu.clock.set('2027-01-29T09:00:00+08:00');
    const january = numberedComplaints(2027, 250, '2027-01-04');
    const sheet = office.emu.spreadsheet.getSheetByName('Register')!;
    const kept = sheet.getRange(2, 1, 2, REGISTER_WIDTH).getValues();
    sheet.insertRowsAfter(sheet.getMaxRows(), 300);
    seedRegisterAfter(sheet, kept.length + 2, january);
    const late = recordLetter(office, { receivedDate: '2026-12-31', receivedTime: '10:00' });
    expect(late).toBe('DUMAS-2026-0003');
  });
});

function seedRegisterAfter(sheet: Sheet, row: number, complaints: ReturnType<typeof numberedComplaints>) {
  // The harness writes the rows as a past run of the add-on would have (numbers and all), below the existing ones.
  const cells = complaints.map((c) => {
    const r = new Array<unknown>(REGISTER_WIDTH).fill('');
    r[0] = c.regNumber;
    return r;
  });
  sheet.getRange(row, 1, cells.length, REGISTER_WIDTH).setValues(cells);
}
