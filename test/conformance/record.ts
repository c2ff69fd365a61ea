// Records of real runs: the "Diagnostik" sheet exported as CSV (test/conformance/results-*.csv), parsed and compared.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonical } from '../../src/diagnostics/observe';
import type { Json } from '../../src/diagnostics/types';
import { RESULT_HEADERS, STATUS_TEXT } from '../../src/messages/diagnostics';

export const CONFORMANCE_DIR = fileURLToPath(new URL('.', import.meta.url));
/** A real run is committed as results-<anything>.csv right here; fixtures live in fixtures/ and never count. */
export const REAL_RUN = /^results-.+\.csv$/;

export interface RecordRow {
  id: string;
  expected: string;
  observed: string;
  status: string;
}

export interface RunRecord {
  name: string;
  rows: RecordRow[];
}

/** RFC 4180 CSV as Google Sheets exports it: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The CSV Google Sheets would export for these rows (quotes only where needed, CRLF between rows). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const quote = (f: string): string => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** Reads a results CSV by its header names (column order may change between versions). */
export function parseRecord(name: string, text: string): RunRecord {
  const [header, ...body] = parseCsv(text);
  if (!header) throw new Error(`${name}: empty file`);
  const col = (title: string): number => {
    const i = header.indexOf(title);
    if (i < 0) throw new Error(`${name}: no column "${title}" (found: ${header.join(', ')})`);
    return i;
  };
  const [kasus, , diharapkan, teramati, hasil] = RESULT_HEADERS;
  const at = { id: col(kasus), expected: col(diharapkan), observed: col(teramati), status: col(hasil) };
  return {
    name,
    rows: body
      .filter((r) => r.some((f) => f !== ''))
      .map((r) => ({
        id: r[at.id] ?? '',
        expected: r[at.expected] ?? '',
        observed: r[at.observed] ?? '',
        status: r[at.status] ?? '',
      })),
  };
}

export function realRecords(dir: string = CONFORMANCE_DIR): RunRecord[] {
  return readdirSync(dir)
    .filter((f) => REAL_RUN.test(f))
    .sort()
    .map((f) => parseRecord(f, readFileSync(join(dir, f), 'utf8')));
}

const RAN = new Set<string>([STATUS_TEXT.pass, STATUS_TEXT.fail]);

/**
 * What the emulator gets wrong according to a recorded run: for every case that ran on Google, the
 * emulator must observe exactly what Google observed. Skipped rows are ignored.
 */
export function disagreements(
  record: RunRecord,
  emulator: ReadonlyMap<string, Json>,
  knownIds: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  for (const row of record.rows) {
    if (row.status === STATUS_TEXT.skip) continue;
    if (!RAN.has(row.status)) {
      out.push(`${record.name}: ${row.id}: unknown result "${row.status}"`);
      continue;
    }
    if (!knownIds.has(row.id)) {
      out.push(`${record.name}: ${row.id}: the suite has no such case (renamed or removed?)`);
      continue;
    }
    let google: Json;
    try {
      google = JSON.parse(row.observed) as Json;
    } catch {
      out.push(`${record.name}: ${row.id}: observed value is not JSON: ${row.observed}`);
      continue;
    }
    const mine = emulator.get(row.id);
    if (mine === undefined) out.push(`${record.name}: ${row.id}: the emulator did not run this case`);
    else if (canonical(mine) !== canonical(google))
      out.push(`${record.name}: ${row.id}: Google observed ${canonical(google)}, the emulator ${canonical(mine)}`);
  }
  return out;
}

/** Case ids a record confirms: Google passed them, with the expectation the suite still has. */
export function confirmedIds(record: RunRecord, expectedById: ReadonlyMap<string, Json>): string[] {
  return record.rows
    .filter((r) => {
      const expected = expectedById.get(r.id);
      if (r.status !== STATUS_TEXT.pass || expected === undefined) return false;
      try {
        return canonical(JSON.parse(r.expected) as Json) === canonical(expected);
      } catch {
        return false;
      }
    })
    .map((r) => r.id);
}
