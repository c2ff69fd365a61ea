// The register found by header, through the built bundle: two offices hold the same complaints; in one, staff have
// inserted their own columns in the middle, moved "Tenggat" to column A and hidden "Unit". Every operation must give
// the same result in both, and the staff's own columns must keep their content. Then: a renamed or deleted header, a
// doubled one, and a register of an older version that lacks the last field.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint';
import { instantAt } from '../../src/domain/time';
import { REGISTER_HEADERS, columnOf } from '../../src/gas/registerColumns';
import { EDIT_HANDLER } from '../../src/gas/editWatch';
import { cellText } from '../../src/lib/cells';
import type { SentMail } from '../emulator/mail';
import { openOffice, PEOPLE, type Office } from './office';
import { setting } from './publicHelpers';
import { makeComplaint, randomRegister, seedRegister, settle } from './registerSeed';
import { INPUTS, LETTER } from './workflowOffice';

const TODAY = '2026-12-01'; // a Tuesday
const NOTE = 'Catatan Staf'; // inserted in the middle, before "Status"
const INITIALS = 'Paraf'; // inserted between "Diperbarui" and "Diperbarui Oleh"
const ANSWERS = {
  'Nama Lengkap': 'Ni Made Ayu Lestari',
  NIK: '5102014506900002',
  Alamat: 'Jl. Gunung Agung No. 7, Tabanan',
  'Nomor HP/WhatsApp': '081234567890',
  Email: 'ayu.lestari@example.com',
  Perihal: 'Pendampingan koperasi tidak ditindaklanjuti',
  'Uraian Pengaduan': 'Sudah dua bulan permohonan pendampingan kami belum dijawab.',
  'Kerahasiaan Identitas': 'biasa — identitas saya dapat dilihat petugas yang menangani',
  'Persetujuan Data Pribadi': [
    'Saya menyatakan data di atas benar sesuai KTP saya dan menyetujui penggunaannya untuk menangani pengaduan ini.',
  ],
};

type Sheet = NonNullable<ReturnType<Office['emu']['spreadsheet']['getSheetByName']>>;

function sheetOf(office: Office): Sheet {
  const sheet = office.emu.spreadsheet.getSheetByName('Register');
  if (!sheet) throw new Error('no register');
  return sheet;
}

function header(office: Office): string[] {
  return office.sheetValues('Register')[0].map((v) => cellText(v));
}

/** The sheet column (1-based) headed `title`. */
function col(office: Office, title: string): number {
  const i = header(office).indexOf(title);
  if (i < 0) throw new Error(`no column ${title}`);
  return i + 1;
}

/** Every register row as header → value, without the access code (drawn at random by each office). */
function records(office: Office, omit: readonly string[] = ['Kode Akses']): Record<string, unknown>[] {
  const [head, ...rows] = office.sheetValues('Register');
  return rows.map((r) =>
    Object.fromEntries(
      REGISTER_HEADERS.filter((h) => !omit.includes(h)).map((h) => [h, r[head.indexOf(h)]] as [string, unknown]),
    ),
  );
}

function rowOf(office: Office, reg: string): Record<string, unknown> {
  const found = records(office, []).find((r) => r['No. Registrasi'] === reg);
  if (!found) throw new Error(`no row ${reg}`);
  return found;
}

/** What the person typed into their own columns, row by row. */
function staffCells(office: Office): unknown[][] {
  const rows = office.sheetValues('Register');
  const a = rows[0].indexOf(NOTE);
  const b = rows[0].indexOf(INITIALS);
  return rows.slice(1).map((r) => [r[a], r[b]]);
}

