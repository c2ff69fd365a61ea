// Menu "Buat Laporan": the "Laporan" sheet and last month's recap for the Kepala Dinas, on demand.
import { makeReports, type MadeReport, type ReportDeps } from '../app/report';
import type { SignerInfo } from '../domain/letter';
import { previousMonth } from '../domain/report';
import { dayKeyOf } from '../domain/time';
import { RatingsSheet } from '../gas/ratingsSheet';
import { RecapDoc } from '../gas/recapDoc';
import { membersWithRole } from '../app/team';
import { ReportSheet } from '../gas/reportSheet';
import { REPORT_TEXT } from '../messages/report';
import type { ComplaintField } from '../domain/complaint';
import { cellText } from '../lib/cells';
import { SUMMARY_FIELDS, indexOfKey, unpackSummary, type RegisterColumnKey } from '../gas/registerColumns';

const SUMMARY_INDEXES: readonly number[] = SUMMARY_FIELDS.map(indexOfKey);
import { storedFrom, type RawRows, type RegisterReader } from '../gas/registerReads';
import type { StoredComplaint } from '../ports';
import { alert, may, run, type Services } from './wiring';

function headOf(ctx: Services): SignerInfo | null {
  const head = ctx.team().find((m) => m.role === 'KEPALA_DINAS' && m.active);
  return head ? { name: head.name || head.email, rank: head.rank, nip: head.nip } : null;
}

/** The report's ports on this workbook and the letters folder. */
export function reportDeps(ctx: Services): ReportDeps {
  return {
    now: ctx.now,
    calendar: ctx.calendar(),
    settings: ctx.settings(),
    units: ctx.unitNames(),
    sheet: new ReportSheet(ctx.workbook),
    recap: new RecapDoc(
      ctx.settings().lettersFolderId,
      ctx.workbook.split ? membersWithRole(ctx.team(), 'KEPALA_DINAS').map((m) => m.email) : [],
    ),
    // A workbook set up before ratings existed has no "Penilaian" sheet yet: no ratings rather than no report.
    ratings: () => (ctx.workbook.has('ratings') ? new RatingsSheet(ctx.workbook.sheet('ratings')).all() : []),
    head: headOf(ctx),
    categories: ctx.categories(),
  };
}

/** The fields the statistics use (the report covers a rolling year, so nearly every row). */
export const REPORT_FIELDS: readonly ComplaintField[] = SUMMARY_FIELDS;

/** What tells whether a row's summary is current, and the summary itself: 3 whole columns. */
const SUMMARY_KEYS: readonly RegisterColumnKey[] = ['regNumber', 'version', 'reportSummary'];

/**
 * The register as the report needs it: the number, version and summary columns whole, each row's report fields from
 * its summary; the rows whose summary is missing or stale (see unpackSummary) have their fields read themselves (the
 * cheaper of blocks of rows and whole columns). A column already read whole this execution (`into`: the daily run's)
 * is taken as read, not from the summary.
 */
export function reportRows(reader: RegisterReader, into: RawRows = new Map()): StoredComplaint[] {
  reader.columns(SUMMARY_KEYS, into);
  const unread = SUMMARY_FIELDS.flatMap((f, k) => (reader.readWhole(f) ? [] : [k]));
  const rows: RawRows = new Map();
  const stale: number[] = [];
  for (const [row, cells] of into) {
    if (cellText(cells[0]).trim() === '') continue; // a blank row left by hand (storedFrom skips it too)
    const packed = unread.length > 0 ? unpackSummary(cells) : [];
    if (packed === null) {
      stale.push(row);
      continue;
    }
    const copy = [...cells];
    for (const k of unread) copy[SUMMARY_INDEXES[k]] = packed[k];
    rows.set(row, copy);
  }
  if (stale.length > 0) {
    reader.rows(
      stale,
      unread.map((k) => SUMMARY_FIELDS[k]),
      into,
    );
    for (const row of stale) rows.set(row, [...(into.get(row) ?? [])]);
  }
  return storedFrom(rows);
}

/** Builds both reports (the guard admitted a role the table's "report" names). */
export function buildReports(ctx: Services): MadeReport {
  const complaints = reportRows(ctx.reader()).map((s) => s.complaint);
  return makeReports(reportDeps(ctx), complaints, previousMonth(dayKeyOf(ctx.now)));
}

export function buildReportFromMenu(): void {
  run(
    may('report'),
    (ctx) => {
      const made = buildReports(ctx);
      alert(REPORT_TEXT.done(made.month, made.docUrl, made.pdfUrl));
    },
    alert,
  );
}
