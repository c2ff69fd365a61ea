// Helpers shared by the public-page and retention bundle tests: settings, register rows, complaints and workflow steps.
import { DEFAULT_HOLIDAYS, WorkingCalendar } from '../../src/domain/calendar';
import type { Complaint } from '../../src/domain/complaint';
import type { Actor } from '../../src/domain/roles';
import { applyAction, type ActionInput } from '../../src/domain/workflow';
import { complaintToRow, responseIdOf, rowToComplaint } from '../../src/gas/registerColumns';
import { PEOPLE, type Office } from './office';
import { cellText } from '../../src/lib/cells';

export const STATUS_URL = 'https://script.google.com/macros/s/AKfycbDUMAS/exec';

export function setSetting(office: Office, key: string, value: string): void {
  office.emu.setUser(PEOPLE.admin); // "Pengaturan" is protected: the Administrator types the value
  const sheet = office.emu.spreadsheet.getSheetByName('Pengaturan')!;
  const rows = sheet.getDataRange().getValues();
  const index = rows.findIndex((r) => r[0] === key);
  if (index < 0) throw new Error(`no setting ${key}`);
  sheet.getRange(index + 1, 2).setValue(value);
}

export function setting(office: Office, key: string): string {
  return cellText(office.sheetValues('Pengaturan').find((r) => r[0] === key)?.[1]);
}

export function complaints(office: Office): Complaint[] {
  return office
    .sheetValues('Register')
    .slice(1)
    .filter((r) => String(r[0]) !== '')
    .map((r) => rowToComplaint(r));
}

export function complaintOf(office: Office, regNumber: string): Complaint {
  const c = complaints(office).find((x) => x.regNumber === regNumber);
  if (!c) throw new Error(`no complaint ${regNumber}`);
  return c;
}

/** A workflow step done the way the workflow sidebars will: the domain's applyAction, the row rewritten once. */
export function act(office: Office, regNumber: string, action: string, actor: Actor, input: ActionInput): Complaint {
  const sheet = office.emu.spreadsheet.getSheetByName('Register')!;
  const values = sheet.getDataRange().getValues();
  const index = values.findIndex((r) => r[0] === regNumber);
  const current = rowToComplaint(values[index]);
  const result = applyAction(current, action, actor, input, {
    now: new Date(office.emu.clock.now()),
    calendar: new WorkingCalendar(DEFAULT_HOLIDAYS),
  });
  if (!result.ok) throw new Error(result.error);
  const row = complaintToRow(result.complaint, responseIdOf(values[index]));
  sheet.getRange(index + 1, 1, 1, row.length).setValues([row]);
  return result.complaint;
}

export const KETUA: Actor = { email: PEOPLE.ketua, role: 'KETUA', name: 'I Gusti Ayu Rai' };
export const KOPERASI: Actor = {
  email: PEOPLE.koperasi,
  role: 'ANGGOTA',
  unit: 'Bidang Koperasi',
  name: 'Kadek Dwi Antari',
};

export interface Person {
  name: string;
  nik: string;
  phone: string;
  email: string;
  address: string;
  subject: string;
  description: string;
}

/** Distinct, realistic personal data for complaint i (valid Bali NIK, mobile number, email). */
export function person(i: number): Person {
  const n = String(i).padStart(3, '0');
  return {
    name: `Ni Wayan Sukerti Nomor${n}`,
    nik: `5102014506${String(80 + (i % 20)).padStart(2, '0')}${String(1000 + i).slice(-4)}`,
    phone: `08123456${String(1000 + i).slice(-4)}`,
    email: `pengadu${n}@contoh.id`,
    address: `Jl. Raya Kediri Gang ${n}, Tabanan`,
    subject: `Perihal rahasia ${n} tentang koperasi`,
    description: `Uraian lengkap ${n}: simpanan anggota tidak dikembalikan pengurus`,
  };
}

/** A walk-in recorded by CS, answered on the spot (closed at once) or connected to a unit. */
export function walkIn(office: Pick<Office, 'as'>, p: Person, onSpot: boolean): string {
  const result = office.as<{ ok: boolean; regNumber: string; message: string }>(PEOPLE.cs, 'recordComplaint', {
    channel: 'Tatap Muka',
    name: p.name,
    nik: p.nik,
    phone: p.phone,
    email: p.email,
    address: p.address,
    subject: p.subject,
    description: p.description,
    privacy: 'biasa',
    ktpSeen: true,
    unit: 'Bidang Koperasi',
    outcome: onSpot ? 'onSpot' : 'agreed',
    answer: onSpot ? 'Sudah dijelaskan langsung kepada pengadu.' : '',
  });
  if (!result.ok) throw new Error(result.message);
  return result.regNumber;
}

/** The rating link of the last invitation sent to `email`. */
export function ratingLinkFor(office: Office, email: string): URL {
  const mail = [...office.emu.mail.outbox]
    .reverse()
    .find((m) => m.to === email && m.subject.startsWith('Penilaian Layanan'));
  if (!mail) throw new Error(`no rating invitation to ${email}`);
  const match = /https:\/\/\S+halaman=nilai\S+/.exec(mail.body);
  if (!match) throw new Error('no link in the invitation');
  return new URL(match[0]);
}

/** doGet as the web app receives it. */
export function getEvent(params: Record<string, string>): Record<string, unknown> {
  const query = new URLSearchParams(params).toString();
  return {
    parameter: params,
    parameters: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, [v]])),
    queryString: query,
    pathInfo: '',
    contextPath: '',
    contentLength: -1,
  };
}

export function pageHtml(office: Office, params: Record<string, string>): string {
  const out = office.web<{ getContent(): string }>('doGet', getEvent(params));
  return out.getContent();
}

/** The public form's answers for a person (the form's question titles). */
export function formAnswers(p: Person): Record<string, string | string[]> {
  return {
    'Nama Lengkap': p.name,
    NIK: p.nik,
    Alamat: p.address,
    'Nomor HP/WhatsApp': p.phone,
    Email: p.email,
    Perihal: p.subject,
    'Uraian Pengaduan': p.description,
    'Kerahasiaan Identitas': 'biasa — identitas saya dapat dilihat petugas yang menangani',
    'Persetujuan Data Pribadi': [
      'Saya menyatakan data di atas benar sesuai KTP saya dan menyetujui penggunaannya untuk menangani pengaduan ini.',
    ],
  };
}
