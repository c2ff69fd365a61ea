// The register sheet's layout: one column per Complaint field, its header as staff see it, and how
// values cross between the domain and the cells (pure: no Google service is called here).
import type { Complaint, ComplaintField } from '../domain/complaint';
import { dayKeyOf, instantAt, parseDayKey, type DayKey } from '../domain/time';
import { cellText } from '../lib/cells';

/**
 * text     — plain text cell (`@`): stored exactly as typed, never a formula or a number
 * datetime — a Date cell (shown dd/mm/yyyy hh:mm in the sheet's time zone, WITA)
 * day      — a Date cell at 00:00 WITA of a DayKey (shown dd/mm/yyyy)
 * number   — a number or empty
 * bool     — Ya / Tidak (text, so staff can read and filter it)
 */
export type CellKind = 'text' | 'datetime' | 'day' | 'number' | 'bool';

export interface RegisterColumn {
  field: ComplaintField;
  header: string;
  kind: CellKind;
  width: number;
  /** Workflow columns are written by the add-on only (see docs: direct edits are audited). */
  workflow?: boolean;
}

const col = (field: ComplaintField, header: string, kind: CellKind, width = 120, workflow = false): RegisterColumn => ({
  field,
  header,
  kind,
  width,
  workflow,
});

/** The first 15 headers are fixed by the product owner; the rest serve the workflow. Order = sheet order. */
export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  col('regNumber', 'No. Registrasi', 'text', 140, true),
  col('receivedAt', 'Diterima', 'datetime', 130, true),
  col('channel', 'Kanal', 'text', 110, true),
  col('name', 'Nama Pengadu', 'text', 160),
  col('nik', 'NIK', 'text', 140),
  col('phone', 'No. HP', 'text', 120),
  col('email', 'Email', 'text', 170),
  col('address', 'Alamat', 'text', 200),
  col('subject', 'Perihal', 'text', 200),
  col('description', 'Uraian', 'text', 300),
  col('privacy', 'Kerahasiaan', 'text', 100, true),
  col('status', 'Status', 'text', 150, true),
  col('unit', 'Unit', 'text', 160, true),
  col('deadline', 'Tenggat', 'day', 100, true),
  col('closedAt', 'Selesai', 'datetime', 130, true),
  col('deadlineKind', 'Jenis Tenggat', 'text', 100, true),
  col('verificationFlags', 'Perlu Verifikasi', 'text', 220),
  col('phoneCanonical', 'No. HP (Baku)', 'text', 130),
  col('ktpSeen', 'KTP Diperiksa', 'bool', 90),
  col('letterPresent', 'Surat Pengaduan Ada', 'bool', 90),
  col('registeredBy', 'Dicatat Oleh', 'text', 170, true),
  col('agendaNumber', 'No. Agenda', 'text', 110, true),
  col('agendaDate', 'Tgl. Agenda', 'day', 100, true),
  col('instruction', 'Instruksi Disposisi', 'text', 220, true),
  col('priority', 'Prioritas', 'text', 90, true),
  col('disposedBy', 'Didisposisikan Oleh', 'text', 170, true),
  col('disposedAt', 'Tgl. Disposisi', 'datetime', 130, true),
  col('assignedTo', 'Petugas Unit', 'text', 170, true),
  col('followUpNotes', 'Catatan Tindak Lanjut', 'text', 260, true),
  col('infoRequestedAt', 'Minta Info Tambahan', 'datetime', 130, true),
  col('answer', 'Jawaban Unit', 'text', 300, true),
  col('agreedDate', 'Tgl. Kesepakatan', 'day', 100, true),
  col('replyDocUrl', 'Konsep Surat', 'text', 200, true),
  col('letterNumber', 'No. Surat Jawaban', 'text', 200, true),
  col('letterDate', 'Tgl. Surat', 'day', 100, true),
  col('signedBy', 'Ditandatangani Oleh', 'text', 170, true),
  col('signedAt', 'Tgl. Tanda Tangan', 'datetime', 130, true),
  col('sentAt', 'Dikirim', 'datetime', 130, true),
  col('deliveryMethod', 'Cara Kirim', 'text', 90, true),
  col('extOfficial', 'Pejabat Berhalangan', 'text', 170, true),
  col('extReason', 'Alasan Perpanjangan', 'text', 220, true),
  col('extFrom', 'Berhalangan Dari', 'day', 100, true),
  col('extUntil', 'Berhalangan Sampai', 'day', 100, true),
  col('extGrantedBy', 'Perpanjangan Oleh', 'text', 170, true),
  col('extGrantedAt', 'Tgl. Perpanjangan', 'datetime', 130, true),
  col('forwardedTo', 'Dialihkan Ke', 'text', 200, true),
  col('forwardNote', 'Catatan Pengalihan', 'text', 220, true),
  col('workingDaysTaken', 'Hari Kerja Penyelesaian', 'number', 90, true),
  col('onTime', 'Tepat Waktu', 'bool', 90, true),
  col('reopenCount', 'Dibuka Kembali', 'number', 90, true),
  col('accessCode', 'Kode Akses', 'text', 90, true),
  col('version', 'Versi', 'number', 60, true),
  col('updatedAt', 'Diperbarui', 'datetime', 130, true),
  col('updatedBy', 'Diperbarui Oleh', 'text', 170, true),
];