/** As staff do in Sheets: two columns of their own, "Tenggat" moved to column A, "Unit" hidden. */
function rearrange(office: Office): void {
  const sheet = sheetOf(office);
  const rows = sheet.getLastRow() - 1;
  sheet.insertColumnBefore(col(office, 'Status'));
  const note = col(office, 'Status') - 1;
  sheet.getRange(1, note).setValue(NOTE);
  sheet.getRange(2, note, rows, 1).setValues(Array.from({ length: rows }, (_, i) => [`catatan baris ${i + 2}`]));
  sheet.moveColumns(sheet.getRange(1, col(office, 'Tenggat')), 1);
  sheet.hideColumns(col(office, 'Unit'));
  sheet.insertColumnAfter(col(office, 'Diperbarui'));
  const initials = col(office, 'Diperbarui') + 1;
  sheet.getRange(1, initials).setValue(INITIALS);
  sheet.getRange(2, initials, rows, 1).setValues(Array.from({ length: rows }, (_, i) => [`IW-${i + 2}`]));
}

type Result = { ok: boolean; message: string; regNumber?: string };

function act(office: Office, who: string, sidebar: string, reg: string, action: string, input: Record<string, string>) {
  const version = Number(rowOf(office, reg)['Versi']);
  const r = office.as<Result>(who, 'runWorkflowAction', { sidebar, regNumber: reg, version, action, input });
  expect(r.ok, `${action}: ${r.message}`).toBe(true);
}

function letterAction(office: Office, who: string, action: string, reg: string, extra: Record<string, unknown> = {}) {
  const version = Number(rowOf(office, reg)['Versi']);
  const r = office.as<Result>(who, 'runLetterAction', { action, regNumber: reg, version, ...extra });
  expect(r.ok, `${action}: ${r.message}`).toBe(true);
}

/** A person types into the register, then Sheets fires the onEdit trigger (run as its installer). */
function type(office: Office, who: string, row: number, column: number, value: unknown): void {
  const range = sheetOf(office).getRange(row, column);
  const oldValue = range.getValue();
  range.setValue(value);
  office.emu.setUser(PEOPLE.admin);
  office.emu.triggers.fireEvent('SPREADSHEETS', office.emu.spreadsheet.getId(), 'ON_EDIT', (triggerUid) => ({
    authMode: 'FULL',
    triggerUid,
    source: office.emu.spreadsheet,
    range,
    value,
    oldValue,
    user: { getEmail: () => who },
  }));
}

const REG = /DUMAS-\d{4}-\d{4}/g;
const digests = (office: Office) =>
  office.emu.mail.outbox.map((m: SentMail) => ({ to: m.to, numbers: [...new Set(m.body.match(REG) ?? [])].sort() }));

