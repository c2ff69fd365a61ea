// The form's question layout cached by position (one getItems call a submission instead of an Item call per answer),
// and the team's notice of online submissions at most once an hour. Through the built bundle.
import { beforeEach, describe, expect, it } from 'vitest';
import { openOffice, PEOPLE, type Office } from './office';
import { cellText } from '../../src/lib/cells';

const CONSENT = [
  'Saya menyatakan data di atas benar sesuai KTP saya dan menyetujui penggunaannya untuk menangani pengaduan ini.',
];
const ANSWERS = {
  'Nama Lengkap': 'Ni Made Ayu Lestari',
  NIK: '5102014506900002',
  Alamat: 'Jl. Gunung Agung No. 7, Tabanan',
  'Nomor HP/WhatsApp': '081234567890',
  Email: 'ayu.lestari@example.com',
  Perihal: 'Pendampingan koperasi tidak ditindaklanjuti',
  'Uraian Pengaduan': 'Sudah dua bulan permohonan pendampingan kami belum dijawab.',
  'Kerahasiaan Identitas': 'biasa — identitas saya dapat dilihat petugas yang menangani',
  'Persetujuan Data Pribadi': CONSENT,
};

function setting(office: Office, key: string): string {
  return cellText(office.sheetValues('Pengaturan').find((r) => r[0] === key)?.[1]);
}

function lastRegistered(office: Office): Record<string, unknown> {
  const [header, ...rows] = office.sheetValues('Register');
  const row = rows[rows.length - 1];
  return Object.fromEntries((header as string[]).map((h, i) => [h, row[i]]));
}

function form(office: Office): GoogleAppsScript.Forms.Form {
  const FormApp = office.emu.globals.FormApp as GoogleAppsScript.Forms.FormApp;
  return FormApp.openById(setting(office, 'id_formulir'));
}

describe('answers read by the cached question layout', () => {
  let office: Office;
  beforeEach(() => {
    office = openOffice();
  });

  it('reads a submission with one getItems call and no Item call per answer', () => {
    const m = office.emu.calls.measure(() => office.emu.forms.submit(setting(office, 'id_formulir'), ANSWERS));
    expect(m.counts['Form.getItems']).toBe(1);
    expect(m.counts['Item.getTitle'] ?? 0).toBe(0);
    const c = lastRegistered(office);
    expect(cellText(c['Nama Pengadu'])).toBe(ANSWERS['Nama Lengkap']);
    expect(cellText(c['NIK'])).toBe(ANSWERS.NIK);
    expect(cellText(c['Alamat'])).toBe(ANSWERS.Alamat);
    expect(cellText(c['Email'])).toBe(ANSWERS.Email);
    expect(cellText(c['Perihal'])).toBe(ANSWERS.Perihal);
  });

  it('an optional question left empty keeps every other answer in its field', () => {
    const { Alamat: _address, ...rest } = ANSWERS;
    office.emu.forms.submit(setting(office, 'id_formulir'), rest);
    const c = lastRegistered(office);
    expect(cellText(c['Alamat'])).toBe('');
    expect(cellText(c['No. HP'])).toBe(ANSWERS['Nomor HP/WhatsApp']);
    expect(cellText(c['Perihal'])).toBe(ANSWERS.Perihal);
  });

  it('a question added by hand: the cached layout no longer fits, the answers are read by their titles', () => {
    const f = form(office);
    f.addTextItem().setTitle('Pekerjaan');
    f.moveItem(f.getItems().length - 1, 0);
    const m = office.emu.calls.measure(() =>
      office.emu.forms.submit(setting(office, 'id_formulir'), { ...ANSWERS, Pekerjaan: 'Petani' }),
    );
    expect(m.counts['Item.getTitle']).toBe(10);
    const c = lastRegistered(office);
    expect(cellText(c['Nama Pengadu'])).toBe(ANSWERS['Nama Lengkap']);
    expect(cellText(c['NIK'])).toBe(ANSWERS.NIK);
  });

  it('the privacy and consent questions moved by hand: answers of the wrong shape are read by their titles', () => {
    const f = form(office);
    const items = f.getItems();
    f.moveItem(items[items.length - 1], 0); // consent first
    office.emu.forms.submit(setting(office, 'id_formulir'), ANSWERS);
    const c = lastRegistered(office);
    expect(cellText(c['Nama Pengadu'])).toBe(ANSWERS['Nama Lengkap']);
    expect(cellText(c['Kerahasiaan'])).toBe('biasa');
  });

  it('two text questions swapped by hand: the daily run refreshes the layout, later submissions read right', () => {
    const f = form(office);
    f.moveItem(f.getItems()[1], 0); // NIK above the name: same shapes, so only the titles can tell
    office.emu.clock.set('2026-12-01T06:59:00+08:00');
    office.trigger('runDaily');
    office.emu.clock.set('2026-12-01T09:00:00+08:00');
    office.emu.forms.submit(setting(office, 'id_formulir'), ANSWERS);
    const c = lastRegistered(office);
    expect(cellText(c['Nama Pengadu'])).toBe(ANSWERS['Nama Lengkap']);
    expect(cellText(c['NIK'])).toBe(ANSWERS.NIK);
  });

  it('setup again after an edit by hand refreshes the layout at once', () => {
    const f = form(office);
    f.moveItem(f.getItems()[1], 0);
    office.as(PEOPLE.admin, 'setupSystem');
    office.emu.forms.submit(setting(office, 'id_formulir'), ANSWERS);
    const c = lastRegistered(office);
    expect(cellText(c['Nama Pengadu'])).toBe(ANSWERS['Nama Lengkap']);
    expect(cellText(c['NIK'])).toBe(ANSWERS.NIK);
  });
});

