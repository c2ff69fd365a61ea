// End to end through the built bundle: setup, the public form, reconcile, letters and walk-ins, exact storage, cost.
import { beforeEach, describe, expect, it } from 'vitest';
import { newComplaint } from '../../src/domain/complaint';
import { WorkingCalendar, DEFAULT_HOLIDAYS } from '../../src/domain/calendar';
import { complaintToRow, REGISTER_WIDTH } from '../../src/gas/registerColumns';
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
  const row = office.sheetValues('Pengaturan').find((r) => r[0] === key);
  return cellText(row?.[1]);
}

function register(office: Office): Record<string, unknown>[] {
  const [header, ...rows] = office.sheetValues('Register');
  return rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
}

describe('setup through the built bundle', () => {
  it('creates sheets, form, folder and one trigger per handler; a second run changes nothing', () => {
    const office = openOffice();
    const names = office.emu.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(expect.arrayContaining(['Register', 'Tim', 'Unit', 'Hari Libur', 'Pengaturan', 'Log Audit']));
    const snapshot = () => names.map((n) => JSON.stringify(office.sheetValues(n)));
    const before = snapshot();
    const triggers = () =>
      office.emu.triggers
        .triggers()
        .map((t) => `${t.handler}:${t.eventType}`)
        .sort();
    const triggersBefore = triggers();
    const files = () =>
      office.emu.drive
        .files()
        .map((f) => `${f.mimeType}:${f.name}`)
        .sort();
    const filesBefore = files();
    office.as(PEOPLE.admin, 'setupSystem');
    expect(snapshot()).toEqual(before);
    expect(triggers()).toEqual(triggersBefore);
    expect(triggersBefore).toEqual(['onFormSubmitted:ON_FORM_SUBMIT', 'onRegisterEdited:ON_EDIT', 'runDaily:CLOCK']);
    expect(files()).toEqual(filesBefore);
    expect(filesBefore.filter((f) => f.startsWith('application/vnd.google-apps.form'))).toHaveLength(1);
    expect(filesBefore.filter((f) => f.endsWith(':Dumas — Surat Jawaban Pengaduan'))).toHaveLength(1);
    expect(office.emu.ui.alerts.at(-1)?.message).toContain('Tidak ada yang perlu diperbaiki');
  });

  it('formats identity columns as plain text, freezes headers, protects the audit log and settings', () => {
    const office = openOffice();
    const reg = office.emu.spreadsheet.getSheetByName('Register')!;
    const header = reg.getRange(1, 1, 1, REGISTER_WIDTH).getValues()[0] as string[];
    expect(header.slice(0, 15)).toEqual([
      'No. Registrasi',
      'Diterima',
      'Kanal',
      'Nama Pengadu',
      'NIK',
      'No. HP',
      'Email',
      'Alamat',
      'Perihal',
      'Uraian',
      'Kerahasiaan',
      'Status',
      'Unit',
      'Tenggat',
      'Selesai',
    ]);
    expect(reg.getFrozenRows()).toBe(1);
    expect(reg.getRange(500, header.indexOf('NIK') + 1).getNumberFormat()).toBe('@');
    expect(reg.getConditionalFormatRules()).toHaveLength(2);
    const SHEET = (office.emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType
      .SHEET;
    const editors = (name: string) => {
      const protections = office.emu.spreadsheet.getSheetByName(name)!.getProtections(SHEET);
      expect(protections).toHaveLength(1);
      return protections[0]
        .getEditors()
        .map((u) => u.getEmail())
        .sort();
    };
    // Settings: the administrator only. Audit log: the team too, since their actions append to it as themselves.
    expect(editors('Pengaturan')).toEqual([PEOPLE.admin]);
    expect(editors('Log Audit')).toEqual(
      Object.values(PEOPLE)
        .filter((e) => e !== PEOPLE.stranger)
        .sort(),
    );
    const holidays = office.sheetValues('Hari Libur');
    expect(holidays.length).toBeGreaterThan(40);
  });

  it("a second administrator's setup installs no second set of triggers, until the first one leaves", () => {
    const office = openOffice();
    const second = 'admin2@diskopumkm.tabanankab.go.id';
    const team = office.emu.spreadsheet.getSheetByName('Tim')!;
    team
      .getRange(team.getLastRow() + 1, 1, 1, 8)
      .setValues([[second, 'Admin Dua', 'Administrator', '', '', '', '', 'Ya']]);
    // As the README says: after editing Tim, run setup (it makes the new Administrator an editor of Tim).
    office.as(PEOPLE.admin, 'setupSystem');
    const handlers = () =>
      office.emu.triggers
        .triggers()
        .map((t) => `${t.owner}:${t.handler}`)
        .sort();
    const before = handlers();
    office.as(second, 'setupSystem');
    expect(handlers()).toEqual(before);
    expect(office.emu.ui.alerts.at(-1)?.message).toContain(`Pemicu otomatis dipasang oleh ${PEOPLE.admin}`);
    team.getRange(2, 8).setValue('Tidak'); // the first administrator leaves
    office.as(second, 'setupSystem');
    expect(handlers().filter((h) => h.startsWith(second))).toEqual([
      `${second}:onFormSubmitted`,
      `${second}:onRegisterEdited`,
      `${second}:runDaily`,
    ]);
  });

  it('moves the daily trigger when the reminder hour setting changes', () => {
    const office = openOffice();
    const settings = office.emu.spreadsheet.getSheetByName('Pengaturan')!;
    const row = office.sheetValues('Pengaturan').findIndex((r) => r[0] === 'jam_pengingat_harian') + 1;
    settings.getRange(row, 2).setValue('9');
    office.as(PEOPLE.admin, 'setupSystem');
    const daily = office.emu.triggers.triggers().filter((t) => t.handler === 'runDaily');
    expect(daily.map((t) => t.clock?.atHour)).toEqual([9]);
    office.as(PEOPLE.admin, 'setupSystem');
    expect(office.emu.ui.alerts.at(-1)?.message).toContain('Tidak ada yang perlu diperbaiki');
  });

  it('only the administrator may run setup once the team exists', () => {
    const office = openOffice();
    office.as(PEOPLE.cs, 'setupSystem');
    expect(office.emu.ui.alerts.at(-1)?.message).toContain('Hanya Administrator');
  });

  it('builds the menu for each role; a stranger sees only an explanation', () => {
    const office = openOffice();
    const menuOf = (email: string) => {
      office.emu.setUser(email);
      office.emu.open();
      return office.emu.ui.menu('Dumas')?.items.map((i) => ('caption' in i ? i.caption : '—'));
    };
    expect(menuOf(PEOPLE.cs)).toContain('Catat Pengaduan (Surat / Tatap Muka)');
    expect(menuOf(PEOPLE.admin)).toContain('Siapkan / Perbaiki Sistem');
    expect(menuOf(PEOPLE.cs)).not.toContain('Siapkan / Perbaiki Sistem');
    expect(menuOf(PEOPLE.stranger)).toEqual(['Anda belum terdaftar']);
  });
});

describe('the public form', () => {
  let office: Office;
  beforeEach(() => {
    office = openOffice();
    office.emu.mail.clear();
  });

  it('a submission becomes one row with number, deadline and status, one receipt and one team notice', () => {
    office.emu.forms.submit(setting(office, 'id_formulir'), ANSWERS);
    const rows = register(office);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row['No. Registrasi']).toBe('DUMAS-2026-0001');
    expect(row['NIK']).toBe('5102014506900002');
    expect(row['No. HP']).toBe('081234567890');
    expect(row['Status']).toBe('Diterima');
    expect(row['Kanal']).toBe('Formulir Online');
    expect(row['Perlu Verifikasi']).toBe('');
    // Received Monday 30 Nov 2026 09:00 WITA: day 0; five working days later is Monday 7 December.
    expect((row['Tenggat'] as Date).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    const outbox = office.emu.mail.outbox;
    expect(outbox.map((m) => m.subject)).toEqual([
      'Tanda Terima Pengaduan DUMAS-2026-0001',
      '[Dumas] Pengaduan baru DUMAS-2026-0001',
    ]);
    expect(outbox[0].to).toBe('ayu.lestari@example.com');
    expect(outbox[0].body).toContain('Senin, 7 Desember 2026');
    expect(outbox[0].body).toContain(String(row['Kode Akses']));
    expect(outbox[1].to).toBe(`${PEOPLE.cs},${PEOPLE.sekretaris}`);
    for (const m of outbox) {
      expect(m.body).not.toContain('5102014506900002');
      expect(m.htmlBody).not.toContain('5102014506900002');
    }
    const audit = office.sheetValues('Log Audit');
    expect(audit).toHaveLength(2);
    expect(audit[1][3]).toBe('Dicatat');
  });

  it('the same response processed twice gives one row', () => {
    const formId = setting(office, 'id_formulir');
    office.emu.forms.submit(formId, ANSWERS);
    const FormApp = office.emu.globals.FormApp as GoogleAppsScript.Forms.FormApp;
    const response = FormApp.openById(formId).getResponses()[0];
    office.trigger('onFormSubmitted', { response, source: FormApp.openById(formId) });
    expect(register(office)).toHaveLength(1);
    expect(office.emu.triggers.failures).toEqual([]);
  });

  it('ignores a trigger handler called by anyone but its trigger (e.g. through the web app)', () => {
    office.emu.forms.submitWithoutTrigger(setting(office, 'id_formulir'), ANSWERS);
    office.emu.mail.clear();
    office.as(PEOPLE.stranger, 'runDaily', { triggerUid: 'forged' });
    office.as(PEOPLE.stranger, 'runDaily');
    expect(register(office)).toHaveLength(0);
    expect(office.emu.mail.outbox).toHaveLength(0);
  });

  it('a submission whose trigger never ran is registered by reconcile (menu and daily run)', () => {
    const formId = setting(office, 'id_formulir');
    office.emu.forms.submitWithoutTrigger(formId, ANSWERS);
    expect(register(office)).toHaveLength(0);
    office.as(PEOPLE.sekretaris, 'reconcileForms');
    expect(register(office)).toHaveLength(1);
    expect(office.emu.ui.alerts.at(-1)?.message).toContain('1 jawaban formulir');
    office.emu.forms.submitWithoutTrigger(formId, { ...ANSWERS, Perihal: 'Kedua' });
    office.emu.fireTimeTriggers('2026-12-01T08:00:00+08:00');
    expect(register(office).map((r) => r['Perihal'])).toEqual([ANSWERS.Perihal, 'Kedua']);
  });

  it('a lock timeout loses nothing: the response waits for reconcile', () => {
    const formId = setting(office, 'id_formulir');
    office.emu.lock.failNext(1);
    office.emu.forms.submit(formId, ANSWERS);
    expect(register(office)).toHaveLength(0);
    expect(office.emu.triggers.failures).toHaveLength(1);
    office.as(PEOPLE.cs, 'reconcileForms');
    expect(register(office)).toHaveLength(1);
  });

  it('50 submissions in a row get 50 distinct consecutive numbers', () => {
    const formId = setting(office, 'id_formulir');
    for (let i = 0; i < 50; i++)
      office.emu.forms.submit(formId, { ...ANSWERS, Email: '', Perihal: `Pengaduan ${i + 1}` });
    const numbers = register(office).map((r) => r['No. Registrasi']);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `DUMAS-2026-${String(i + 1).padStart(4, '0')}`));
  });

  it('hostile and awkward inputs are stored exactly as typed; problems are flagged, nothing is dropped', () => {
    const formId = setting(office, 'id_formulir');
    const long = 'panjang '.repeat(625).trim(); // 4,999 characters
    const corpus: Record<string, string>[] = [
      {
        'Nama Lengkap': '=IMPORTXML("http://x","//a")',
        Perihal: '+62 812 bukan nomor',
        'Uraian Pengaduan': '-1+1',
        NIK: '0000000000000000',
        'Nomor HP/WhatsApp': '12345',
      },
      {
        'Nama Lengkap': '@SUM(A1:A2)',
        Perihal: '<script>alert(1)</script>',
        'Uraian Pengaduan': '<img src=x onerror=alert(1)>\n"kutip" \'tunggal\'',
        NIK: '5102011501900001',
        'Nomor HP/WhatsApp': '+6281234567890',
      },
      {
        'Nama Lengkap': "'apostrof",
        Perihal: 'Emoji 🙏🏽 dan baris\nbaru',
        'Uraian Pengaduan': long,
        NIK: '51020115019000011234',
        'Nomor HP/WhatsApp': '0812-3456-7890',
      },
      {
        'Nama Lengkap': 'Tanpa Opsional',
        Perihal: '2026-11-30',
        'Uraian Pengaduan': '1,5 juta',
        NIK: '5102014506900002',
        'Nomor HP/WhatsApp': '081234567890',
      },
    ];
    for (const answers of corpus) {
      office.emu.forms.submit(formId, {
        ...answers,
        Alamat: '',
        Email: '',
        'Kerahasiaan Identitas': 'anonim — identitas saya hanya diketahui Tim Pengaduan',
        'Persetujuan Data Pribadi': CONSENT,
      });
    }
    const rows = register(office);
    expect(rows).toHaveLength(corpus.length);
    corpus.forEach((answers, i) => {
      expect(rows[i]['Nama Pengadu']).toBe(answers['Nama Lengkap']);
      expect(rows[i]['Perihal']).toBe(answers.Perihal);
      expect(rows[i]['Uraian']).toBe(answers['Uraian Pengaduan']);
      expect(rows[i]['NIK']).toBe(answers.NIK);
      expect(rows[i]['No. HP']).toBe(answers['Nomor HP/WhatsApp']);
      expect(rows[i]['Alamat']).toBe('');
    });
    expect(String(rows[0]['Perlu Verifikasi'])).toContain('NIK');
    expect(String(rows[0]['Perlu Verifikasi'])).toMatch(/HP|telepon/i);
    expect(rows[1]['Perlu Verifikasi']).toBe('');
    const formulas = office.emu.spreadsheet.getSheetByName('Register')!.getDataRange().getFormulas().flat();
    expect(formulas.every((f) => f === '')).toBe(true);
  });
});

