// Server side of "Pemantauan Penyelesaian" (Ketua Tim, Kepala Dinas): the live list, and jumping to a row.
import { jsonForScript } from '../lib/html';
import { HISTORY_ROLES, MONITOR_ROLES, readRefusal, rolesText } from '../app/workflowSidebars';
import type { TeamMember } from '../app/team';
import { listItem, type ListItem } from '../app/workflowView';
import { deadlineFacts, type DeadlineState } from '../domain/deadline';
import type { ComplaintField } from '../domain/complaint';
import { storedFrom } from '../gas/registerReads';
import { STATUSES } from '../domain/complaint';
import { formatDateTime } from '../domain/format';
import type { DayKey } from '../domain/time';
import { indexDisagrees, indexedDeadlines } from '../gas/monitoringIndex';
import { WF, WORKFLOW_TITLES } from '../messages/workflow';
import { alert, guard, run, screen, type Services } from './wiring';
import { viewContext } from './workflow';

/** Complaints on one screen of the list: the first screen arrives with the sidebar, the rest page by page. */
export const MONITORING_PAGE_SIZE = 50;

export interface MonitoringOptions {
  /** "Semua": closed and forwarded complaints too. */
  includeClosed?: boolean;
  /** 0-based page. */
  page?: number;
  status?: string;
  unit?: string;
  /** '' | 'overdue' | 'soon' (due today or on the next working day). */
  state?: string;
}

export type MonitoringResult =
  | {
      ok: true;
      items: ListItem[];
      /** Complaints matching the filters, on every page. */
      total: number;
      /** Overdue complaints among them. */
      overdue: number;
      page: number;
      pageSize: number;
      generated: string;
      statuses: readonly string[];
      units: string[];
    }
  | { ok: false; message: string };

/** Ketua Tim and Kepala Dinas (the table's "monitoring"), refused as the page's title says. */
const MONITOR = guard(['monitoring'], () => WF.notAllowedSidebar(WORKFLOW_TITLES.pemantauan, rolesText(MONITOR_ROLES)));
/** Jumping to a row is reading it: the table's "history" (a unit member only on their unit's). */
const SELECT_ROW = guard(['history'], () => WF.notAllowedSidebar(WORKFLOW_TITLES.riwayat, rolesText(HISTORY_ROLES)));

/**
 * What is read of every row: whether it is closed, and what filters it. The deadline (and, once closed ones are
 * listed, the received day) is read after, for the rows still in the list only: whole when they are many and
 * scattered, in blocks when they are few or together (open complaints are usually the recent rows).
 */
function filterFields(options: MonitoringOptions): ComplaintField[] {
  const fields: ComplaintField[] = ['closedAt'];
  if (options.status) fields.push('status');
  if (options.unit) fields.push('unit');
  return fields;
}

function rankFields(options: MonitoringOptions): ComplaintField[] {
  return options.includeClosed === true ? ['deadline', 'receivedAt'] : ['deadline'];
}

/** What one line of the list shows: read only for the rows of the page. */
const LINE_FIELDS: readonly ComplaintField[] = [
  'regNumber',
  'receivedAt',
  'subject',
  'privacy',
  'status',
  'unit',
  'deadline',
  'closedAt',
  'deadlineKind',
  'priority',
];

function stateMatches(state: DeadlineState, wanted: string | undefined): boolean {
  if (wanted === 'overdue') return state === 'overdue';
  if (wanted === 'soon') return state === 'due_today' || state === 'due_next_working_day';
  return true;
}

/**
 * One page of the list, overdue first (most late first), then by deadline, then in register order. The whole
 * register is read only in the columns that rank and filter it; the lines of the page are read in full.
 */
