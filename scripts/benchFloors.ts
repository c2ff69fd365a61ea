// The floor of each benchmarked operation: the service calls it cannot do without, priced with the calibrated
// latency model (test/emulator/README.md). README "Costs" lists the same floors in words. Parts that are the
// operation's output (the messages it sends, the blocks of a Doc it writes) are priced as measured: their
// count is fixed by what is written, not by how the register is read.
import { REGISTER_WIDTH, SUMMARY_FIELDS } from '../src/gas/registerColumns';
import { CALIBRATED_LATENCY as P, type CallRecord } from '../test/emulator/core/calls';

export interface FloorInput {
  /** Complaints in the register (rows under the header). */
  rows: number;
  /** Rows of the audit log under its header (the forecast by step reads at most STEP_EVENT_ROWS of them). */
  auditRows?: number;
  /** Rows of the grids read to their bottom (Pengaturan, Unit, Hari Libur), header included. */
  grid: { settings: number; units: number; holidays: number };
  /** Rows of Tim's grid, header included: read to its bottom (setup keeps 50 blank rows under the data). */
  teamRows: number;
  /** The operation's measured calls, and what each cost. */
  records: readonly CallRecord[];
  cost: (r: CallRecord) => number;
  /** Rows whose report summary is stale (the report reads their fields themselves). */
  staleRows?: readonly number[];
}

export interface FloorItem {
  what: string;
  ms: number;
  calls: number;
}

const RT = 80; // a round trip no measurement prices better (getSheets, Lock, Forms, ScriptApp, UI)
const LAST_ROW = P.perMethod['Sheet.getLastRow'];
const read = (cells: number) => P.perCall['sheets.read'] + cells * P.perCellRead;
const write = (cells: number) => P.perCall['sheets.write'] + cells * P.perCellWrite;
const FLUSH = P.perMethod['SpreadsheetApp.flush'] + P.flush;
const PROP_GET = P.perCall.properties;
const PROP_SET = P.perMethod['Properties.setProperty'];
const WIDTH = REGISTER_WIDTH; // register columns, the form-response id included
const AUDIT_WIDTH = 8;

const item = (what: string, ms: number, calls = 1): FloorItem => ({ what, ms, calls });

const team = (i: FloorInput) => item("Tim: one read to its grid's bottom (9 columns)", read(i.teamRows * 9));

/** Columns are found by header (src/gas/registerLayout.ts): one read of row 1 per execution that opens the register. */
const HEADER = item('register header: row 1, one read (columns found by header)', read(WIDTH));

/**
 * One complaint found by its number: its year's row offset (Script Properties), then the one row it points to
 * (gas/registerSheet.ts; the register's number column only when rows were moved by hand).
 */
const FIND = item("find: the year's row offset (getProperties) + the row it points to", PROP_GET + read(WIDTH), 2);

function tables(i: FloorInput): FloorItem[] {
  return [
    item('the sheets (getSheets)', RT),
    item(
      'Pengaturan, Unit, Hari Libur: one read each',
      read((i.grid.settings - 1) * 2) + read((i.grid.units - 1) * 3) + read((i.grid.holidays - 1) * 4),
      3,
    ),
  ];
}

function context(i: FloorInput): FloorItem[] {
  return [...tables(i), team(i)];
}

/** An online submission: its answers by the cached question layout, its number, its row and audit row, its receipt. */
function submission(): FloorItem[] {
  return [
    item('trigger guard (getProjectTriggers)', RT),
    item('the cached question layout (Script Properties get) + the form items (getItems)', PROP_GET + RT, 2),
    HEADER,
    item('register: last row + the last 200 numbers and response ids', LAST_ROW + 2 * read(200), 3),
    item('last number issued: get + set', PROP_GET + PROP_SET, 2),
    ...lockedWrite(1),
    item('the team notice: sent this hour? (Script Properties get)', PROP_GET),
  ];
}

function measured(i: FloorInput, what: string, match: (r: CallRecord) => boolean): FloorItem {
  const rs = i.records.filter(match);
  return item(
    what,
    rs.reduce((s, r) => s + i.cost(r), 0),
    rs.length,
  );
}

/** The reads of the listed rows: after the watch read of 5 columns, before the mail quota is asked. */
function linesAfterWatch(i: FloorInput): FloorItem {
  const from = i.records.findIndex((r) => r.name === 'Range.getValues' && r.cells === 5 * i.rows);
  const to = i.records.findIndex((r) => r.name === 'MailApp.getRemainingDailyQuota');
  const rs =
    from >= 0 && to > from
      ? i.records.slice(from + 1, to).filter((r) => r.name === 'Range.getValues' && r.cells < i.rows)
      : [];
  return item(
    'digest lines: the listed rows (≤ 100 a digest), one read per block',
    rs.reduce((s, r) => s + i.cost(r), 0),
    rs.length,
  );
}

