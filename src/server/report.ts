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

/** The columns the statistics use (the report covers a rolling year, so nearly every row): read whole, once. */
export const REPORT_FIELDS: readonly ComplaintField[] = [
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
  // By category, and the linked complaints (appended columns: two more runs of adjacent columns).
  'category',
  'duplicateOf',
  'relatedTo',
];

/** The register as the report needs it; columns already read this execution (`into`) are not read again. */
export function reportRows(reader: RegisterReader, into: RawRows = new Map()): StoredComplaint[] {
  return storedFrom(reader.columns(REPORT_FIELDS, into));
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