describe('letters and walk-ins recorded by staff', () => {
  let office: Office;
  beforeEach(() => {
    office = openOffice();
  });

  it('CS records a letter received earlier; the deadline counts from its receipt', () => {
    const result = office.as<{ ok: boolean; regNumber: string }>(PEOPLE.cs, 'recordComplaint', {
      channel: 'Surat',
      receivedDate: '2026-11-27',
      receivedTime: '15:30',
      name: 'I Nyoman Sukra',
      nik: '5102010101800001',
      phone: '0361 811073',
      subject: 'Izin usaha mikro',
      description: 'Surat terlampir.',
      ktpSeen: true,
      letterPresent: true,
    });
    expect(result.ok).toBe(true);
    const row = register(office)[0];
    // The CS officer gets the access code to write on the paper receipt (the status page needs it).
    expect((result as unknown as { message: string }).message).toContain(
      `Kode akses cek status: ${cellText(row['Kode Akses'])}`,
    );
    expect(row['Kanal']).toBe('Surat');
    expect(row['Dicatat Oleh']).toBe(PEOPLE.cs);
    expect(row['Surat Pengaduan Ada']).toBe('Ya');
    // Friday 27 Nov 15:30 is day 0; deadline Friday 4 December.
    expect((row['Tenggat'] as Date).toISOString()).toBe('2026-12-03T16:00:00.000Z');
  });

  it('a walk-in with an agreed date is connected to the unit with that date as its deadline', () => {
    const result = office.as<{ ok: boolean }>(PEOPLE.cs, 'recordComplaint', {
      channel: 'Tatap Muka',
      name: 'Pengadu',
      subject: 'Pinjaman modal UKM',
      unit: 'Bidang Usaha Kecil dan Menengah',
      outcome: 'agreed',
      agreedDate: '2026-12-03',
      ktpSeen: true,
    });
    expect(result.ok).toBe(true);
    const row = register(office)[0];
    expect(row['Status']).toBe('Ditindaklanjuti');
    expect(row['Unit']).toBe('Bidang Usaha Kecil dan Menengah');
    expect((row['Tenggat'] as Date).toISOString()).toBe('2026-12-02T16:00:00.000Z');
    expect(office.sheetValues('Log Audit').map((r) => r[3])).toEqual([
      'Aksi',
      'Dicatat',
      'Hubungkan ke Bidang/Sekretariat',
    ]);
    const unitMail = office.emu.mail.outbox.find((m) => m.subject.includes('Pengaduan tatap muka'));
    expect(unitMail?.to).toBe(PEOPLE.ukm);
    expect(unitMail?.body).toContain('Kamis, 3 Desember 2026');
  });

  it('refuses bad input with Indonesian messages per field, and other roles entirely', () => {
    const empty = office.as<{ ok: boolean; errors: Record<string, string> }>(PEOPLE.cs, 'recordComplaint', {
      channel: 'Surat',
      name: 'X',
    });
    expect(empty.ok).toBe(false);
    expect(empty.errors.subject).toMatch(/Perihal|uraian/i);
    const future = office.as<{ ok: boolean; errors: Record<string, string> }>(PEOPLE.cs, 'recordComplaint', {
      channel: 'Surat',
      subject: 'x',
      receivedDate: '2026-12-25',
    });
    expect(future.errors.receivedDate).toContain('masa depan');
    for (const who of [PEOPLE.koperasi, PEOPLE.kadis, PEOPLE.stranger]) {
      const refused = office.as<{ ok: boolean; message: string }>(who, 'recordComplaint', {
        channel: 'Surat',
        subject: 'x',
      });
      expect(refused.ok).toBe(false);
      expect(refused.message).toMatch(/tidak berwenang|belum terdaftar/);
    }
    expect(register(office)).toHaveLength(0);
  });
});