/**
 * The calls without the context's reads of Pengaturan, Unit and Hari Libur (each read to its grid's bottom, header
 * included; Pengaturan first, the others when first needed): what is left is the register's, whatever the sizes (a
 * grid's cells may equal the register's rows).
 */
function afterContext(i: FloorInput): readonly CallRecord[] {
  const skipped = new Set<number>();
  for (const cells of [i.grid.settings * 2, i.grid.units * 3, i.grid.holidays * 4]) {
    const at = i.records.findIndex((r, k) => !skipped.has(k) && r.name === 'Range.getValues' && r.cells === cells);
    if (at >= 0) skipped.add(at);
  }
  return i.records.filter((_, k) => !skipped.has(k));
}

/** The picker's columns of the rows whose status an action starts from: after the status read. */
function pickerColumns(i: FloorInput): FloorItem {
  const records = afterContext(i);
  // The status column, read to the grid's bottom from row 1: more cells than rows.
  const from = records.findIndex((r) => r.name === 'Range.getValues' && r.cells > i.rows);
  const rs = from >= 0 ? records.slice(from + 1).filter((r) => r.name === 'Range.getValues') : [];
  return item(
    "the candidates' picker columns (the cheaper of blocks and whole columns)",
    rs.reduce((s, r) => s + i.cost(r), 0),
    rs.length,
  );
}

const mails = (i: FloorInput) => measured(i, 'the messages (as sent)', (r) => r.name === 'MailApp.sendEmail');

const lockedWrite = (rowWrites: number, auditRows = 1): FloorItem[] => [
  item('audit log editor check (getProtections + canEdit) before any write', 2 * RT, 2),
  item('script lock: take + release', 2 * RT, 2),
  item('register row: formats + values', rowWrites * 2 * write(WIDTH), rowWrites * 2),
  item('audit log: last row + formats + values', LAST_ROW + 2 * write(AUDIT_WIDTH * auditRows), 3),
  item('flush before releasing the lock', FLUSH, 1),
];

/** Runs of consecutive rows. */
function rowRuns(rows: readonly number[]): number {
  return [...rows].sort((a, b) => a - b).filter((r, k, xs) => k === 0 || r !== xs[k - 1] + 1).length;
}

/** The report's fields besides the number (src/gas/registerColumns.ts, SUMMARY_FIELDS), in 6 runs of columns. */
const REPORT_FIELDS_READ = SUMMARY_FIELDS.length - 1;
const REPORT_FIELD_RUNS = 6;

function report(i: FloorInput): FloorItem[] {
  const stale = i.staleRows ?? [];
  // The stale rows' fields: whole columns, or at best one call per run of consecutive stale rows and no cell but
  // their fields' (a bound no read reaches: the fields are not adjacent columns).
  const columns = REPORT_FIELD_RUNS * P.perCall['sheets.read'] + REPORT_FIELDS_READ * i.rows * P.perCellRead;
  const blocks = rowRuns(stale) * P.perCall['sheets.read'] + REPORT_FIELDS_READ * stale.length * P.perCellRead;
  return [
    ...context(i),
    HEADER,
    // Every row: the rows any statistic needs (received in the rolling year, closed in it, or open at either period's
    // end; duplicates pointing at them) are ~90 % of the benchmark's, scattered, and a block of rows costs a call
    // (100 cells), so no subset of rows is cheaper than whole columns (README, Costs). The fields come packed in each
    // row's summary cell; the number and version tell whether it is current.
    item(
      'register: last row + number, version and report summary of every row (3 runs)',
      LAST_ROW + read(3 * i.rows) + 2 * P.perCall['sheets.read'],
      4,
    ),
    ...(stale.length === 0
      ? []
      : [
          columns <= blocks
            ? item(
                `the ${stale.length} stale rows' ${REPORT_FIELDS_READ} fields: whole columns (${REPORT_FIELD_RUNS} runs)`,
                columns,
                REPORT_FIELD_RUNS,
              )
            : item(
                `the ${stale.length} stale rows' ${REPORT_FIELDS_READ} fields: one read per run of rows`,
                blocks,
                rowRuns(stale),
              ),
        ]),
    item('Penilaian: last row + rows', LAST_ROW + read(0), 2),
    item('Kategori: rows', read(0), 1),
    measured(
      i,
      'the Laporan sheet, its charts, the recap Doc and PDF (as written)',
      (r) => r.kind !== 'local' && !['Range.getValues', 'Sheet.getLastRow', 'Spreadsheet.getSheets'].includes(r.name),
    ),
  ];
}

