// Finding a complaint by number reads the one row its year's offset points to (intake keeps the offset as it
// appends), not the register's number column; when the guess misses (rows moved by hand, a late letter of last
// year), the column is read and the right complaint is still found.
import { describe, expect, it } from 'vitest';
import { REGISTER_WIDTH } from '../../src/gas/registerColumns';
import { ROW_OFFSET_PREFIX } from '../../src/gas/registerSheet';
import { PEOPLE, openOffice, type Office } from './office';
import { numberedComplaints, seedRegister } from './registerSeed';
import { recordLetter } from './workflowOffice';

type Printed = { ok: true; fileName: string } | { ok: false; message: string };

/** Prints `reg`'s receipt (a call that finds it by number): whether it worked, and the register reads it made. */
function find(office: Office, reg: string) {
  const m = office.emu.calls.measure(() => office.as<Printed>(PEOPLE.cs, 'printReceipt', reg));
  const reads = m.records.filter((r) => r.name === 'Range.getValues');
  return {
    printed: m.result,
    lastRow: m.counts['Sheet.getLastRow'] ?? 0,
    largestRead: Math.max(...reads.map((r) => r.cells)),
  };
}

describe('finding a complaint by its number', () => {
  it("reads the row the year's offset points to, and falls back to the number column when rows were moved", () => {
    const office = openOffice({ now: '2026-12-14T09:00:00+08:00' });
    seedRegister(office.emu, numberedComplaints(2025, 600, '2025-06-02'));
    const issued = [recordLetter(office), recordLetter(office), recordLetter(office)];
    expect(issued).toEqual(['DUMAS-2026-0001', 'DUMAS-2026-0002', 'DUMAS-2026-0003']);
    // Rows 602–604: row = sequence + 601.
    expect(office.emu.properties.scriptStore.get(`${ROW_OFFSET_PREFIX}2026`)).toBe('601');

    const hit = find(office, 'DUMAS-2026-0002');
    expect(hit.printed.ok).toBe(true);
    expect(hit.lastRow).toBe(0);
    expect(hit.largestRead).toBeLessThan(600); // no column of 600 numbers: the settings, the team, one row

    // Staff move rows by hand (the one-project register is a sheet they can sort): the guess misses, the column is read.
    const sheet = office.emu.spreadsheet.getSheetByName('Register')!;
    const rows = sheet.getRange(602, 1, 3, REGISTER_WIDTH).getValues();
    sheet.getRange(602, 1, 3, REGISTER_WIDTH).setValues([...rows].reverse());
    const moved = find(office, 'DUMAS-2026-0001');
    expect(moved.printed.ok).toBe(true);
    expect(moved.lastRow).toBe(1);
    expect(moved.largestRead).toBeGreaterThanOrEqual(603);
    if (moved.printed.ok) expect(moved.printed.fileName).toBe('Tanda Terima DUMAS-2026-0001.pdf');

    // A number no row holds, at a guessed row past the grid's end: not found, no error.
    const none = office.as<Printed>(PEOPLE.cs, 'printReceipt', 'DUMAS-2026-9999');
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.message).toContain('tidak ditemukan');
  });

  it("a late letter of last year: both years' numbers are found, each by its own year's offset", () => {
    const office = openOffice({ now: '2027-01-05T09:00:00+08:00' });
    const january = recordLetter(office);
    const late = recordLetter(office, { receivedDate: '2026-12-31', receivedTime: '10:00' });
    expect([january, late]).toEqual(['DUMAS-2027-0001', 'DUMAS-2026-0001']);
    for (const reg of [january, late]) {
      const r = find(office, reg);
      expect(r.printed.ok, reg).toBe(true);
      expect(r.lastRow, reg).toBe(0);
    }
  });
});
