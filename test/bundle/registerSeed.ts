// Test data for the SLA watch and reports: complaints in any status, a seeded random register, and writing rows
// straight into the emulated "Register" sheet in one setValues (as if typed long ago), not through the form.
import { DEFAULT_HOLIDAYS, WorkingCalendar } from '../../src/domain/calendar';
import { CHANNELS, PRIVACY_LEVELS, newComplaint, type Complaint, type Status } from '../../src/domain/complaint';
import {
  effectiveReceiptDay,
  isOnTime,
  normalDeadline,
  specialDeadline,
  workingDaysTaken,
} from '../../src/domain/deadline';
import { DEFAULT_REG_PATTERN, parseSequence } from '../../src/domain/numbering';
import { addDays, instantAt, witaParts, type DayKey } from '../../src/domain/time';
import { ROW_FORMATS, complaintToRow } from '../../src/gas/registerColumns';
import { ROW_OFFSET_PREFIX } from '../../src/gas/registerSheet';
import type { Emulator } from '../emulator';

export const calendar = new WorkingCalendar(DEFAULT_HOLIDAYS);
export const UNITS = [
  'Sekretariat',
  'Bidang Koperasi',
  'Bidang Usaha Kecil dan Menengah',
  'Bidang Pengawasan dan Pemeriksaan Koperasi',
];

let seq = 0;

/** A valid complaint received at `receivedAt` (default 1 Dec 2026 09:00), then `overrides` applied as is. */
export function makeComplaint(overrides: Partial<Complaint> = {}): Complaint {
  seq += 1;
  const receivedAt = overrides.receivedAt ?? instantAt('2026-12-01', 9);
  const { complaint } = newComplaint(
    {
      channel: 'Surat',
      receivedAt,
      name: 'I Wayan Pengadu',
      nik: '5102011203850001',
      phone: '081234567890',
      email: 'pengadu@example.com',
      address: 'Jl. Gatot Subroto, Tabanan',
      subject: `Perihal ${seq}`,
      description: 'Uraian pengaduan.',
      privacy: 'biasa',
      ktpSeen: true,
      letterPresent: true,
      registeredBy: 'cs@diskopumkm.tabanankab.go.id',
    },
    { now: receivedAt, calendar, regNumber: `DUMAS-2026-${String(seq).padStart(4, '0')}`, accessCode: 'ABC123' },
  );
  return { ...complaint, ...overrides };
}

/**
 * The complaints the bench acts on, received 15 Dec 2026: one waiting for disposition, one disposed to Bidang
 * Koperasi, and one disposed earlier (drafted before the measured one, as most drafts of a month are: the month's
 * letters folder is then known).
 */
export function benchComplaints(): { waiting: Complaint; disposed: Complaint; earlier: Complaint } {
  const receivedAt = instantAt('2026-12-15', 9);
  const waiting = makeComplaint({
    regNumber: 'DUMAS-2026-9001',
    receivedAt,
    status: 'Menunggu Disposisi',
    agendaNumber: 'SM-2026-9001',
    agendaDate: '2026-12-15',
  });
  const disposed = makeComplaint({
    regNumber: 'DUMAS-2026-9002',
    receivedAt,
    status: 'Didisposisikan',
    unit: 'Bidang Koperasi',
    instruction: 'Tindak lanjuti.',
  });
  return { waiting, disposed, earlier: { ...disposed, regNumber: 'DUMAS-2026-9003' } };
}

/** `count` complaints numbered DUMAS-<year>-0001… in the default pattern, all received on `day` at 09:00. */
export function numberedComplaints(year: number, count: number, day: DayKey): Complaint[] {
  return Array.from({ length: count }, (_, i) =>
    makeComplaint({ regNumber: `DUMAS-${year}-${String(i + 1).padStart(4, '0')}`, receivedAt: instantAt(day, 9) }),
  );
}

/** Closes a complaint the way the workflow does (closedAt, workingDaysTaken, onTime). */
export function settle(c: Complaint, closedAt: Date, status: Status = 'Selesai'): Complaint {
  return {
    ...c,
    status,
    closedAt,
    workingDaysTaken: workingDaysTaken(c.receivedAt, closedAt, calendar),
    onTime: isOnTime(c.deadline, closedAt),
  };
}

