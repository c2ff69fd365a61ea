// Sidebar calls run as the person acting: the Anggota Tim who drafts, the Kepala Dinas who signs, the Ketua Tim who
// makes the recap all open the letters folder (and the template in it) as themselves, so setup shares it with the team.
import { describe, expect, it } from 'vitest';
import { LETTERS_FOLDER_NAME } from '../../src/gas/setup';
import { openOffice, PEOPLE, TEAM_ROWS } from './office';

describe('the letters folder after setup', () => {
  it('is shared with every active team member, once', () => {
    const office = openOffice();
    const folder = () => office.emu.drive.files().find((f) => f.name === LETTERS_FOLDER_NAME && !f.trashed);
    const team = TEAM_ROWS.map((r) => r[0]);
    expect(folder()?.editors).toEqual(expect.arrayContaining(team));
    expect(office.emu.ui.alerts.at(-1)?.message).toContain(
      `Folder surat jawaban dibagikan kepada ${team.length} anggota tim.`,
    );

    office.as(PEOPLE.admin, 'setupSystem');
    expect(office.emu.ui.alerts.at(-1)?.message).toContain('Tidak ada yang perlu diperbaiki');
    expect(folder()?.editors.filter((e) => e === PEOPLE.koperasi)).toHaveLength(1);
  });

  it('shares with a member added later and leaves out a member marked inactive', () => {
    const newcomer = 'anggota.baru@diskopumkm.tabanankab.go.id';
    const office = openOffice({
      team: [...TEAM_ROWS, [newcomer, 'Putu Baru', 'Anggota Tim', 'Bidang Koperasi', '', '', '', 'Tidak']],
    });
    const folder = () => office.emu.drive.files().find((f) => f.name === LETTERS_FOLDER_NAME && !f.trashed);
    expect(folder()?.editors).not.toContain(newcomer);
    const tim = office.emu.spreadsheet.getSheetByName('Tim');
    tim?.getRange(TEAM_ROWS.length + 3, 8).setValue('Ya');
    office.as(PEOPLE.admin, 'setupSystem');
    expect(folder()?.editors).toContain(newcomer);
  });
});