export const FLOORS: Record<string, (i: FloorInput) => FloorItem[]> = {
  // Most online submissions: the receipt only (the team hears of the first of each hour). Tim is not read.
  'form submission': (i) => [...tables(i), ...submission(), mails(i)],
  'form submission, first of the hour (receipt + team notice)': (i) => [
    ...context(i),
    ...submission(),
    item('the team notice: sent at (Script Properties set)', PROP_SET),
    mails(i),
  ],
  'open Pemantauan (sidebar, first page)': (i) => [
    ...context(i),
    HEADER,
    item(
      'register: last row + the closing column of every row (which are open: never taken from an index)',
      LAST_ROW + read(i.rows),
      2,
    ),
    item("the open rows' deadlines from the daily run's index (Script Properties, one call)", PROP_GET),
    item('the deadlines of the rows added since the index (the two submissions before): one read', read(2)),
    item('the 50 lines of the page: one read each (rows scattered)', 50 * read(25), 50),
    item('showSidebar', RT),
  ],
  'Pemantauan "Semua", page 3': (i) => [
    ...context(i),
    HEADER,
    item('register: last row + closing, deadline and received day of every row', LAST_ROW + 3 * read(i.rows), 4),
    item('the 50 lines of the page: one read each (rows scattered)', 50 * read(25), 50),
  ],
  'open Disposisi (sidebar with its picker)': (i) => [
    ...context(i),
    HEADER,
    item("register: the status of every row, read to the grid's bottom (no last row asked)", read(i.rows + 1)),
    pickerColumns(i),
    item('showSidebar', RT),
  ],
  'one disposition': (i) => [
    ...context(i),
    HEADER,
    FIND,
    ...lockedWrite(1),
    item("Pemantauan's index: the row marked (Script Properties get + set)", PROP_GET + PROP_SET, 2),
    mails(i),
  ],
  'daily run (07:00 trigger)': (i) => [
    item('trigger guard (getProjectTriggers)', RT),
    ...context(i),
    item('daily state: get + set', PROP_GET + PROP_SET, 2),
    HEADER,
    item(
      "Pemantauan's index: a new generation of marks (get + set), the index written (setProperties)",
      PROP_GET + 2 * PROP_SET,
      3,
    ),
    item('reconcile: form + responses + the response-id column', 2 * RT + read(i.rows), 3),
    item(
      'register: last row + number, receipt, channel (forecast), status, unit, deadline, closing, kind and last write (by, at) of every row',
      LAST_ROW + read(3 * i.rows) + read(5 * i.rows) + read(2 * i.rows),
      4,
    ),
    item(
      'audit log: last row + time, user, role, action, number of the last 20,000 rows (forecast)',
      LAST_ROW + read(5 * Math.min(20_000, i.auditRows ?? 0)),
      2,
    ),
    linesAfterWatch(i),
    item('mail quota', P.perMethod['MailApp.getRemainingDailyQuota']),
    mails(i),
    item('the form still published and accepting (isPublished, isAcceptingResponses, requiresLogin)', 3 * RT, 3),
    item(
      'the cached question layout checked: getItems + a title each (9) + Script Properties get',
      10 * RT + PROP_GET,
      11,
    ),
    item('audit log editor check (getProtections + canEdit)', 2 * RT, 2),
    item('summary row under the lock', 2 * RT + LAST_ROW + 2 * write(AUDIT_WIDTH) + FLUSH, 6),
    item('purge: lock, nothing due', 2 * RT + P.perMethod['SpreadsheetApp.flush'], 3),
  ],
  'monthly report (Laporan sheet + recap)': (i) => report(i),
  'monthly report, 10 % of rows with a stale summary': (i) => report(i),
};

export function floorOf(operation: string, i: FloorInput): { ms: number; calls: number; items: FloorItem[] } | null {
  const spec = FLOORS[operation];
  if (!spec) return null;
  const items = spec(i);
  return { ms: items.reduce((s, x) => s + x.ms, 0), calls: items.reduce((s, x) => s + x.calls, 0), items };
}

/**
 * The split deployment's fixed cost of one sidebar call, whatever it does: the shell asks for the person's identity
 * token and POSTs to the core; Google starts the core's doPost; the core reads its properties once, checks the
 * token's signature against Google's public keys kept in its script cache (fetched again at most hourly, or for a
 * key it does not hold: no tokeninfo call), opens its two spreadsheets (vault and office) by id and lists their
 * sheets; the answer comes back through Google's redirect. The web app's start (850 ms) and a UrlFetch (150 ms) are
 * stated assumptions (test/emulator/README.md, "Latency model"): no published per-call figure.
 */
export function roundTrip(): FloorItem[] {
  return [
    item("shell: the core's address (Script Properties get)", PROP_GET),
    item('shell: the identity token (ScriptApp.getIdentityToken)', P.perCall.script),
    item(
      'the POST, the web app starting doPost, the redirect followed back',
      2 * P.perCall.urlfetch + P.perCall.webapp,
      3,
    ),
    item('core: its properties, once (getProperties)', PROP_GET),
    item(
      "core: the token's signature checked against Google's keys, kept in the script cache (Cache get)",
      P.perCall.cache,
    ),
    item('core: the vault and the office opened by id, their sheets listed', 2 * (RT + RT), 4),
  ];
}

