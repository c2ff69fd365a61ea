// The register sheet's layout: one column per Complaint field, its header as staff see it, and how
// values cross between the domain and the cells (pure: no Google service is called here).
import type { Complaint, ComplaintField } from '../domain/complaint';
import { dayKeyOf, instantAt, parseDayKey, type DayKey } from '../domain/time';
import { cellText } from '../lib/cells';
import { NO, REGISTER_HEADER_TEXT, REPORT_SUMMARY_HEADER_TEXT, RESPONSE_ID_HEADER_TEXT, YES } from '../messages/sheets';

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

const col = (field: ComplaintField, kind: CellKind, width = 120, workflow = false): RegisterColumn => ({
  field,
  header: REGISTER_HEADER_TEXT[field],
  kind,
  width,
  workflow,
});

/** The first 15 headers are fixed by the product owner; the rest serve the workflow. Order = sheet order. */
export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  col('regNumber', 'text', 140, true),
  col('receivedAt', 'datetime', 130, true),
  col('channel', 'text', 110, true),
  col('name', 'text', 160),
  col('nik', 'text', 140),
  col('phone', 'text', 120),
  col('email', 'text', 170),
  col('address', 'text', 200),
  col('subject', 'text', 200),
  col('description', 'text', 300),
  col('privacy', 'text', 100, true),
  col('status', 'text', 150, true),
  col('unit', 'text', 160, true),
  col('deadline', 'day', 100, true),
  col('closedAt', 'datetime', 130, true),
  col('deadlineKind', 'text', 100, true),
  col('verificationFlags', 'text', 220),
  col('phoneCanonical', 'text', 130),
  col('ktpSeen', 'bool', 90),
  col('letterPresent', 'bool', 90),
  col('registeredBy', 'text', 170, true),
  col('agendaNumber', 'text', 110, true),
  col('agendaDate', 'day', 100, true),
  col('instruction', 'text', 220, true),
  col('priority', 'text', 90, true),
  col('disposedBy', 'text', 170, true),
  col('disposedAt', 'datetime', 130, true),
  col('assignedTo', 'text', 170, true),
  col('followUpNotes', 'text', 260, true),
  col('infoRequestedAt', 'datetime', 130, true),
  col('answer', 'text', 300, true),
  col('agreedDate', 'day', 100, true),
  col('replyDocUrl', 'text', 200, true),
  col('letterNumber', 'text', 200, true),
  col('letterDate', 'day', 100, true),
  col('signedBy', 'text', 170, true),
  col('signedAt', 'datetime', 130, true),
  col('sentAt', 'datetime', 130, true),
  col('deliveryMethod', 'text', 90, true),
  col('extOfficial', 'text', 170, true),
  col('extReason', 'text', 220, true),
  col('extFrom', 'day', 100, true),
  col('extUntil', 'day', 100, true),
  col('extGrantedBy', 'text', 170, true),
  col('extGrantedAt', 'datetime', 130, true),
  col('forwardedTo', 'text', 200, true),
  col('forwardNote', 'text', 220, true),
  col('workingDaysTaken', 'number', 90, true),
  col('onTime', 'bool', 90, true),
  col('reopenCount', 'number', 90, true),
  col('accessCode', 'text', 90, true),
  col('version', 'number', 60, true),
  col('updatedAt', 'datetime', 130, true),
  col('updatedBy', 'text', 170, true),
  // Added after the first release: setup appends these headers at the right-hand end of an existing register.
  col('category', 'text', 140, true),
  col('laporId', 'text', 120, true),
  col('laporForwardedOn', 'day', 110, true),
  col('laporPostedBy', 'text', 170, true),
  col('laporPostedAt', 'datetime', 130, true),
  col('duplicateOf', 'text', 140, true),
  col('relatedTo', 'text', 200, true),
];

/** Not a Complaint field: the id of the Google Form response a row came from (idempotent intake). */
export const RESPONSE_ID_HEADER = RESPONSE_ID_HEADER_TEXT;

/** Not a Complaint field: the report's fields of the row in one cell (see summaryCell). */
export const REPORT_SUMMARY_HEADER = REPORT_SUMMARY_HEADER_TEXT;

export const REGISTER_HEADERS: readonly string[] = [
  ...REGISTER_COLUMNS.map((c) => c.header),
  RESPONSE_ID_HEADER,
  REPORT_SUMMARY_HEADER,
];
export const REGISTER_WIDTH = REGISTER_HEADERS.length;
export const RESPONSE_ID_COLUMN = REGISTER_COLUMNS.length + 1; // 1-based
export const REPORT_SUMMARY_COLUMN = REGISTER_COLUMNS.length + 2; // 1-based

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

