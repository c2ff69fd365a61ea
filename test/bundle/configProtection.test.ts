// Tim, Unit and Hari Libur decide roles and deadlines: only the Administrators may change them (Google refuses
// anyone else's write to a protected sheet, and the emulator does too).
import { describe, expect, it } from 'vitest';
import { PEOPLE, openOffice } from './office';

const PROTECTED = /protected cell or object/;

describe('the configuration sheets after setup', () => {
  it('a member cannot make themselves Kepala Dinas, add a holiday or rename a unit; the Administrator can', () => {
    const office = openOffice();
    const sheet = (name: string) => office.emu.spreadsheet.getSheetByName(name)!;
    const memberRow = office.sheetValues('Tim').findIndex((r) => r[0] === PEOPLE.koperasi) + 1;
    expect(memberRow).toBeGreaterThan(1);

    office.emu.setUser(PEOPLE.koperasi);
    expect(() => sheet('Tim').getRange(memberRow, 3).setValue('Kepala Dinas')).toThrow(PROTECTED);
    expect(() => sheet('Hari Libur').appendRow(['2026-12-02', 'Libur karangan', 'nasional'])).toThrow(PROTECTED);
    expect(() => sheet('Unit').getRange(2, 1).setValue('Bidang Lain')).toThrow(PROTECTED);
    expect(office.sheetValues('Tim')[memberRow - 1][2]).toBe('Anggota Tim');

    office.emu.setUser(PEOPLE.admin);
    sheet('Tim').getRange(memberRow, 8).setValue('Tidak');
    expect(office.sheetValues('Tim')[memberRow - 1][7]).toBe('Tidak');
  });
});
