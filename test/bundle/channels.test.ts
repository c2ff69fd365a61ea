// Through the bundle: an SP4N-LAPOR! report recorded (its tracking ID refused a second time), agendaed with a
// category, disposed to the unit its category suggests, answered, posted back (who, when in the audit log) and
// closed within the deadline of the setting; the report shows the channel and the category. Categories: the
// Kategori sheet made by setup and the form's question; a form answer carries its category. Duplicates: listed on
// the receipt and at agenda, closed by reference (the complainant told), related links on both complaints, in the
// history and the report.
import { beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/lib/cells';
import { PEOPLE, openOffice, type Office } from './office';
import { LETTER, act, recordLetter, registerRow, versionOf } from './workflowOffice';

interface Recorded {
  ok: boolean;
  message: string;
  regNumber: string;
  errors?: Record<string, string>;
  receipt?: { deadline: string };
}
type Listed =
  { ok: true; rows: { regNumber: string; reasons: string; link: string }[] } | { ok: false; message: string };
interface Opened {
  ok: boolean;
  message?: string;
  complaint: Record<string, unknown> & { actions: { name: string }[] };
  history: { action: string; changes: { label: string; after: string }[] }[];
}

const LAPOR = {
  ...LETTER,
  channel: 'SP4N-LAPOR!',
  name: 'Pelapor LAPOR!',
  nik: '',
  phone: '',
  email: 'pelapor@example.com',
  address: '',
  subject: 'Dana bergulir koperasi belum cair',
  description: 'Laporan diteruskan oleh SP4N-LAPOR!.',
  ktpSeen: false,
  letterPresent: false,
  laporId: '#1916449',
  laporForwardedOn: '2026-11-27',
  category: 'Koperasi',
};

function setting(office: Office, key: string, value: string): void {
  office.emu.setUser(PEOPLE.admin);
  const sheet = office.emu.spreadsheet.getSheetByName('Pengaturan')!;
  const row = sheet
    .getDataRange()
    .getValues()
    .findIndex((r) => r[0] === key);
  if (row < 0) throw new Error(`no setting ${key}`);
  sheet.getRange(row + 1, 2).setValue(value);
}

function open(office: Office, who: string, sidebar: string, reg: string): Opened {
  return office.as<Opened>(who, 'openWorkflowComplaint', sidebar, reg);
}

function audit(office: Office, reg: string): string[][] {
  return office
    .sheetValues('Log Audit')
    .filter((r) => r[4] === reg)
    .map((r) => r.map(cellText));
}

describe('SP4N-LAPOR! end to end', () => {
  let office: Office;
  let reg = '';
  beforeAll(() => {
    office = openOffice();
  });

  it('records a report with its tracking ID; the deadline follows the setting; the same ID again is refused', () => {
    setting(office, 'batas_hari_kerja_lapor', '3');
    const r = office.as<Recorded>(PEOPLE.cs, 'recordComplaint', LAPOR);
    expect(r.ok, r.message).toBe(true);
    reg = r.regNumber;
    const row = registerRow(office, reg);
    expect(row['Kanal']).toBe('SP4N-LAPOR!');
    expect(row['Tracking ID LAPOR!']).toBe('1916449');
    expect(cellText(row['Kategori'])).toBe('Koperasi');
    // Forwarded Fri 27 Nov, 3 working days: Wed 2 Dec (the SOP's 5 from Mon 30 Nov would be Mon 7 Dec).
    expect((row['Tenggat'] as Date).toISOString()).toBe(new Date('2026-12-02T00:00:00+08:00').toISOString());
    const again = office.as<Recorded>(PEOPLE.sekretaris, 'recordComplaint', {
      ...LAPOR,
      laporId: 'https://www.lapor.go.id/pengaduan/1916449',
    });
    expect(again.ok).toBe(false);
    expect(again.errors?.laporId).toBe(
      `Laporan LAPOR! #1916449 sudah tercatat sebagai ${reg}. Buka pengaduan itu; laporan yang sama tidak dicatat dua kali.`,
    );
    expect(office.sheetValues('Register').filter((x) => x[2] === 'SP4N-LAPOR!')).toHaveLength(1);
  });

  it('is agendaed, then disposed: the disposition preselects the unit its category suggests', () => {
    expect(
      act(office, PEOPLE.sekretaris, 'agenda', reg, 'agenda', {
        agendaNumber: 'SM-2026-0301',
        agendaDate: '2026-11-30',
      }).ok,
    ).toBe(true);
    expect(act(office, PEOPLE.sekretaris, 'agenda', reg, 'forwardToHead', {}).ok).toBe(true);
    const seen = open(office, PEOPLE.kadis, 'disposisi', reg);
    expect(seen.complaint.suggestedUnit).toBe('Bidang Koperasi');
    const d = act(office, PEOPLE.kadis, 'disposisi', reg, 'dispose', {
      unit: String(seen.complaint.suggestedUnit),
      instruction: 'Tindak lanjuti laporan LAPOR! ini.',
    });
    expect(d.ok, d.message).toBe(true);
  });

  it('the unit answers; CS copies the text for LAPOR! and records the posting (who, when); it is closed on time', () => {
    const draft = office.as<{ ok: boolean; message: string }>(PEOPLE.koperasi, 'runLetterAction', {
      regNumber: reg,
      version: versionOf(office, reg),
      action: 'draft',
      answer: 'Dana bergulir dicairkan 1 Desember 2026. Hubungi 081234567890 bila belum diterima.',
    });
    expect(draft.ok, draft.message).toBe(true);
    const seen = open(office, PEOPLE.cs, 'lapor', reg);
    expect(seen.ok, seen.message).toBe(true);
    const text = String(seen.complaint.postBackText);
    expect(text).toContain('#1916449');
    expect(text).toContain('Dana bergulir dicairkan 1 Desember 2026.');
    expect(text).not.toContain('081234567890');
    expect(seen.complaint.laporUrl).toBe('https://www.lapor.go.id/pengaduan/1916449');
    expect(seen.complaint.actions.map((a) => a.name)).toEqual(['postToLapor']);
    // Only CS and the Sekretaris record it.
    expect(act(office, PEOPLE.koperasi, 'lapor', reg, 'postToLapor', {}).ok).toBe(false);
    const posted = act(office, PEOPLE.cs, 'lapor', reg, 'postToLapor', {});
    expect(posted.ok, posted.message).toBe(true);
    const row = registerRow(office, reg);
    expect(row['Status']).toBe('Selesai');
    expect(row['Disampaikan ke LAPOR! Oleh']).toBe(PEOPLE.cs);
    expect(row['Tgl. Disampaikan ke LAPOR!']).toBeInstanceOf(Date);
    expect(row['Tepat Waktu']).toBe('Ya');
    const rows = audit(office, reg);
    expect(rows.find((r) => r[3] === 'Catat jawaban disampaikan ke LAPOR!')?.[1]).toBe(PEOPLE.cs);
  });

  it('the report counts the channel and the category', () => {
    office.as(PEOPLE.ketua, 'buildReport');
    const values = office.sheetValues('Laporan').map((r) => r.map(cellText));
    const channels = values.findIndex((r) => r[0] === 'Per Media Pengaduan');
    expect(values.slice(channels).find((r) => r[0] === 'SP4N-LAPOR!')?.[1]).toBe('1');
    const categories = values.findIndex((r) => r[0] === 'Per Kategori');
    expect(values.slice(categories).find((r) => r[0] === 'Koperasi')?.[1]).toBe('1');
  });
});

describe('categories', () => {
  let office: Office;
  beforeAll(() => {
    office = openOffice();
  });

  it('setup makes the Kategori sheet (the Ketua Tim and Administrators edit it) and the forms optional question', () => {
    const rows = office.sheetValues('Kategori');
    expect(rows[0]).toEqual(['Kategori', 'Keterangan', 'Unit yang Disarankan', 'Aktif']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Koperasi', 'UMKM', 'Pengawasan Koperasi', 'Pelayanan Dinas']);
    const SHEET = (office.emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType
      .SHEET;
    const [p] = office.emu.spreadsheet.getSheetByName('Kategori')!.getProtections(SHEET);
    expect(
      p
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([PEOPLE.admin, PEOPLE.ketua].sort());
    const formId = cellText(office.sheetValues('Pengaturan').find((r) => r[0] === 'id_formulir')?.[1]);
    const form = (office.emu.globals.FormApp as GoogleAppsScript.Forms.FormApp).openById(formId);
    const item = form.getItems().find((i) => i.getTitle() === 'Kategori Pengaduan');
    expect(
      item
        ?.asListItem()
        .getChoices()
        .map((c) => c.getValue()),
    ).toEqual(['Koperasi', 'UMKM', 'Pengawasan Koperasi', 'Pelayanan Dinas']);
    expect(item?.asListItem().isRequired()).toBe(false);
    // The Ketua Tim adds one; the next setup puts it on the form.
    office.emu.setUser(PEOPLE.ketua);
    office.emu.spreadsheet
      .getSheetByName('Kategori')!
      .getRange(6, 1, 1, 4)
      .setValues([['Lainnya', '', '', 'Ya']]);
    office.as(PEOPLE.admin, 'setupSystem');
    expect(
      form
        .getItems()
        .find((i) => i.getTitle() === 'Kategori Pengaduan')
        ?.asListItem()
        .getChoices()
        .map((c) => c.getValue()),
    ).toContain('Lainnya');
  });

  it('a form answer keeps its category; staff set and correct it, an unknown one is refused', () => {
    const formId = cellText(office.sheetValues('Pengaturan').find((r) => r[0] === 'id_formulir')?.[1]);
    office.emu.forms.submit(formId, {
      'Nama Lengkap': 'Wayan Online',
      NIK: '5102014506900002',
      Alamat: 'Tabanan',
      'Nomor HP/WhatsApp': '081234567891',
      Email: 'wayan@example.com',
      Perihal: 'Pelatihan pengemasan dibatalkan',
      'Kategori Pengaduan': 'UMKM',
      'Uraian Pengaduan': 'Pelatihan dibatalkan tanpa pemberitahuan.',
      'Kerahasiaan Identitas': 'biasa — identitas saya dapat dilihat petugas yang menangani',
      'Persetujuan Data Pribadi':
        'Saya menyatakan data di atas benar sesuai KTP saya dan menyetujui penggunaannya untuk menangani pengaduan ini.',
    });
    const online = office.sheetValues('Register').find((r) => r[2] === 'Formulir Online');
    const reg = cellText(online?.[0]);
    expect(cellText(registerRow(office, reg)['Kategori'])).toBe('UMKM');
    const bad = act(office, PEOPLE.sekretaris, 'agenda', reg, 'setCategory', { category: 'Pariwisata' });
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/^Kategori "Pariwisata" tidak ada di sheet "Kategori"/);
    const fixed = act(office, PEOPLE.sekretaris, 'agenda', reg, 'setCategory', { category: 'pelayanan dinas' });
    expect(fixed.ok, fixed.message).toBe(true);
    expect(cellText(registerRow(office, reg)['Kategori'])).toBe('Pelayanan Dinas');
    expect(open(office, PEOPLE.kadis, 'disposisi', reg).complaint.category).toBe('Pelayanan Dinas');
  });
});

describe('duplicates and related complaints', () => {
  let office: Office;
  let main = '';
  let dup = '';
  let other = '';
  beforeAll(() => {
    office = openOffice();
    main = recordLetter(office);
  });

  it('lists the possible duplicate on the receipt and at agenda', () => {
    const r = office.as<Recorded>(PEOPLE.cs, 'recordComplaint', {
      ...LETTER,
      email: 'lain@example.com',
      subject: 'Pendampingan koperasi kami tidak ditindaklanjuti',
    });
    expect(r.ok, r.message).toBe(true);
    dup = r.regNumber;
    const onReceipt = office.as<Listed>(PEOPLE.cs, 'listDuplicates', dup);
    expect(onReceipt.ok && onReceipt.rows.map((d) => [d.regNumber, d.reasons])).toEqual([
      [main, 'NIK sama, nomor HP sama, perihal mirip'],
    ]);
    const atAgenda = office.as<Listed>(PEOPLE.sekretaris, 'listDuplicates', dup);
    expect(atAgenda.ok && atAgenda.rows.map((d) => [d.regNumber, d.link])).toEqual([[main, '']]);
    // Not for the Kepala Dinas or a unit (a "same NIK" reason would tell them about an anonymous complainant).
    expect(office.as<Listed>(PEOPLE.kadis, 'listDuplicates', dup).ok).toBe(false);
    expect(office.as<Listed>(PEOPLE.koperasi, 'listDuplicates', dup).ok).toBe(false);
  });

  it('closes the duplicate by reference to the main complaint and tells its complainant', () => {
    office.emu.mail.clear();
    const r = act(office, PEOPLE.sekretaris, 'agenda', dup, 'markDuplicate', { duplicateOf: main });
    expect(r.ok, r.message).toBe(true);
    const row = registerRow(office, dup);
    expect(row['Status']).toBe('Selesai');
    expect(row['Duplikat Dari']).toBe(main);
    const mail = office.emu.mail.outbox.find((m) => m.to === 'lain@example.com');
    expect(mail?.subject).toBe(`Pengaduan ${dup} Digabungkan dengan Pengaduan ${main}`);
    // The main complaint's access code is not the duplicate's complainant's to know.
    expect(mail?.body).not.toContain(cellText(registerRow(office, main)['Kode Akses']));
    const again = act(office, PEOPLE.ketua, 'agenda', main, 'markDuplicate', { duplicateOf: dup });
    expect(again.ok).toBe(false);
  });

  it('links related complaints on both, shown in the history and the report', () => {
    other = recordLetter(office, {
      name: 'Orang Lain',
      nik: '5102015501900002',
      phone: '081299998888',
      email: 'x@example.com',
      subject: 'Izin usaha mikro lambat',
    });
    const r = act(office, PEOPLE.sekretaris, 'agenda', other, 'linkRelated', { relatedTo: main });
    expect(r.ok, r.message).toBe(true);
    expect(registerRow(office, other)['Terkait Dengan']).toBe(main);
    expect(registerRow(office, main)['Terkait Dengan']).toBe(other);
    const history = open(office, PEOPLE.sekretaris, 'agenda', main).history;
    expect(history.at(-1)?.changes.find((c) => c.label === 'Terkait Dengan')?.after).toBe(other);
    office.as(PEOPLE.ketua, 'buildReport');
    const values = office.sheetValues('Laporan').map((x) => x.map(cellText));
    const at = values.findIndex((x) => x[0] === 'Pengaduan yang Bertaut (duplikat, terkait)');
    const linked = values.slice(at + 2, at + 5).filter((x) => x[0] !== '');
    expect(linked).toEqual(
      expect.arrayContaining([
        expect.arrayContaining([main, `Duplikatnya ${dup}; Terkait dengan ${other}`]),
        expect.arrayContaining([dup, `Duplikat dari ${main}`]),
        expect.arrayContaining([other, `Terkait dengan ${main}`]),
      ]),
    );
  });
});