describe('a register whose columns staff inserted, moved and hid', () => {
  let plain: Office;
  let moved: Office;
  let seeded: Complaint[];
  const both = (fn: (office: Office) => void) => {
    fn(plain);
    fn(moved);
  };

  beforeAll(() => {
    const old = (i: number) =>
      settle(
        makeComplaint({ receivedAt: instantAt('2024-06-03', 9 + i), deadline: '2024-06-10', unit: 'Bidang Koperasi' }),
        instantAt('2024-06-05', 10),
      );
    seeded = [old(0), ...randomRegister(120, TODAY, 5), old(1)];
    plain = openOffice({ now: `${TODAY}T06:00:00+08:00` });
    moved = openOffice({ now: `${TODAY}T06:00:00+08:00` });
    both((office) => seedRegister(office.emu, seeded));
    rearrange(moved);
  });

  it('setup keeps the staff columns (header, content, place) and then changes nothing more', () => {
    const before = office(moved);
    moved.as(PEOPLE.admin, 'setupSystem');
    expect(office(moved)).toEqual(before);
    expect(sheetOf(moved).isColumnHiddenByUser(col(moved, 'Unit'))).toBe(true);
    function office(o: Office) {
      return { header: header(o), staff: staffCells(o), records: records(o, []) };
    }
  });

  it('a form submission, a recording and workflow actions write every field into its own column', () => {
    const staff = staffCells(moved);
    both((office) => {
      office.emu.forms.submit(setting(office, 'id_formulir'), ANSWERS);
      const r = office.as<Result>(PEOPLE.cs, 'recordComplaint', LETTER);
      expect(r.ok, r.message).toBe(true);
      const reg = r.regNumber as string;
      act(office, PEOPLE.sekretaris, 'agenda', reg, 'agenda', { agendaNumber: 'SM-2026-0101', agendaDate: TODAY });
      act(office, PEOPLE.sekretaris, 'agenda', reg, 'forwardToHead', {});
      act(office, PEOPLE.kadis, 'disposisi', reg, 'dispose', INPUTS.dispose);
    });
    expect(moved.emu.triggers.failures).toEqual([]);
    expect(records(moved)).toEqual(records(plain));
    const online = records(moved).at(-2) as Record<string, unknown>;
    expect([online['Nama Pengadu'], online['Status'], online['Kanal']]).toEqual([
      ANSWERS['Nama Lengkap'],
      'Diterima',
      'Formulir Online',
    ]);
    expect(cellText(online['ID Respons Formulir'])).not.toBe('');
    const letter = records(moved).at(-1) as Record<string, unknown>;
    expect([letter['Status'], letter['Unit'], letter['No. Agenda'], letter['Versi']]).toEqual([
      'Didisposisikan',
      'Bidang Koperasi',
      'SM-2026-0101',
      4,
    ]);
    // The new rows leave the staff columns empty; the old rows keep what staff typed.
    expect(staffCells(moved)).toEqual([...staff, ['', ''], ['', '']]);
    // And it was the rearranged register: the deadline sits in column A.
    expect(header(moved)[0]).toBe('Tenggat');
  });

  it('the reply letter: its number lands in "No. Surat Jawaban", the same number as in the plain register', () => {
    both((office) => {
      const reg = records(office).at(-1)?.['No. Registrasi'] as string;
      letterAction(office, PEOPLE.koperasi, 'draft', reg, { answer: INPUTS.draftReply.answer });
      letterAction(office, PEOPLE.koperasi, 'submit', reg);
      letterAction(office, PEOPLE.kadis, 'sign', reg);
    });
    const mine = records(moved).at(-1) as Record<string, unknown>;
    expect(cellText(mine['No. Surat Jawaban'])).not.toBe('');
    expect(mine['No. Surat Jawaban']).toBe(records(plain).at(-1)?.['No. Surat Jawaban']);
    const letters = moved.sheetValues('Register Surat');
    expect(letters.some((r) => r.includes(mine['No. Surat Jawaban']))).toBe(true);
  });

  it('a direct edit is audited under its own header and bumps Versi, Diperbarui, Diperbarui Oleh; a staff column is not', () => {
    const audits = (office: Office) => office.sheetValues('Log Audit').length;
    const before = audits(moved);
    both((office) => type(office, PEOPLE.ketua, 3, col(office, 'Perihal'), 'Perihal diketik langsung'));
    expect(moved.emu.triggers.failures).toEqual([]);
    expect(moved.sheetValues('Log Audit').slice(-1)).toEqual(plain.sheetValues('Log Audit').slice(-1));
    expect(JSON.stringify(moved.sheetValues('Log Audit').at(-1))).toContain('Perihal diketik langsung');
    expect(records(moved)).toEqual(records(plain));
    const staff = staffCells(moved);
    expect(staff[1][1]).toBe('IW-3'); // the bump wrote round the staff column between Diperbarui and Diperbarui Oleh
    type(moved, PEOPLE.ketua, 3, col(moved, NOTE), 'catatan baru');
    expect(audits(moved)).toBe(before + 1);
    expect(moved.emu.triggers.triggers().filter((t) => t.handler === EDIT_HANDLER)).toHaveLength(1);
  });

  it('Pemantauan, the status page and the monthly report read the same complaints', () => {
    const list = (office: Office, options: Record<string, unknown>) =>
      office.as<{ ok: boolean; message?: string }>(PEOPLE.ketua, 'monitoringList', options);
    for (const options of [{}, { includeClosed: true, page: 1 }, { unit: 'Bidang Koperasi', state: 'overdue' }]) {
      const mine = list(moved, options);
      expect(mine.ok, mine.message).toBe(true);
      expect(mine).toEqual(list(plain, options));
    }
    const open = seeded.find((c) => c.closedAt === null) as Complaint;
    const status = (office: Office) => office.web<{ ok: boolean }>('checkStatus', open.regNumber, open.accessCode);
    expect(status(moved).ok).toBe(true);
    expect(status(moved)).toEqual(status(plain));
    both((office) => office.as(PEOPLE.ketua, 'buildReport'));
    expect(moved.sheetValues('Laporan')).toEqual(plain.sheetValues('Laporan'));
  });

  it('the daily run: the same digests, and the purge empties the identity of the due rows in their own columns', () => {
    const staff = staffCells(moved);
    both((office) => {
      office.emu.mail.clear();
      office.emu.fireTimeTriggers(`${TODAY}T08:00:00+08:00`);
    });
    expect(moved.emu.triggers.failures).toEqual([]);
    expect(digests(moved).length).toBeGreaterThan(0);
    expect(digests(moved)).toEqual(digests(plain));
    const purged = rowOf(moved, seeded[0].regNumber);
    expect([purged['Nama Pengadu'], purged['NIK'], purged['Alamat'], purged['Perihal']]).toEqual([
      '',
      '',
      '',
      seeded[0].subject,
    ]);
    expect(records(moved)).toEqual(records(plain));
    expect(staffCells(moved)).toEqual(staff);
  });

  it("Pemantauan with the daily run's index: the same lists, and a deadline typed by hand in the moved Tenggat column is marked", () => {
    // The daily run above wrote Pemantauan's index in both offices.
    for (const o of [moved, plain]) {
      const meta = JSON.parse(o.emu.properties.scriptStore.get('dumas.monitorIndex') ?? '{}') as { gen?: number };
      expect(meta.gen).toBeGreaterThan(0);
    }
    type Page = { ok: boolean; message?: string; items: { regNumber: string; state: string }[] };
    const list = (o: Office) => o.as<Page>(PEOPLE.ketua, 'monitoringList', {});
    const before = list(moved);
    expect(before.ok, before.message).toBe(true);
    expect(before).toEqual(list(plain));
    const closing = REGISTER_HEADERS[columnOf('closedAt') - 1];
    const rows = records(moved, []);
    const open = rows.flatMap((r, i) => (cellText(r[closing]) === '' && cellText(r['Tenggat']) !== '' ? [i + 2] : []));
    const row = open[open.length - 1];
    const reg = rows[row - 2]['No. Registrasi'] as string;
    expect(before.items[0]?.regNumber).not.toBe(reg);
    both((o) => type(o, PEOPLE.ketua, row, col(o, 'Tenggat'), new Date('2025-01-02T00:00:00+08:00')));
    const marks = JSON.parse(moved.emu.properties.scriptStore.get('dumas.monitorIndex.marks') ?? '{}') as {
      rows?: number[];
    };
    expect(marks.rows).toContain(row); // found by the layout: "Tenggat" is column A here
    const after = list(moved);
    expect(after).toEqual(list(plain));
    expect(after.items[0]).toMatchObject({ regNumber: reg, state: 'overdue' });
  });
});

