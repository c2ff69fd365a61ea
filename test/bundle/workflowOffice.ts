// Helpers for the workflow tests: record letters, read register rows by header, act as a person.
import type { Office as FullOffice } from './office';
import { PEOPLE } from './office';

/** What the helpers use of an office: acting as a person, and the register as a sheet (a split office's view too). */
type Office = Pick<FullOffice, 'as' | 'sheetValues'>;

export interface ActResult {
  ok: boolean;
  message: string;
  conflict?: boolean;
  warnings?: string[];
  complaint?: {
    regNumber: string;
    version: number;
    status: string;
    name: string;
    nik: string;
    phone: string;
    subject: string;
    actions: { name: string }[];
  } | null;
  history?: {
    action: string;
    actor: string;
    changes: { field: string; before: string; after: string }[];
    note: string;
  }[];
}

export const LETTER = {
  channel: 'Surat',
  name: 'Ni Made Ayu Lestari',
  nik: '5102014506900002',
  phone: '081234567890',
  email: 'ayu.lestari@example.com',
  address: 'Jl. Gunung Agung No. 7, Tabanan',
  subject: 'Pendampingan koperasi tidak ditindaklanjuti',
  description: 'Sudah dua bulan permohonan pendampingan kami belum dijawab.',
  privacy: 'biasa',
  ktpSeen: true,
  letterPresent: true,
};

export type LetterFields = Record<string, string | boolean>;

/** The overrides of `recordLetter` for a face-to-face complaint answered on the spot (closed when recorded). */
export const WALK_IN_ON_SPOT: LetterFields = {
  channel: 'Tatap Muka',
  letterPresent: false,
  unit: 'Bidang Koperasi',
  outcome: 'onSpot',
  answer: 'Syarat pendaftaran koperasi dijelaskan langsung.',
};

export function recordLetter(office: Office, overrides: LetterFields = {}): string {
  const result = office.as<{ ok: boolean; regNumber: string; message: string }>(PEOPLE.cs, 'recordComplaint', {
    ...LETTER,
    ...overrides,
  });
  if (!result.ok) throw new Error(`recordComplaint failed: ${result.message}`);
  return result.regNumber;
}

export function registerRow(office: Office, regNumber: string): Record<string, unknown> {
  const rows = office.sheetValues('Register');
  const header = rows[0] as string[];
  const row = rows.find((r) => r[0] === regNumber);
  if (!row) throw new Error(`no row ${regNumber}`);
  return Object.fromEntries(header.map((h, i) => [h, row[i]]));
}

export function versionOf(office: Office, regNumber: string): number {
  return Number(registerRow(office, regNumber)['Versi']);
}

export function act(
  office: Office,
  email: string,
  sidebar: string,
  regNumber: string,
  action: string,
  input: Record<string, string>,
  version = versionOf(office, regNumber),
): ActResult {
  return office.as<ActResult>(email, 'runWorkflowAction', { sidebar, regNumber, version, action, input });
}

/** Inputs that satisfy each action on 30 November 2026 (the office's clock). */
export const INPUTS: Record<string, Record<string, string>> = {
  agenda: { agendaNumber: 'SM-2026-0001', agendaDate: '2026-11-30' },
  forwardToHead: {},
  dispose: { unit: 'Bidang Koperasi', instruction: 'Tindak lanjuti dan laporkan.', priority: 'Segera' },
  followUp: { note: 'Sudah dihubungi, jadwal kunjungan Rabu.' },
  requestInfo: { note: 'Mohon kirim nama koperasi dan nomor badan hukumnya.' },
  draftReply: { answer: 'Pendampingan dijadwalkan 3 Desember 2026.' },
  extend: {
    extOfficial: 'Kepala Bidang Koperasi',
    extReason: 'Dinas luar ke Jakarta',
    extFrom: '2026-12-01',
    extUntil: '2026-12-10',
  },
  forward: { forwardedTo: 'Dinas Perindustrian dan Perdagangan', forwardNote: 'Pokok aduan soal izin usaha dagang.' },
};

let agendaSeq = 0;

/** Carries a fresh letter to `status` through the bundle, as the people of the SOP would. */
export function letterAt(
  office: Office,
  status: 'Diterima' | 'Diagendakan' | 'Menunggu Disposisi' | 'Didisposisikan' | 'Ditindaklanjuti',
  overrides: LetterFields = {},
  unit = 'Bidang Koperasi',
): string {
  const reg = recordLetter(office, overrides);
  const steps: [string, string, string, Record<string, string>][] = [
    [
      PEOPLE.sekretaris,
      'agenda',
      'agenda',
      { agendaNumber: `SM-2026-${String(++agendaSeq + 100).padStart(4, '0')}`, agendaDate: '2026-11-30' },
    ],
    [PEOPLE.sekretaris, 'agenda', 'forwardToHead', {}],
    [PEOPLE.kadis, 'disposisi', 'dispose', { ...INPUTS.dispose, unit }],
    [unit === 'Bidang Koperasi' ? PEOPLE.koperasi : PEOPLE.ukm, 'tindakLanjut', 'followUp', INPUTS.followUp],
  ];
  const order = ['Diterima', 'Diagendakan', 'Menunggu Disposisi', 'Didisposisikan', 'Ditindaklanjuti'];
  for (const [who, sidebar, action, input] of steps.slice(0, order.indexOf(status))) {
    const r = act(office, who, sidebar, reg, action, input);
    if (!r.ok) throw new Error(`${action} failed: ${r.message}`);
  }
  return reg;
}
