// Counts every emulated service call and prices it with a latency model calibrated on published measurements of real
// Apps Script (sources in test/emulator/README.md), so a test or the benchmark can state "this action costs N calls
// and ~T ms of Apps Script time".

/** What a call costs in Apps Script, by kind. */
export type CallKind =
  | 'local' // answered inside the script runtime (getters on an object already fetched)
  | 'sheets.meta' // a round trip to the spreadsheet for structure (sheets, last row, formats)
  | 'sheets.read' // a read of cell values; priced per cell too
  | 'sheets.write' // a write of cell values or formats; priced per cell too
  | 'forms'
  | 'docs'
  | 'drive'
  | 'drive.copy'
  | 'pdf'
  | 'mail'
  | 'properties'
  | 'cache'
  | 'lock'
  | 'ui'
  | 'script' // ScriptApp: triggers
  | 'urlfetch' // one HTTP request of UrlFetchApp (a redirect followed is another)
  | 'webapp' // Google starting a deployed web app's doGet/doPost for a request
  | 'utilities';

export interface LatencyModel {
  /** Milliseconds for one call of each kind. */
  perCall: Record<CallKind, number>;
  /** Milliseconds for one call of a named method, where a measurement names it (overrides its kind's price). */
  perMethod: Readonly<Record<string, number>>;
  /** Extra milliseconds per cell for value reads and writes. */
  perCellRead: number;
  perCellWrite: number;
  /**
   * Sheets writes are queued; the first Sheets read or structure call after a write (or `SpreadsheetApp.flush`, or
   * the end of the execution) sends them: a round trip that costs this many milliseconds on top of the call.
   */
  flush: number;
  /** Extra milliseconds per KiB of a sent message (body, HTML body and attachments). */
  perKiBMail: number;
}

/**
 * The calibrated model. Every figure reproduces a published measurement of real Apps Script (test/emulator/README.md,
 * "Latency model"; `core/calls.test.ts` replays each measurement against it):
 * - 1,000 `getValue` with no write between: 3.06 s → a read 3 ms;
 * - `getValues` of 240,000 cells: 7.38 s → 0.03 ms a cell read;
 * - 1,000 `getLastRow` in a loop condition: 160 s → 160 ms a call (also `getLastColumn`, `getDataRange`, which
 *   compute the same extent; `getMaxRows`/`getMaxColumns` are priced alike: unverified, the stricter choice);
 * - 100×100 cells written one `setValue` at a time ~70 s, in one `setValues` ~1 s → a write 7 ms, 0.1 ms a cell;
 * - 100 rows × (2 `getValue` + 1 `setValue`) alternating: 24.1 s → the read that finds a write queued pays a
 *   228 ms flush (241 ms a row − 2 reads − 1 write), about 80 ms a call averaged over the loop;
 * - a 100 KB message ~1.2 s to send → `sendEmail` 1,000 ms + 2 ms a KiB;
 * - Script Properties get 30 ms, set 62 ms; Cache get 3 ms, put 93 ms (means of 100 runs);
 * - copying a Doc, merging its fields and exporting the PDF (Autocrat-style): 3.4–4.1 s a document → `makeCopy`
 *   1,300 ms, each Docs call 80 ms, PDF export 1,000 ms, other Drive calls 250 ms (a 10-field merge ≈ 3.8 s; no
 *   published per-call split, so the split is an estimate and only the total is calibrated).
 * Calls no measurement covers (Forms, Lock, UI, ScriptApp, sheet lookups) cost the measured round trip, 80 ms.
 */
export const CALIBRATED_LATENCY: LatencyModel = {
  perCall: {
    local: 0,
    'sheets.meta': 80,
    'sheets.read': 3,
    'sheets.write': 7,
    forms: 80,
    docs: 80,
    drive: 250,
    'drive.copy': 1300,
    pdf: 1000,
    mail: 1000,
    properties: 30,
    cache: 3,
    lock: 80,
    ui: 80,
    script: 80,
    // Assumptions, no published per-call figure: an HTTP request from Google's fetch service to a Google endpoint
    // 150 ms; a web app starting doPost for a request 850 ms (so a call to a core web app, redirect included,
    // costs about 1 s plus what the core's own calls cost). See README, "Latency model".
    urlfetch: 150,
    webapp: 850,
    utilities: 0,
  },
  perMethod: {
    'Sheet.getLastRow': 160,
    'Sheet.getLastColumn': 160,
    'Sheet.getDataRange': 160,
    'Sheet.getMaxRows': 160,
    'Sheet.getMaxColumns': 160,
    'Range.getLastRow': 0, // the range's own bounds: local
    'Range.getLastColumn': 0,
    'MailApp.getRemainingDailyQuota': 30,
    'Properties.setProperty': 62,
    'Properties.setProperties': 62,
    'Properties.deleteProperty': 62,
    'Properties.deleteAllProperties': 62,
    'Cache.put': 93,
    'Cache.putAll': 93,
    'Cache.remove': 93,
    'Cache.removeAll': 93,
    'SpreadsheetApp.flush': 3,
  },
  perCellRead: 0.03,
  perCellWrite: 0.1,
  flush: 228,
  perKiBMail: 2,
};