/** A register field, or a column that is not a Complaint field: the form-response id, the report summary. */
export type RegisterColumnKey = ComplaintField | 'responseId' | 'reportSummary';

/** A key's index in Dumas's row arrays (0-based). */
export function indexOfKey(key: RegisterColumnKey): number {
  if (key === 'responseId') return RESPONSE_ID_COLUMN - 1;
  if (key === 'reportSummary') return REPORT_SUMMARY_COLUMN - 1;
  return columnOf(key) - 1;
}

/** One row's number formats, so a write can set them in the same batch as its values. */
export const ROW_FORMATS: readonly string[] = [...REGISTER_COLUMNS.map((c) => NUMBER_FORMATS[c.kind]), '@', '@'];

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
      return value ? YES : NO;
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

/** A whole row as Dumas writes it: the fields, the form-response id, and the report summary of those cells. */
export function complaintToRow(c: Complaint, responseId = ''): Cell[] {
  const cells: Cell[] = [...REGISTER_COLUMNS.map((column) => toCell(column.kind, c[column.field])), responseId];
  cells.push(summaryCell(cells));
  return cells;
}

/**
 * The fields the monthly report reads (its statistics, by category, the links). Each row written by Dumas also holds
 * them packed in its summary cell, so the report reads 3 cells a row (number, version, summary) instead of 15.
 */
export const SUMMARY_FIELDS: readonly ComplaintField[] = [
  'regNumber',
  'receivedAt',
  'channel',
  'privacy',
  'status',
  'unit',
  'deadline',
  'closedAt',
  'deadlineKind',
  'forwardedTo',
  'workingDaysTaken',
  'onTime',
  'category',
  'duplicateOf',
  'relatedTo',
];

/** The summary's layout; a release that changes SUMMARY_FIELDS changes it, so older summaries count as stale. */
const SUMMARY_TAG = 'r1';
const SUMMARY_INDEXES: readonly number[] = SUMMARY_FIELDS.map((f) => columnOf(f) - 1);
const VERSION_INDEX = columnOf('version') - 1;
const NUMBER_INDEX = columnOf('regNumber') - 1;

/** A summary cell packs cells (not fields), so unpacked it reads back exactly as the columns would. */
function packCell(kind: CellKind, cell: unknown): string | number {
  if (kind === 'datetime' || kind === 'day') return isDate(cell) ? cell.getTime() : '';
  return typeof cell === 'number' ? cell : cellText(cell);
}

function unpackCell(kind: CellKind, value: unknown): unknown {
  if ((kind === 'datetime' || kind === 'day') && typeof value === 'number') return new Date(value);
  return value;
}

/**
 * The summary cell of a canonical row (its fields and response id as written): a JSON array of the layout tag, the
 * row's version and its SUMMARY_FIELDS cells (dates as milliseconds). It holds no identity: the complaint's number,
 * dates, status, channel, unit, category and links.
 */
export function summaryCell(cells: readonly unknown[]): string {
  return JSON.stringify([
    SUMMARY_TAG,
    packCell('number', cells[VERSION_INDEX]),
    ...SUMMARY_INDEXES.map((i) => packCell(REGISTER_COLUMNS[i].kind, cells[i])),
  ]);
}

/**
 * A row's summary unpacked (its SUMMARY_FIELDS cells, in that order) when it is current: written for the number and
 * version the row holds now. Null when it is missing, unreadable, of another layout, or stale (a direct edit bumps the
 * version; a row written before the summary existed has none; a sort that moved some columns only moves the number).
 */
export function unpackSummary(cells: readonly unknown[]): unknown[] | null {
  const text = cells[REPORT_SUMMARY_COLUMN - 1];
  if (typeof text !== 'string' || !text.startsWith(`["${SUMMARY_TAG}"`)) return null;
  let packed: unknown;
  try {
    packed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(packed) || packed.length !== SUMMARY_INDEXES.length + 2) return null;
  const version = fromCell('number', cells[VERSION_INDEX]);
  if (version === null || fromCell('number', packed[1]) !== version) return null;
  const number: unknown = packed[2 + SUMMARY_FIELDS.indexOf('regNumber')];
  if (typeof number !== 'string' || number === '' || number !== cellText(cells[NUMBER_INDEX])) return null;
  return SUMMARY_INDEXES.map((index, k) => unpackCell(REGISTER_COLUMNS[index].kind, packed[k + 2]));
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
