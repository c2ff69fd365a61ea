// Every call reads the config sheets (Pengaturan, Tim, Unit, Hari Libur, Kategori, Templat Jawaban) to the bottom of
// their grids, without asking their last row (160 ms): setup keeps 50 blank rows under the data, so those reads cost
// a few hundred cells, not a new sheet's 1,000 rows. Rows staff add below are still read.
import { describe, expect, it } from 'vitest';
import { PEOPLE, openOffice, TEAM_ROWS } from './office';
import { CONFIG_SPARE_ROWS } from '../../src/gas/setup';

const CONFIG = ['Pengaturan', 'Tim', 'Unit', 'Hari Libur', 'Kategori', 'Templat Jawaban'];

describe('the config sheets’ grids', () => {
  it('setup leaves at most 50 blank rows under each config sheet’s data, and trims again when run again', () => {
    const office = openOffice();
    const sheet = (name: string) => office.emu.spreadsheet.getSheetByName(name)!;
    // Tim was filled after the first setup (openOffice types the team under the Administrator).
    expect(sheet('Tim').getMaxRows()).toBe(2 + CONFIG_SPARE_ROWS);
    office.emu.setUser(PEOPLE.admin);
    office.bundle.call('setupSystem');
    for (const name of CONFIG)
      expect(sheet(name).getMaxRows(), name).toBeLessThanOrEqual(sheet(name).getLastRow() + CONFIG_SPARE_ROWS);
    expect(sheet('Tim').getLastRow()).toBe(2 + TEAM_ROWS.length);
  });

  it('a sidebar reads Tim without asking its last row, and still sees a member typed in a row staff added', () => {
    const office = openOffice();
    const tim = office.emu.spreadsheet.getSheetByName('Tim')!;
    // The Administrator fills the spare rows and adds more at the bottom, as Sheets lets them.
    const max = tim.getMaxRows();
    tim.insertRowsAfter(max, 10);
    const row = [...TEAM_ROWS[4]];
    row[0] = 'gede.baru@tabanankab.go.id';
    row[1] = 'I Gede Baru';
    tim.getRange(max + 5, 1, 1, row.length).setValues([row]);
    const alerts = office.emu.ui.alerts.length;
    const cost = office.emu.calls.measure(() => office.as(row[0], 'showTindakLanjutSidebar'));
    const timReads = cost.records.filter((r) => r.name === 'Sheet.getLastRow');
    // The register's last row is asked (it is large); Tim's is not: its read is one range to the grid's bottom.
    expect(timReads.length).toBeLessThanOrEqual(1);
    expect(office.emu.ui.sidebars.at(-1)?.html).toContain('Tindak Lanjut');
    expect(office.emu.ui.alerts.slice(alerts).map((a) => a.message)).toEqual([]);
  });
});