describe('a Dumas header missing from the register', () => {
  let office: Office;
  beforeAll(() => {
    office = openOffice({ now: `${TODAY}T09:00:00+08:00` });
    seedRegister(office.emu, randomRegister(20, TODAY, 9));
  });

  const list = () => office.as<{ ok: boolean; message?: string }>(PEOPLE.ketua, 'monitoringList', {});

  it('renamed: every operation refuses with the Indonesian message and writes nothing; the header restored, it works', () => {
    const sheet = sheetOf(office);
    const status = col(office, 'Status');
    sheet.getRange(1, status).setValue('Status Pengaduan');
    const before = office.sheetValues('Register');
    const shown = list();
    expect(shown.ok).toBe(false);
    expect(shown.message).toContain('Kolom "Status" tidak ditemukan di baris judul sheet "Register"');
    expect(shown.message).toContain('Siapkan / Perbaiki Sistem');
    const recorded = office.as<Result>(PEOPLE.cs, 'recordComplaint', LETTER);
    expect(recorded).toMatchObject({ ok: false, message: shown.message });
    office.emu.forms.submit(setting(office, 'id_formulir'), ANSWERS);
    expect(office.sheetValues('Register')).toEqual(before);
    // Typed back with other capitals and a space: found; setup writes Dumas's own spelling back.
    sheet.getRange(1, status).setValue('status ');
    expect(list().ok).toBe(true);
    office.as(PEOPLE.admin, 'setupSystem');
    expect(header(office)[status - 1]).toBe('Status');
    // The response that came while the header was wrong is registered by the reconcile, once.
    office.as(PEOPLE.admin, 'reconcileForms');
    office.as(PEOPLE.admin, 'reconcileForms');
    expect(records(office).filter((r) => r['Nama Pengadu'] === ANSWERS['Nama Lengkap'])).toHaveLength(1);
  });

  it('doubled: a staff column titled like a Dumas column is named in the message', () => {
    const sheet = sheetOf(office);
    const extra = sheet.getLastColumn() + 1;
    sheet.insertColumnAfter(sheet.getLastColumn());
    sheet.getRange(1, extra).setValue('Unit');
    const shown = list();
    expect(shown.ok).toBe(false);
    expect(shown.message).toContain('Judul kolom "Unit" muncul lebih dari sekali');
    sheet.getRange(1, extra).setValue('Unit (catatan)');
    expect(list().ok).toBe(true);
  });

  it('deleted: setup appends it after the last used column without moving any data, then it is written there', () => {
    const sheet = sheetOf(office);
    sheet.deleteColumn(col(office, 'Catatan Tindak Lanjut'));
    const before = office.sheetValues('Register').map((r) => r.slice(0, sheet.getLastColumn()));
    expect(list().message).toContain('Kolom "Catatan Tindak Lanjut" tidak ditemukan');
    office.as(PEOPLE.admin, 'setupSystem');
    const after = office.sheetValues('Register');
    expect(after.map((r) => r.slice(0, before[0].length))).toEqual(before);
    expect(header(office).indexOf('Catatan Tindak Lanjut')).toBeGreaterThanOrEqual(before[0].length);
    expect(list().ok).toBe(true);
  });
});