describe("the team's notice of online submissions", () => {
  it('goes with the first submission of an hour; the receipt goes with every one', () => {
    const office = openOffice({ now: '2026-12-02T09:00:00+08:00' });
    const formId = setting(office, 'id_formulir');
    const notices = () => office.emu.mail.outbox.filter((m) => m.subject.startsWith('[Dumas] Pengaduan baru'));
    const receipts = () => office.emu.mail.outbox.filter((m) => m.to === ANSWERS.Email);
    office.emu.forms.submit(formId, ANSWERS);
    expect(notices()).toHaveLength(1);
    expect(notices()[0].body).toContain('paling banyak sekali dalam satu jam');
    office.emu.clock.set('2026-12-02T09:40:00+08:00');
    office.emu.forms.submit(formId, ANSWERS);
    expect(notices()).toHaveLength(1);
    expect(receipts()).toHaveLength(2);
    office.emu.clock.set('2026-12-02T10:01:00+08:00');
    office.emu.forms.submit(formId, ANSWERS);
    expect(notices()).toHaveLength(2);
    expect(receipts()).toHaveLength(3);
  });

  it('held back by the mail quota, it goes with the next submission of the same hour', () => {
    const office = openOffice({ now: '2026-12-02T09:00:00+08:00' });
    const formId = setting(office, 'id_formulir');
    const notices = () => office.emu.mail.outbox.filter((m) => m.subject.startsWith('[Dumas] Pengaduan baru'));
    office.emu.mail.setQuota(0);
    office.emu.forms.submit(formId, ANSWERS);
    expect(office.emu.triggers.failures).toEqual([]);
    expect(notices()).toHaveLength(0); // nobody told: the hour has not started
    office.emu.mail.setQuota(100);
    office.emu.clock.set('2026-12-02T09:20:00+08:00');
    office.emu.forms.submit(formId, ANSWERS);
    expect(notices()).toHaveLength(1);
    office.emu.clock.set('2026-12-02T09:40:00+08:00');
    office.emu.forms.submit(formId, ANSWERS);
    expect(notices()).toHaveLength(1);
  });
});