export const DEFAULT_LATENCY = CALIBRATED_LATENCY;

/** Kinds whose call needs the spreadsheet's current state, so queued writes are sent first. */
const FLUSHING: ReadonlySet<CallKind> = new Set(['sheets.read', 'sheets.meta']);

export interface CallRecord {
  name: string; // e.g. "Range.getValues"
  kind: CallKind;
  /** Cells read or written (Sheets), or KiB sent (Mail). */
  cells: number;
  /** This call (or the end of the execution after it) sent the queued Sheets writes. */
  flushed: boolean;
}

export class CallLog {
  private records: CallRecord[] = [];
  private stack: CallRecord[] = [];
  /** The last Sheets write not yet sent (null when nothing is queued). */
  private pending: CallRecord | null = null;
  private depth = 0;

  constructor(public latency: LatencyModel = DEFAULT_LATENCY) {}

  begin(name: string, kind: CallKind): CallRecord {
    const record: CallRecord = { name, kind, cells: 0, flushed: false };
    if (this.pending && (FLUSHING.has(kind) || name === 'SpreadsheetApp.flush')) {
      record.flushed = true;
      this.pending = null;
    }
    if (kind === 'sheets.write') this.pending = record;
    this.records.push(record);
    this.stack.push(record);
    return record;
  }

  end(record: CallRecord): void {
    const i = this.stack.lastIndexOf(record);
    if (i >= 0) this.stack.splice(i, 1);
  }

  /** Attaches a cell count to the call in progress (for per-cell pricing). */
  cells(n: number): void {
    const current = this.stack[this.stack.length - 1];
    if (current) current.cells += n;
  }

  /**
   * An execution of the script starts (a trigger, a menu item, a `google.script.run` call): nothing is queued
   * (the harness's own writes before it are not the script's). Nested calls belong to the outer execution.
   */
  beginExecution(): void {
    if (this.depth === 0) this.pending = null;
    this.depth += 1;
  }

  /** The execution ends: Apps Script sends the writes still queued, a flush charged to the last of them. */
  endExecution(): void {
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) this.settle();
  }

  private settle(): void {
    if (this.pending) this.pending.flushed = true;
    this.pending = null;
  }

  reset(): void {
    this.records = [];
    this.stack = [];
    this.pending = null;
  }

  /** Number of calls by "Service.method", optionally only those not of kind 'local'. */
  counts(options: { includeLocal?: boolean } = {}): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.records) {
      if (r.kind === 'local' && !options.includeLocal) continue;
      out[r.name] = (out[r.name] ?? 0) + 1;
    }
    return out;
  }

  /** Service calls that cost a round trip (every kind but 'local'). */
  total(): number {
    return this.records.filter((r) => r.kind !== 'local').length;
  }

  all(): readonly CallRecord[] {
    return this.records;
  }

  costOf(record: CallRecord): number {
    const m = this.latency;
    let ms = m.perMethod[record.name] ?? m.perCall[record.kind];
    if (record.kind === 'sheets.read') ms += record.cells * m.perCellRead;
    else if (record.kind === 'sheets.write') ms += record.cells * m.perCellWrite;
    else if (record.kind === 'mail') ms += record.cells * m.perKiBMail;
    if (record.flushed) ms += m.flush;
    return ms;
  }

  /** Simulated Apps Script time of every call since the last reset, in milliseconds. */
  simulatedMs(): number {
    return this.records.reduce((sum, r) => sum + this.costOf(r), 0);
  }

  /**
   * Runs `fn` and reports the calls and simulated time it took. Writes `fn` leaves queued are sent at its end (as
   * at the end of an execution), so their flush is part of its cost.
   */
  measure<T>(fn: () => T): {
    result: T;
    calls: number;
    simulatedMs: number;
    counts: Record<string, number>;
    records: CallRecord[];
  } {
    const start = this.records.length;
    if (this.depth === 0) this.pending = null;
    const result = fn();
    if (this.depth === 0) this.settle();
    const slice = this.records.slice(start);
    const counts: Record<string, number> = {};
    for (const r of slice) if (r.kind !== 'local') counts[r.name] = (counts[r.name] ?? 0) + 1;
    return {
      result,
      calls: slice.filter((r) => r.kind !== 'local').length,
      simulatedMs: slice.reduce((sum, r) => sum + this.costOf(r), 0),
      counts,
      records: slice,
    };
  }
}
