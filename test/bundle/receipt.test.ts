// The printed receipt (Tanda Terima) through the bundle: its PDF text has the number, the access code and the
// deadline; its QR, read by a QR decoder, opens the status page with the number filled in; nothing stays in Drive.
import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfImages, pdfToText } from '../emulator/pdf';
import { PEOPLE, openOffice, type Office } from './office';
import { STATUS_URL, setSetting } from './publicHelpers';
import { LETTER, registerRow } from './workflowOffice';

type Printed = { ok: true; fileName: string; pdfBase64: string } | { ok: false; message: string };

function record(office: Office, fields: Record<string, unknown>): string {
  const r = office.as<{ ok: boolean; regNumber: string; message: string }>(PEOPLE.cs, 'recordComplaint', {
    ...LETTER,
    ...fields,
  });
  expect(r.ok, r.message).toBe(true);
  return r.regNumber;
}

function print(office: Office, who: string, reg: string): Printed {
  return office.as<Printed>(who, 'printReceipt', reg);
}

function bytesOf(p: Printed): Uint8Array {
  if (!p.ok) throw new Error(p.message);
  return Uint8Array.from(Buffer.from(p.pdfBase64, 'base64'));
}

describe('Tanda Terima (printed receipt)', () => {
  let office: Office;
  beforeAll(() => {
    office = openOffice();
    setSetting(office, 'url_halaman_status', STATUS_URL);
  });

  it('a walk-in: the PDF says number, access code, received and deadline; the QR opens the status page with the number', async () => {
    const reg = record(office, {
      channel: 'Tatap Muka',
      letterPresent: false,
      unit: 'Bidang Koperasi',
      outcome: 'agreed',
      agreedDate: '2026-12-03',
    });
    const row = registerRow(office, reg);
    let printed = { ok: false, message: '' } as Printed;
    const cost = office.emu.calls.measure(() => {
      printed = print(office, PEOPLE.cs, reg);
    });
    // The PDF is written in the script: the cost is finding the complaint and the settings, no Docs or Drive call.
    expect(cost.calls).toBeLessThan(20);
    const names = Object.keys(cost.counts);
    expect(names.filter((n) => /^(Document|Body|Paragraph|Drive|File|Folder)/.test(n))).toEqual([]);
    expect(cost.simulatedMs).toBeLessThan(1500);
    expect(printed.ok).toBe(true);
    if (printed.ok) expect(printed.fileName).toBe(`Tanda Terima ${reg}.pdf`);
    const bytes = bytesOf(printed);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = (await pdfToText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('TANDA TERIMA PENGADUAN');
    expect(text).toContain('DINAS KOPERASI');
    expect(text).toContain(reg);
    expect(text).toContain(String(row['Kode Akses']));
    expect(text).toContain('Diterima: 30 November 2026 pukul 09.00 WITA');
    // A walk-in's agreed date is its deadline (docs/rules.md §4).
    expect(text).toContain('Batas waktu penyelesaian: Kamis, 3 Desember 2026');
    expect(text).toContain(`${STATUS_URL}?no=${reg}`);
    for (const secret of [LETTER.name, LETTER.nik, LETTER.address, LETTER.subject]) expect(text).not.toContain(secret);
    const images = await pdfImages(bytes);
    expect(images).toHaveLength(1);
    const qr = images[0];
    const decoded = jsQR(qr.pixels.rgba, qr.pixels.width, qr.pixels.height);
    expect(decoded?.data).toBe(`${STATUS_URL}?no=${reg}`);
    // The access code is not left in Drive, not even in the trash: no file was made.
    expect(office.emu.drive.files().filter((f) => f.name.startsWith('Tanda Terima'))).toEqual([]);
  });

  it('a letter without a deployed status page: no QR, the agency phone instead', async () => {
    setSetting(office, 'url_halaman_status', '');
    const reg = record(office, {});
    const bytes = bytesOf(print(office, PEOPLE.sekretaris, reg));
    const text = (await pdfToText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain(reg);
    expect(text).toContain('Batas waktu penyelesaian: Senin, 7 Desember 2026');
    expect(text).toMatch(/hubungi .+ dengan menyebut nomor registrasi dan kode akses/);
    expect(await pdfImages(bytes)).toHaveLength(0);
    setSetting(office, 'url_halaman_status', STATUS_URL);
  });

  it('refuses other roles, an online-form complaint and an unknown number', () => {
    const reg = record(office, {});
    for (const who of [PEOPLE.kadis, PEOPLE.koperasi, PEOPLE.admin, PEOPLE.stranger]) {
      const r = print(office, who, reg);
      expect(r.ok, who).toBe(false);
    }
    const formId = String(office.sheetValues('Pengaturan').find((r) => r[0] === 'id_formulir')?.[1]);
    office.emu.forms.submit(formId, {
      'Nama Lengkap': 'Ni Made Ayu Lestari',
      NIK: '5102014506900002',
      'Nomor HP/WhatsApp': '081234567890',
      Perihal: 'Lewat formulir',
      'Uraian Pengaduan': 'Dikirim dari formulir online.',
      'Kerahasiaan Identitas': 'biasa — identitas saya dapat dilihat petugas yang menangani',
      'Persetujuan Data Pribadi': [
        'Saya menyatakan data di atas benar sesuai KTP saya dan menyetujui penggunaannya untuk menangani pengaduan ini.',
      ],
    });
    const online = office.sheetValues('Register').at(-1)!;
    expect(online[(office.sheetValues('Register')[0] as string[]).indexOf('Kanal')]).toBe('Formulir Online');
    const refused = print(office, PEOPLE.cs, String(online[0]));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain('formulir online menerima email');
    const unknown = print(office, PEOPLE.cs, 'DUMAS-2026-9999');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.message).toContain('tidak ditemukan');
  });
});