/** Writes the complaints as register rows 2… in one setValues (the grid is grown first when needed). */
export function seedRegister(emu: Emulator, complaints: readonly Complaint[]): void {
  const sheet = emu.spreadsheet.getSheetByName('Register');
  if (!sheet) throw new Error('no Register sheet: run setup first');
  seedRows(
    sheet,
    complaints.map((c) => complaintToRow(c)),
    ROW_FORMATS,
  );
  for (const [key, value] of Object.entries(rowOffsets(complaints))) emu.properties.scriptStore.set(key, value);
}

/**
 * What appending `complaints` as rows 2… would have left in Script Properties: each year's row offset, from the
 * last of its numbers in the default pattern (gas/registerSheet.ts, ROW_OFFSET_PREFIX).
 */
export function rowOffsets(complaints: readonly Complaint[]): Record<string, string> {
  const out: Record<string, string> = {};
  complaints.forEach((c, i) => {
    const year = witaParts(c.receivedAt).year;
    const seq = parseSequence(DEFAULT_REG_PATTERN, c.regNumber, year);
    if (seq !== null) out[`${ROW_OFFSET_PREFIX}${year}`] = String(i + 2 - seq);
  });
  return out;
}

/** What seeding needs of a sheet (the emulator's sheets, whichever spreadsheet they are in). */
export interface SeedableSheet {
  getMaxRows(): number;
  insertRowsAfter(after: number, howMany: number): unknown;
  getRange(
    row: number,
    column: number,
    rows: number,
    columns: number,
  ): { setNumberFormats(formats: string[][]): unknown; setValues(values: unknown[][]): unknown };
}

/** Writes `rows` as rows 2… of `sheet` (formats first, then values), growing its grid when needed. */
export function seedRows(sheet: SeedableSheet, rows: readonly unknown[][], formats: readonly string[]): void {
  if (rows.length === 0) return;
  const need = rows.length + 1;
  if (sheet.getMaxRows() < need) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  const range = sheet.getRange(2, 1, rows.length, formats.length);
  range.setNumberFormats(rows.map(() => [...formats]));
  range.setValues(rows.map((r) => [...r]));
}

/** mulberry32: a small deterministic generator, so every run of a test sees the same register. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPEN_STATUSES: Status[] = [
  'Diterima',
  'Diagendakan',
  'Menunggu Disposisi',
  'Didisposisikan',
  'Ditindaklanjuti',
  'Konsep Jawaban',
  'Menunggu Tanda Tangan',
];
const AGENCIES = ['Dinas Perindustrian dan Perdagangan', 'Dinas Pertanian', 'OJK Regional 8 Bali Nusra'];

/**
 * `n` complaints received over the `spanDays` days up to `today`: older ones mostly settled (some late, some
 * forwarded), recent ones open in any status, a few special cases and complaints not yet given a unit.
 */
export function randomRegister(n: number, today: DayKey, seed = 7, spanDays = 400): Complaint[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const out: Complaint[] = [];
  for (let i = 0; i < n; i++) {
    const day = addDays(today, -Math.floor(rnd() * spanDays));
    const receivedAt = instantAt(day, 7 + Math.floor(rnd() * 11), Math.floor(rnd() * 60));
    const special = rnd() < 0.05;
    let c = makeComplaint({
      regNumber: `DUMAS-R-${String(i + 1).padStart(5, '0')}`,
      receivedAt,
      channel: pick(CHANNELS),
      privacy: pick(PRIVACY_LEVELS),
      unit: rnd() < 0.06 ? '' : pick(UNITS),
      status: pick(OPEN_STATUSES),
      subject: `Perihal acak ${i + 1}`,
    });
    c.deadline = special ? specialDeadline(receivedAt, calendar) : normalDeadline(receivedAt, calendar);
    c.deadlineKind = special ? 'khusus' : 'normal';
    const start = effectiveReceiptDay(receivedAt, calendar);
    const takes = Math.floor(rnd() * (special ? 25 : 9));
    const closeDay = calendar.addWorkingDays(start, takes);
    const closes = closeDay < today && rnd() < 0.93;
    if (closes) {
      const closedAt = instantAt(closeDay, 15, 30);
      c = settle(
        c,
        closedAt.getTime() < receivedAt.getTime() ? receivedAt : closedAt,
        rnd() < 0.06 ? 'Dialihkan' : 'Selesai',
      );
      if (c.status === 'Dialihkan') c.forwardedTo = pick(AGENCIES);
    }
    out.push(c);
  }
  return out;
}
