// End to end through the built bundle: setup, the public form, reconcile, and the register's exact storage.
import { beforeEach, describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from './office';

const ANSWERS = {
  'Nama Lengkap': 'Ni Made Ayu Lestari',
  NIK: '5102014506900002',
  Alamat: 'Jl. Gunung Agung No. 7, Tabanan',
  'Nomor HP/WhatsApp': '081234567890',
  Email: 'ayu.lestari@example.com',
  Perihal: 'Pendampingan koperasi tidak ditindaklanjuti',
  'Uraian Pengaduan': 'Sudah dua bulan permohonan pendampingan kami belum dijawab.',
  'Kerahasiaan Identitas': 'biasa — identitas saya dapat dilihat petugas yang menangani',
  'Persetujuan Data Pribadi': ['Saya menyatakan data di atas benar sesuai KTP saya dan menyetujui penggunaannya untuk menangani pengaduan ini.'],
};

function formId(office: Office): string {
  const rows = office.sheetValues('Pengaturan');
  const row = rows.find((r) => r[0] === 'id_formulir');
  return String(row?.[1] ?? '');
}

describe('intake through the built bundle', () => {
  let office: Office;
  beforeEach(() => {
    office = openOffice();
  });

  it('setup creates the sheets, form and triggers, and a second run changes nothing', () => {
    const names = office.emu.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(expect.arrayContaining(['Register', 'Tim', 'Unit', 'Hari Libur', 'Pengaturan', 'Log Audit']));
    const before = names.map((n) => JSON.stringify(office.sheetValues(n)));
    const triggersBefore = office.emu.triggers.triggers().map((t) => t.handler).sort();
    office.as(PEOPLE.admin, 'setupSystem');
    const after = names.map((n) => JSON.stringify(office.sheetValues(n)));
    expect(after).toEqual(before);
    expect(office.emu.triggers.triggers().map((t) => t.handler).sort()).toEqual(triggersBefore);
    expect(triggersBefore).toEqual(['onFormSubmitted', 'runDaily']);
  });

  it('a form submission becomes one register row, one receipt and one team notice', () => {
    office.emu.mail.clear();
    office.emu.forms.submit(formId(office), ANSWERS);
    const rows = office.sheetValues('Register');
    expect(rows).toHaveLength(2);
    const header = rows[0] as string[];
    const row = rows[1];
    const cell = (h: string) => row[header.indexOf(h)];
    expect(cell('No. Registrasi')).toBe('DUMAS-2026-0001');
    expect(cell('NIK')).toBe('5102014506900002');
    expect(cell('No. HP')).toBe('081234567890');
    expect(cell('Status')).toBe('Diterima');
    expect(cell('Kanal')).toBe('Formulir Online');
    const outbox = office.emu.mail.outbox;
    expect(outbox.map((m) => m.subject)).toEqual(['Tanda Terima Pengaduan DUMAS-2026-0001', '[Dumas] Pengaduan baru DUMAS-2026-0001']);
    expect(outbox[0].to).toBe('ayu.lestari@example.com');
    for (const m of outbox) expect(m.body).not.toContain('5102014506900002');
  });
});