describe('a register of an older version', () => {
  it('lacking the last field: setup appends it after the last used column; no cell of the old data moves', () => {
    const office = openOffice({ now: `${TODAY}T09:00:00+08:00` });
    seedRegister(office.emu, randomRegister(30, TODAY, 13));
    const sheet = sheetOf(office);
    // The older version had no "Diperbarui Oleh": its response-id column came right after "Diperbarui".
    sheet.deleteColumn(col(office, 'Diperbarui Oleh'));
    const width = sheet.getLastColumn();
    const old = sheet.getRange(1, 1, sheet.getLastRow(), width).getValues();
    office.as(PEOPLE.admin, 'setupSystem');
    expect(sheet.getRange(1, 1, old.length, width).getValues()).toEqual(old);
    expect(header(office)[width]).toBe('Diperbarui Oleh');
    expect(office.emu.ui.alerts.map((a) => a.message).join('\n')).toContain(
      'Kolom "Diperbarui Oleh" ditambahkan di ujung kanan sheet "Register"',
    );
    // The next complaint recorded writes its author there, and nowhere else.
    const r = office.as<Result>(PEOPLE.cs, 'recordComplaint', LETTER);
    expect(r.ok, r.message).toBe(true);
    expect(rowOf(office, r.regNumber as string)['Diperbarui Oleh']).toBe(PEOPLE.cs);
    expect(sheet.getRange(1, 1, old.length, width).getValues()).toEqual(old);
  });
});
