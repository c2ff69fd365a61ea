// Counts every emulated service call and prices it with a latency model, so a test or the
// benchmark can state "this action costs N calls and ~T ms of Apps Script time".

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
  | 'utilities';

export interface LatencyModel {
  /** Milliseconds for one call of each kind. */
  perCall: Record<CallKind, number>;
  /** Extra milliseconds per cell for value reads and writes. */
  perCellRead: number;
  perCellWrite: number;
}

/**
 * Calibration (documented in the README): Google's best-practice page measures a 100×100
 * block written cell by cell at ~70 s (≈7 ms a call) and in one setValues at ~1 s, hence
 * ~0.1 ms per written cell. Reads are cheaper per cell. Docs, Drive and Mail are the
 * heavier services (hundreds of ms a call are typical in execution logs).
 */
export const DEFAULT_LATENCY: LatencyModel = {
  perCall: {
    local: 0,
    'sheets.meta': 7,
    'sheets.read': 7,
    'sheets.write': 7,
    forms: 40,
    docs: 60,
    drive: 100,
    'drive.copy': 800,
    pdf: 1200,
    mail: 250,
    properties: 10,
    cache: 5,
    lock: 10,
    ui: 30,
    script: 50,
    utilities: 0,
  },
  perCellRead: 0.002,
  perCellWrite: 0.1,
};

export interface CallRecord {
  name: string; // e.g. "Range.getValues"
  kind: CallKind;
  cells: number;
}

export class CallLog {
  private records: CallRecord[] = [];
  private stack: CallRecord[] = [];

  constructor(public latency: LatencyModel = DEFAULT_LATENCY) {}

  begin(name: string, kind: CallKind): CallRecord {
    const record: CallRecord = { name, kind, cells: 0 };
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

  reset(): void {
    this.records = [];
    this.stack = [];
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
    const base = this.latency.perCall[record.kind];
    if (record.kind === 'sheets.read') return base + record.cells * this.latency.perCellRead;
    if (record.kind === 'sheets.write') return base + record.cells * this.latency.perCellWrite;
    return base;
  }

  /** Simulated Apps Script time of every call since the last reset, in milliseconds. */
  simulatedMs(): number {
    return this.records.reduce((sum, r) => sum + this.costOf(r), 0);
  }

  /** Runs `fn` and reports the calls and simulated time it took. */
  measure<T>(fn: () => T): { result: T; calls: number; simulatedMs: number; counts: Record<string, number> } {
    const start = this.records.length;
    const result = fn();
    const slice = this.records.slice(start);
    const counts: Record<string, number> = {};
    for (const r of slice) if (r.kind !== 'local') counts[r.name] = (counts[r.name] ?? 0) + 1;
    return {
      result,
      calls: slice.filter((r) => r.kind !== 'local').length,
      simulatedMs: slice.reduce((sum, r) => sum + this.costOf(r), 0),
      counts,
    };
  }
}