export function monitoringPage(ctx: Services, member: TeamMember, options: MonitoringOptions = {}): MonitoringResult {
  const vc = viewContext(ctx);
  const reader = ctx.reader();
  const raw = reader.columns(filterFields(options));
  const kept = storedFrom(raw, false)
    .filter((s) => options.includeClosed === true || s.complaint.closedAt === null)
    .filter((s) => !options.status || s.complaint.status === options.status)
    .filter((s) => !options.unit || s.complaint.unit === options.unit)
    .map((s) => s.row);
  // Open only: the deadlines the index knows are not read (monitoringIndex.ts); the closing column above is.
  const fromIndex = options.includeClosed === true ? new Map<number, DayKey>() : indexedDeadlines(reader, kept);
  reader.rows(
    kept.filter((row) => !fromIndex.has(row)),
    rankFields(options),
    raw,
  );
  const rank = () =>
    storedFrom(new Map(kept.map((row) => [row, raw.get(row) ?? []])), false)
      .map((s) => ({ ...s, complaint: { ...s.complaint, deadline: fromIndex.get(s.row) ?? s.complaint.deadline } }))
      .filter((s) => s.complaint.deadline !== '' || s.complaint.closedAt !== null)
      .map((s) => ({
        row: s.row,
        facts: deadlineFacts(s.complaint, ctx.now, ctx.calendar()),
        deadline: s.complaint.deadline,
      }))
      .filter((r) => stateMatches(r.facts.state, options.state))
      .sort((a, b) => compareRanked(a, b));
  let ranked = rank();
  const pages = () => Math.max(1, Math.ceil(ranked.length / MONITORING_PAGE_SIZE));
  const pageOf = () => Math.min(Math.max(0, Math.floor(Number(options.page) || 0)), pages() - 1);
  const shownOf = () => ranked.slice(pageOf() * MONITORING_PAGE_SIZE, (pageOf() + 1) * MONITORING_PAGE_SIZE);
  let shown = shownOf();
  reader.rows(
    shown.map((r) => r.row),
    LINE_FIELDS,
    raw,
  );
  if (indexDisagrees(shown, raw, fromIndex)) {
    // Rows moved by hand, or a change the index missed: rank by the register's own deadlines.
    fromIndex.clear();
    reader.rows(kept, rankFields(options), raw);
    ranked = rank();
    shown = shownOf();
    reader.rows(
      shown.map((r) => r.row),
      LINE_FIELDS,
      raw,
    );
  }
  const page = pageOf();
  const items = storedFrom(new Map(shown.map((r) => [r.row, raw.get(r.row) ?? []]))).map((s) =>
    listItem(s.complaint, s.row, member, vc),
  );
  const order = new Map(shown.map((r, i) => [r.row, i]));
  items.sort((a, b) => (order.get(a.row) ?? 0) - (order.get(b.row) ?? 0));
  return {
    ok: true,
    items,
    total: ranked.length,
    overdue: ranked.filter((r) => r.facts.state === 'overdue').length,
    page,
    pageSize: MONITORING_PAGE_SIZE,
    generated: formatDateTime(ctx.now),
    statuses: STATUSES,
    units: vc.units.map((u) => u.name),
  };
}

const STATE_RANK: Record<DeadlineState, number> = {
  overdue: 0,
  due_today: 1,
  due_next_working_day: 2,
  open_on_track: 3,
  settled_late: 4,
  settled_on_time: 5,
};

function compareRanked(
  a: { row: number; facts: { state: DeadlineState; workingDaysLate: number }; deadline: string },
  b: { row: number; facts: { state: DeadlineState; workingDaysLate: number }; deadline: string },
): number {
  return (
    STATE_RANK[a.facts.state] - STATE_RANK[b.facts.state] ||
    b.facts.workingDaysLate - a.facts.workingDaysLate ||
    a.deadline.localeCompare(b.deadline) ||
    a.row - b.row
  );
}

/** The list for the sidebar's "Muat ulang", filters and pages (google.script.run). */
export function monitoringList(options?: MonitoringOptions): MonitoringResult {
  return run(
    MONITOR,
    (ctx, member) => monitoringPage(ctx, member, options ?? {}),
    (message) => ({
      ok: false,
      message,
    }),
  );
}

/** The sidebar arrives with its first screen (one page, a few kilobytes), read in the same context. */
export function showMonitoringSidebar(): void {
  run(
    MONITOR,
    (ctx, member) => {
      const first = monitoringPage(ctx, member, { includeClosed: false });
      screen().sidebar('Pemantauan', WORKFLOW_TITLES.pemantauan, { boot: jsonForScript(first) });
    },
    alert,
  );
}

/** Puts the cursor on a complaint's register row (any registered person; a unit member only on their unit's). */
export function selectRegisterRow(
  regNumber: string,
): { ok: true; row: number; message: string } | { ok: false; message: string } {
  return run(
    SELECT_ROW,
    (ctx, member) => {
      const key = String(regNumber ?? '').trim();
      const stored = ctx.register().find(key);
      if (!stored) return { ok: false, message: WF.notFound(key) };
      const unit = readRefusal(member, stored.complaint);
      if (unit) return { ok: false, message: unit };
      screen().select(stored.row);
      return { ok: true, row: stored.row, message: WF.selectedRow(stored.row) };
    },
    (message) => ({ ok: false, message }),
  );
}