/** A sidebar opened from the menu also sends the row under the cursor (getActiveRange: two calls in the emulator). */
const SELECTION = item('shell: the row under the cursor (getActiveRange)', 2 * RT, 2);

const withoutGetSheets = (items: FloorItem[]): FloorItem[] => items.filter((x) => x.what !== 'the sheets (getSheets)');

/** Each split operation's own floor, on top of roundTrip() (null: only measured, see README "Costs"). */
export const SPLIT_FLOORS: Record<string, (i: FloorInput) => FloorItem[]> = {
  'split: open Agenda (sidebar with its picker)': (i) => [
    SELECTION,
    ...withoutGetSheets(FLOORS['open Disposisi (sidebar with its picker)'](i)),
  ],
  'split: open Disposisi (sidebar with its picker)': (i) => [
    SELECTION,
    ...withoutGetSheets(FLOORS['open Disposisi (sidebar with its picker)'](i)),
  ],
  'split: open Tindak Lanjut (sidebar with its picker)': (i) => [
    SELECTION,
    ...withoutGetSheets(FLOORS['open Disposisi (sidebar with its picker)'](i)),
  ],
  'split: open Surat Jawaban (sidebar with its picker)': (i) => [
    SELECTION,
    ...withoutGetSheets(context(i)),
    HEADER,
    item(
      "register: the status, channel and unit of every row, read to the grid's bottom (no last row asked)",
      read(i.rows + 1) + read(2 * (i.rows + 1)),
      2,
    ),
    letterCandidates(i),
    item('showSidebar', RT),
  ],
  'split: open Pemantauan (sidebar, first page)': (i) => [
    SELECTION,
    ...withoutGetSheets(FLOORS['open Pemantauan (sidebar, first page)'](i)),
  ],
  'split: load a complaint (Disposisi)': (i) => [...withoutGetSheets(context(i)), HEADER, FIND],
  // The PDF is written in the script (app/receiptPdf.ts): finding the complaint and the letterhead's settings.
  'split: print the receipt (PDF for the counter)': (i) => [
    team(i),
    item('Pengaturan: one read (the letterhead; no deadline is computed)', read((i.grid.settings - 1) * 2)),
    HEADER,
    FIND,
  ],
  // The core answering the shell: its own vault needs no audit editor check, and the unit's email waits in the
  // outbox (the queued work's trigger flag read, the one-off trigger made, the message written: gas/outbox.ts).
  'split: one disposition': (i) => [
    ...withoutGetSheets(FLOORS['one disposition'](i)).filter(
      (x) => !x.what.startsWith('audit log editor check') && x.what !== 'the messages (as sent)',
    ),
    item('the register view: the row projected (formats + values)', 2 * write(WIDTH), 2),
    item(
      'the message queued: the trigger flag (get), the one-off trigger, the entry (set)',
      PROP_GET + RT + PROP_SET,
      3,
    ),
  ],
};

/**
 * The letter sidebar's candidates: the closed walk-ins' closing time, then the listed rows whole (blocks or whole
 * columns): the reads after the status, channel, unit runs.
 */
function letterCandidates(i: FloorInput): FloorItem {
  // The status, channel and unit columns come first, one read per run of adjacent columns to the grid's bottom (from
  // row 1: more cells than rows a column): 3 × the first read's cells.
  const records = afterContext(i);
  let from = records.findIndex((r) => r.name === 'Range.getValues' && r.cells > i.rows);
  const grid = from >= 0 ? records[from].cells : 0;
  for (let cells = 0; from >= 0 && from < records.length; from++) {
    if (records[from].name === 'Range.getValues') cells += records[from].cells;
    if (cells >= 3 * grid) break;
  }
  const rs = from >= 0 ? records.slice(from + 1).filter((r) => r.name === 'Range.getValues') : [];
  return item(
    "the closed walk-ins' closing time, then the rows listed with a letter step, every column (as measured)",
    rs.reduce((s, r) => s + i.cost(r), 0),
    rs.length,
  );
}

/** roundTrip() + the operation's own floor, or null when the operation has none documented. */
export function splitFloorOf(
  operation: string,
  i: FloorInput,
): { ms: number; calls: number; items: FloorItem[] } | null {
  const spec = SPLIT_FLOORS[operation];
  if (!spec) return null;
  const items = [...roundTrip(), ...spec(i)];
  return { ms: items.reduce((s, x) => s + x.ms, 0), calls: items.reduce((s, x) => s + x.calls, 0), items };
}
