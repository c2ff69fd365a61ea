// Canned replies through the bundle: setup makes "Templat Jawaban" (two examples, editable by the Ketua Tim and the
// Administrator only), a unit member fills one for a complaint and closes with it; refusals by role, unit and title.
import { beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, openOffice, type Office } from './office';
import { LETTER, act, letterAt, registerRow } from './workflowOffice';

type Filled = { ok: true; text: string; message: string; warnings: string[] } | { ok: false; message: string };

function fill(office: Office, who: string, reg: string, title: string): Filled {
  return office.as<Filled>(who, 'fillReplyTemplate', reg, title);
}

describe('Templat Jawaban', () => {
  let office: Office;
  beforeAll(() => {
    office = openOffice();
  });

  it('setup creates the sheet with two examples, protected for the Ketua Tim and the Administrator', () => {
    const rows = office.sheetValues('Templat Jawaban');
    expect(rows[0]).toEqual(['Judul', 'Teks', 'Aktif']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Sudah ditindaklanjuti', 'Mohon kelengkapan data']);
    const SHEET = (office.emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType
      .SHEET;
    const [protection] = office.emu.spreadsheet.getSheetByName('Templat Jawaban')!.getProtections(SHEET);
    expect(
      protection
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([PEOPLE.admin, PEOPLE.ketua].sort());
    // A second setup keeps what the Ketua Tim wrote: no second copy of the examples.
    office.emu.setUser(PEOPLE.admin);
    office.bundle.call('setupSystem');
    expect(office.sheetValues('Templat Jawaban')).toHaveLength(3);
  });

  it('a unit member fills a template for the complaint and closes a walk-in with it', () => {
    office.emu.setUser(PEOPLE.ketua); // the Ketua Tim maintains the sheet (its protection lets them)
    const sheet = office.emu.spreadsheet.getSheetByName('Templat Jawaban')!;
    sheet
      .getRange(4, 1, 1, 3)
      .setValues([
        [
          'Jawaban di tempat',
          'Pengaduan {{nomor_registrasi}} dari {{nama_pengadu}} telah dijawab oleh {{unit}}.',
          'Ya',
        ],
      ]);
    const reg = office.as<{ ok: boolean; regNumber: string }>(PEOPLE.cs, 'recordComplaint', {
      ...LETTER,
      channel: 'Tatap Muka',
      letterPresent: false,
      unit: 'Bidang Koperasi',
      outcome: 'agreed',
      agreedDate: '2026-12-02',
    }).regNumber;
    const r = fill(office, PEOPLE.koperasi, reg, 'Jawaban di tempat');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe(`Pengaduan ${reg} dari ${LETTER.name} telah dijawab oleh Bidang Koperasi.`);
    expect(r.warnings).toEqual([]);
    const closed = act(office, PEOPLE.koperasi, 'tindakLanjut', reg, 'closeWithAnswer', { answer: r.text });
    expect(closed.ok, closed.message).toBe(true);
    expect(registerRow(office, reg)['Jawaban Unit']).toBe(r.text);
  });

  it('refuses other roles, another unit, an unknown title and a template switched off', () => {
    const reg = letterAt(office, 'Ditindaklanjuti');
    expect(fill(office, PEOPLE.ketua, reg, 'Sudah ditindaklanjuti').ok).toBe(true);
    for (const who of [PEOPLE.cs, PEOPLE.kadis, PEOPLE.admin, PEOPLE.stranger, PEOPLE.ukm])
      expect(fill(office, who, reg, 'Sudah ditindaklanjuti').ok, who).toBe(false);
    const unknown = fill(office, PEOPLE.koperasi, reg, 'Tidak ada');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.message).toContain('Templat "Tidak ada" tidak ada');
    // A template switched off is no longer offered.
    office.emu.setUser(PEOPLE.ketua); // the Ketua Tim maintains the sheet (its protection lets them)
    const sheet = office.emu.spreadsheet.getSheetByName('Templat Jawaban')!;
    sheet.getRange(3, 3).setValue('Tidak');
    expect(fill(office, PEOPLE.koperasi, reg, 'Mohon kelengkapan data').ok).toBe(false);
  });

  it('an anonim complaint: the unit gets the template without the name; a typed placeholder is reported', () => {
    const reg = letterAt(office, 'Ditindaklanjuti', { privacy: 'anonim', subject: 'Iuran {{nama_instansi}}' });
    office.emu.setUser(PEOPLE.ketua); // the Ketua Tim maintains the sheet (its protection lets them)
    const sheet = office.emu.spreadsheet.getSheetByName('Templat Jawaban')!;
    sheet.getRange(5, 1, 1, 3).setValues([['Salah ketik', '{{nama_pengadu}}: {{perihal_pengaduan}} {{nomor}}', 'Ya']]);
    const r = fill(office, PEOPLE.koperasi, reg, 'Salah ketik');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe('Bapak/Ibu Pengadu: Iuran { {nama_instansi}} {{nomor}}');
    expect(r.text).not.toContain(LETTER.name);
    expect(r.warnings.join(' ')).toContain('{{nomor}}');
  });
});
