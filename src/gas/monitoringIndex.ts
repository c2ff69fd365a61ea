// The deadlines of the open complaints, kept in Script Properties so the first Pemantauan screen need not read the
// deadline column of every row (1.5 s at 50,000 rows). Pemantauan still reads the closing column of every row, so
// which complaints are open is always the register's own truth: the index can never hide a complaint, it only saves
// reading the deadlines of rows it knows. Written by the daily run from the read it already makes; every register
// write of an open complaint by Dumas (RegisterSheet.write) and every edit by hand that touches the deadline column
// (the edit watch) marks its row, and a marked row's deadline is read from the register again. Rows added after the
// index are read directly. The index is dropped (everything read) when it is absent, unreadable, of another
// generation than the marks, when the register has fewer rows than it had, or when too many rows were marked.
// Rows inserted or deleted by hand are not seen by the edit watch: the lines of the page are read in full and
// compared with the index, and any difference makes Pemantauan read every open row's deadline (monitoring.ts).
import type { DayKey } from '../domain/time';
import { addDays, parseDayKey } from '../domain/time';
import type { StoredComplaint } from '../ports';
import { storedFrom, type RawRows, type RegisterReader } from './registerReads';
import { RegisterSheet } from './registerSheet';

const META_KEY = 'dumas.monitorIndex';
const CHUNK_PREFIX = 'dumas.monitorIndex.';
const MARKS_KEY = 'dumas.monitorIndex.marks';
/** Under Script Properties' 9 KB a value. */
const CHUNK_CHARS = 8000;
/** At most this many chunks (~130 KB of the store's 500 KB; about 20,000 open complaints): more, no index. */
const MAX_CHUNKS = 16;
/** More rows marked than this since the index was written: no index until the next daily run. */
const MAX_MARKS = 600;
const BASE_DAY: DayKey = '2000-01-01';
const DAY_MS = 86_400_000;
const NO_DEADLINE = '-';

interface Marks {
  gen: number;
  rows: number[];
  overflow?: boolean;
}

export interface MonitoringIndex {
  /** The register's last row when the index was read; rows below it are not in the index. */
  lastRow: number;
  /** Open rows known to the index (not marked since), with their deadline ('' when none). */
  deadlines: Map<number, DayKey>;
}

const props = () => PropertiesService.getScriptProperties();

function parseMarks(text: string | null): Marks {
  try {
    const v = JSON.parse(text ?? 'null') as Partial<Marks> | null;
    if (v && Number.isInteger(v.gen) && Array.isArray(v.rows) && v.rows.every((r) => Number.isInteger(r)))
      return { gen: v.gen as number, rows: v.rows, overflow: v.overflow === true };
  } catch {
    // unreadable: a new generation starts below
  }
  return { gen: 0, rows: [], overflow: true };
}

const dayNumber = (day: DayKey): number => Math.round((Date.parse(day) - Date.parse(BASE_DAY)) / DAY_MS);

/**
 * The daily run, before it reads the register: a new generation of marks starts now, so a change made while the
 * run reads (marked in the new generation) is never lost when the index it writes becomes current.
 */
export function startIndexGeneration(): number {
  const gen = parseMarks(props().getProperty(MARKS_KEY)).gen + 1;
  props().setProperty(MARKS_KEY, JSON.stringify({ gen, rows: [] }));
  return gen;
}

/** The daily run, after its read: the open rows and their deadlines, as of that read. */
export function writeMonitoringIndex(gen: number, lastRow: number, stored: readonly StoredComplaint[]): void {
  const open = stored.filter((s) => s.complaint.closedAt === null).sort((a, b) => a.row - b.row);
  let text = '';
  let previous = 0;
  for (const s of open) {
    const d = s.complaint.deadline === '' ? NO_DEADLINE : dayNumber(s.complaint.deadline).toString(36);
    text += `${text === '' ? '' : ','}${(s.row - previous).toString(36)}.${d}`;
    previous = s.row;
  }
  const chunks = Math.ceil(text.length / CHUNK_CHARS);
  if (chunks > MAX_CHUNKS) {
    props().setProperty(META_KEY, JSON.stringify({ gen: -1 })); // too many open complaints: read them all
    return;
  }
  const values: Record<string, string> = { [META_KEY]: JSON.stringify({ gen, lastRow, chunks }) };
  for (let i = 0; i < chunks; i++) values[`${CHUNK_PREFIX}${i}`] = text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  props().setProperties(values);
}