/** Not a Complaint field: the id of the Google Form response a row came from (idempotent intake). */
export const RESPONSE_ID_HEADER = 'ID Respons Formulir';

export const REGISTER_HEADERS: readonly string[] = [...REGISTER_COLUMNS.map((c) => c.header), RESPONSE_ID_HEADER];
export const REGISTER_WIDTH = REGISTER_HEADERS.length;
export const RESPONSE_ID_COLUMN = REGISTER_WIDTH; // 1-based

export const NUMBER_FORMATS: Record<CellKind, string> = {
  text: '@',
  datetime: 'dd/mm/yyyy hh:mm',
  day: 'dd/mm/yyyy',
  number: '0',
  bool: '@',
};

/**
 * A field's place in Dumas's own row arrays (1-based): the sheet column only in a register laid out as setup makes
 * it. Anything that addresses the sheet maps it through RegisterLayout (registerLayout.ts).
 */
export function columnOf(field: ComplaintField): number {
  const i = REGISTER_COLUMNS.findIndex((c) => c.field === field);
  if (i < 0) throw new Error(`no register column for ${field}`);
  return i + 1;
}

/** A register field, or the form-response id column (not a Complaint field). */
export type RegisterColumnKey = ComplaintField | 'responseId';

/** A key's index in Dumas's row arrays (0-based). */
export function indexOfKey(key: RegisterColumnKey): number {
  return key === 'responseId' ? RESPONSE_ID_COLUMN - 1 : columnOf(key) - 1;
}

/** One row's number formats, so a write can set them in the same batch as its values. */
export const ROW_FORMATS: readonly string[] = [...REGISTER_COLUMNS.map((c) => NUMBER_FORMATS[c.kind]), '@'];

export type Cell = string | number | boolean | Date;

function toCell(kind: CellKind, value: unknown): Cell {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'text':
      return cellText(value);
    case 'datetime':
      return value as Date;
    case 'day':
      return instantAt(value as DayKey);
    case 'number':
      return value as number;
    case 'bool':
      return value ? 'Ya' : 'Tidak';
  }
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime());
}

function fromCell(kind: CellKind, value: unknown): unknown {
  switch (kind) {
    case 'text':
      return value === null || value === undefined ? '' : cellText(value);
    case 'datetime':
      if (isDate(value)) return value;
      if (typeof value === 'string' && value.trim() !== '') {
        const parsed = new Date(value);
        return Number.isNaN(parsed.getTime()) ? null : parsed;
      }
      return null;
    case 'day':
      if (isDate(value)) return dayKeyOf(value);
      return typeof value === 'string' ? (parseDayKey(value.trim()) ?? '') : '';
    case 'number':
      return value === '' || value === null || value === undefined || Number.isNaN(Number(value))
        ? null
        : Number(value);
    case 'bool': {
      if (value === '' || value === null || value === undefined) return null;
      if (typeof value === 'boolean') return value;
      return ['ya', 'true', 'y', '1'].includes(cellText(value).trim().toLowerCase());
    }
  }
}

export function complaintToRow(c: Complaint, responseId = ''): Cell[] {
  return [...REGISTER_COLUMNS.map((column) => toCell(column.kind, c[column.field])), responseId];
}

/** Reads a row back; booleans that must not be null (ktpSeen…) default to false. */
export function rowToComplaint(row: readonly unknown[]): Complaint {
  const out: Record<string, unknown> = {};
  REGISTER_COLUMNS.forEach((column, i) => {
    out[column.field] = fromCell(column.kind, row[i]);
  });
  out.ktpSeen = out.ktpSeen === true;
  out.letterPresent = out.letterPresent === true;
  out.version = out.version ?? 1;
  out.reopenCount = out.reopenCount ?? 0;
  return out as unknown as Complaint;
}

export function responseIdOf(row: readonly unknown[]): string {
  return cellText(row[RESPONSE_ID_COLUMN - 1]);
}