describe('cost of registering', () => {
  function seed(office: Office, n: number): void {
    const calendar = new WorkingCalendar(DEFAULT_HOLIDAYS);
    const rows = Array.from({ length: n }, (_, i) => {
      const { complaint } = newComplaint(
        { channel: 'Surat', receivedAt: new Date('2026-06-01T01:00:00Z'), subject: `Lama ${i}`, description: 'x' },
        {
          now: new Date('2026-06-01T01:00:00Z'),
          calendar,
          regNumber: `DUMAS-2026-${String(i + 1).padStart(4, '0')}`,
          accessCode: 'ABCDEF',
        },
      );
      return complaintToRow(complaint, `old-${i}`);
    });
    const sheet = office.emu.spreadsheet.getSheetByName('Register')!;
    // Leave the headroom a grown register has (it grows by 500 rows at a time, see RegisterSheet).
    if (sheet.getMaxRows() < n + 100) sheet.insertRowsAfter(sheet.getMaxRows(), n + 100 - sheet.getMaxRows());
    if (n > 0) sheet.getRange(2, 1, n, REGISTER_WIDTH).setValues(rows);
  }

  it('is the same number of service calls at 10 and at 10,000 rows', () => {
    const measure = (n: number) => {
      const office = openOffice();
      seed(office, n);
      const formId = setting(office, 'id_formulir');
      const m = office.emu.calls.measure(() => office.emu.forms.submit(formId, ANSWERS));
      const numbers = register(office).map((r) => r['No. Registrasi']);
      expect(numbers.at(-1)).toBe(`DUMAS-2026-${String(n + 1).padStart(4, '0')}`);
      return m;
    };
    const small = measure(10);
    const large = measure(10_000);
    expect(large.calls).toBe(small.calls);
    expect(small.calls).toBeLessThanOrEqual(39); // 30 + the register's header read + the audit log's editor check (getProtections, canEdit) + the crash safety (6)
    // Nothing read grows with the register: the numbering looks at the last rows only, so the simulated time is
    // the same at 10,000 rows (calibrated latency, test/emulator/README.md).
    expect(Math.abs(large.simulatedMs - small.simulatedMs)).toBeLessThan(20);
    expect(small.counts['Sheet.getLastRow']).toBe(2); // the register, the audit log (Tim is read to its trimmed grid's bottom)
    expect(small.counts['Sheet.getMaxRows'] ?? 0).toBe(0);
    console.info(
      `register one submission: ${small.calls} calls at 10 rows (${small.simulatedMs.toFixed(0)} ms), ${large.calls} calls at 10,000 rows (${large.simulatedMs.toFixed(0)} ms)`,
    );
    console.info(JSON.stringify(small.counts));
  });
});