/** Rows Dumas or a person changed since the index was written: their deadlines are read from the register. */
export function markRowsChanged(rows: readonly number[]): void {
  if (rows.length === 0) return;
  const marks = parseMarks(props().getProperty(MARKS_KEY));
  if (marks.overflow) return; // already dropped until the next daily run
  const all = [...new Set([...marks.rows, ...rows])];
  const next: Marks =
    all.length > MAX_MARKS ? { gen: marks.gen, rows: [], overflow: true } : { gen: marks.gen, rows: all };
  props().setProperty(MARKS_KEY, JSON.stringify(next));
}

/** The index, or null when it cannot be trusted for a register of `lastRow` rows (then everything is read). */
export function loadMonitoringIndex(lastRow: number): MonitoringIndex | null {
  const all = props().getProperties();
  const marks = parseMarks(all[MARKS_KEY] ?? null);
  let meta: { gen?: unknown; lastRow?: unknown; chunks?: unknown };
  try {
    meta = JSON.parse(all[META_KEY] ?? 'null') as typeof meta;
  } catch {
    return null;
  }
  if (!meta || marks.overflow || meta.gen !== marks.gen) return null;
  const known = Number(meta.lastRow);
  const chunks = Number(meta.chunks);
  if (!Number.isInteger(known) || !Number.isInteger(chunks) || known > lastRow) return null;
  let text = '';
  for (let i = 0; i < chunks; i++) {
    const part = all[`${CHUNK_PREFIX}${i}`];
    if (part === undefined) return null;
    text += part;
  }
  const marked = new Set(marks.rows);
  const deadlines = new Map<number, DayKey>();
  let row = 0;
  for (const entry of text === '' ? [] : text.split(',')) {
    const [delta, day] = entry.split('.');
    const step = parseInt(delta, 36);
    if (!(step > 0) || day === undefined) return null;
    row += step;
    if (day === NO_DEADLINE) {
      if (!marked.has(row)) deadlines.set(row, '');
      continue;
    }
    const deadline = parseDayKey(addDays(BASE_DAY, parseInt(day, 36)));
    if (!deadline) return null;
    if (!marked.has(row)) deadlines.set(row, deadline);
  }
  return { lastRow: known, deadlines };
}

/** The register as every Dumas write sees it, marking the rows of open complaints it writes. */
export class IndexedRegisterSheet extends RegisterSheet {
  override write(stored: StoredComplaint): void {
    // Marked before the write: a failure here leaves nothing written (a clean retry), and a mark whose write then
    // fails costs Pemantauan one direct read. A closed complaint needs no mark: its closing is read, it is not ranked.
    if (stored.complaint.closedAt === null) markRowsChanged([stored.row]);
    super.write(stored);
  }
}

/** The deadlines of these open rows that the index knows (the others are read from the register). */
export function indexedDeadlines(reader: RegisterReader, rows: readonly number[]): Map<number, DayKey> {
  const out = new Map<number, DayKey>();
  const index = loadMonitoringIndex(reader.lastRow());
  if (!index) return out;
  for (const row of rows) {
    const deadline = index.deadlines.get(row);
    if (deadline !== undefined && row <= index.lastRow) out.set(row, deadline);
  }
  return out;
}

/** A shown line, read in full, whose deadline is not the one the index gave it. */
export function indexDisagrees(
  shown: readonly { row: number }[],
  raw: RawRows,
  fromIndex: ReadonlyMap<number, DayKey>,
): boolean {
  return shown.some((r) => {
    const given = fromIndex.get(r.row);
    if (given === undefined) return false;
    const [line] = storedFrom(new Map([[r.row, raw.get(r.row) ?? []]]), false);
    return line?.complaint.deadline !== given;
  });
}
