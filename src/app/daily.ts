// The daily run (working days, 07:00 WITA): reconcile, then the deadline digests to the Ketua Tim and each unit,
// idempotent per day, leader first when the mail quota is short, and stopping cleanly before Apps Script's time limit.
import type { WorkingCalendar } from '../domain/calendar';
import { CHANNELS, type Complaint } from '../domain/complaint';
import { SPECIAL_CASE_MONTHS, WORKING_DAYS_LIMIT } from '../domain/deadline';
import { countByChannelAndCategory } from '../domain/grouping';
import { formatDay, formatDayLong } from '../domain/format';
import { releasedFingerprints, stripPersonalData } from '../domain/personalData';
import { redact } from '../domain/privacy';
import { previousMonth, type MonthKey } from '../domain/report';
import { sameUnit, type Actor } from '../domain/roles';
import { countByCategory, slaWatch, watchForUnit, type WatchItem, type Watchlist } from '../domain/sla';
import { compareDayKeys, dayKeyOf, type DayKey } from '../domain/time';
import { forecastByStep, type Forecast, type StepEvent } from '../domain/forecast';
import { openPurgeSoon } from '../domain/retention';
import { RETENTION } from '../messages/public';
import {
  DIGEST_TEXT,
  FORECAST_TEXT,
  NO_UNIT_LABEL,
  STEP_WAITING,
  type DigestGroup,
  type DigestLine,
  type DigestView,
} from '../messages/digest';
import { mixText } from '../messages/digest';
import type { Audience, AuditEntry, AuditPort, Notice, NotifierPort, StoredComplaint } from '../ports';
import { unitAudience } from './notifier';
import type { MadeReport } from './report';
import type { Settings } from './settings';
import { membersWithRole, type TeamMember, type Unit } from './team';

export type DeferReason = 'quota' | 'time' | 'error';

export interface DeferredDigest {
  key: string;
  /** The first day it was held back. */
  since: DayKey;
  reason: DeferReason;
}

/** Kept between runs (Script Properties). */
export interface DailyState {
  /** The day of the last run that got past the holiday check; '' before the first. */
  day: DayKey; // '' when none
  /** Keys of the messages sent on `day`. */
  sent: string[];
  deferred: DeferredDigest[];
  /** The last month whose recap is settled: made, or not owed (the month before the installation). */
  reportMonth: MonthKey; // '' when none
  /** The links of the last recap made (for the Kepala Dinas notice). */
  report: MadeReport | null;
}

export interface DailyStatePort {
  load(): DailyState;
  save(state: DailyState): void;
}

/**
 * Apps Script stops an execution at 6 minutes. The run checks the time it has used (Date.now() deltas) before
 * every costly step and stops at `maxMs`, leaving a margin for the final writes. In the emulator the clock does
 * not move by itself, so `maxMessages` bounds the work of one run as well: whatever is left is deferred.
 */
export interface DailyBudget {
  maxMs: number;
  maxMessages: number;
  /** The monthly report is only started with at least this much time left. */
  reportReserveMs: number;
}

/** At most this many complaints are listed in one digest (the most urgent first); the counts cover all of them. */
export const MAX_DIGEST_LINES = 100;

export const DEFAULT_BUDGET: DailyBudget = { maxMs: 270_000, maxMessages: 40, reportReserveMs: 90_000 };

export interface DailyDeps {
  now: Date;
  /** Milliseconds since this execution started. */
  elapsedMs: () => number;
  calendar: WorkingCalendar;
  settings: Settings;
  team: readonly TeamMember[];
  units: readonly Unit[];
  /**
   * Reads the register (called once). The complaints may be partial: enough to place each in the watch (status,
   * unit, deadline, closing); `loadDetails` then completes the few that are listed.
   */
  loadRegister: () => StoredComplaint[];
  /** The listed complaints in full (for their digest lines), by row; absent when loadRegister reads them whole. */
  loadDetails?: (rows: readonly number[]) => Map<number, Complaint>;
  /** Registers missed form responses; returns how many. */
  reconcile: () => number;
  /** Makes the "Laporan" sheet and the recap of `month` from the rows already read (completed as the report needs). */
  makeReport: (stored: readonly StoredComplaint[], month: MonthKey) => MadeReport;
  notifier: NotifierPort;
  state: DailyStatePort;
  audit: AuditPort;
  rowLink: (row: number) => string;
  registerUrl: string;
  budget?: DailyBudget;
  /** The audit log's recent rows (time, action, number) for the forecast by step; absent: no forecast section. */
  loadStepEvents?: () => StepEvent[];
}

export interface SentDigest {
  key: string;
  to: string;
  items: number;
}

export interface DailyOutcome {
  day: DayKey;
  /** busy: another daily run holds the run's claim (gas/dailyState.ts). */
  skipped: 'notWorkingDay' | 'timeUp' | 'busy' | null;
  reconciled: number;
  sent: SentDigest[];
  deferred: DeferredDigest[];
  report: MadeReport | null;
  errors: string[];
}

export const LEADER_KEY = 'leader';
export const unitKey = (unit: string): string => `unit:${unit}`;
export const reportKey = (month: MonthKey): string => `report:${month}`;
export const DAILY_ACTOR = DIGEST_TEXT.actor;

export function emptyDailyState(): DailyState {
  return { day: '', sent: [], deferred: [], reportMonth: '', report: null };
}

/** Tolerates a missing or hand-edited value: anything unreadable starts afresh (at worst one digest is repeated). */
export function parseDailyState(raw: string): DailyState {
  try {
    const v = JSON.parse(raw) as Partial<DailyState>;
    const strings = (x: unknown): string[] =>
      Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
    const deferred = Array.isArray(v.deferred)
      ? v.deferred.filter((d): d is DeferredDigest => !!d && typeof d.key === 'string' && typeof d.since === 'string')
      : [];
    const report = v.report && typeof v.report.monthKey === 'string' ? v.report : null;
    const reportMonth = typeof v.reportMonth === 'string' ? v.reportMonth : (report?.monthKey ?? '');
    return { day: typeof v.day === 'string' ? v.day : '', sent: strings(v.sent), deferred, reportMonth, report };
  } catch {
    return emptyDailyState();
  }
}

/**
 * The recap of last month is due from the month's first working day until it is made: a run that missed or failed
 * it is caught up by the next. The very first run of an installation owes it only on that very day.
 */
export function reportDue(today: DayKey, lastRun: DayKey, settled: MonthKey, cal: WorkingCalendar): MonthKey | null {
  const month = previousMonth(today);
  if (settled === month) return null;
  const first = cal.workingDayOnOrAfter(`${today.slice(0, 7)}-01`);
  if (compareDayKeys(today, first) < 0) return null;
  if (lastRun === '' && today !== first) return null;
  return month;
}

/** One message the run may send; `notice` null means there is nothing to say today. */
interface Planned {
  key: string;
  audience: Audience;
  notice: Notice | null;
  items: number;
}

function noteOf(item: WatchItem): string {
  switch (item.category) {
    case 'overdue':
      return DIGEST_TEXT.late(item.workingDaysLate);
    case 'dueToday':
      return DIGEST_TEXT.today;
    case 'dueNext':
      return DIGEST_TEXT.next;
    case 'specialEnding':
      return DIGEST_TEXT.left(item.workingDaysLeft);
  }
}

/** A digest line built from the copy the reader may see (privacy.ts): no NIK, identity masked for anonim/rahasia. */
function lineOf(item: WatchItem, reader: Actor, rowLink: (row: number) => string): DigestLine {
  // A NIK, phone or email written into the text never travels in a digest, whoever reads it: replaced by a marker
  // before the text is cut or masked, so no part of one is left either.
  const c = item.complaint;
  const released = releasedFingerprints(c);
  const stripped: Complaint = {
    ...c,
    subject: stripPersonalData(c.subject, released),
    description: stripPersonalData(c.description, released),
  };
  const seen = redact(stripped, reader);
  const subject = seen.subject || seen.description.slice(0, 120);
  return {
    category: item.category,
    regNumber: seen.regNumber,
    link: rowLink(item.row),
    subject: subject || '—',
    complainant: seen.name || '—',
    status: seen.status,
    deadline: `${formatDayLong(seen.deadline)}${seen.deadlineKind === 'khusus' ? DIGEST_TEXT.specialCase : ''}`,
    note: noteOf(item),
    channel: c.channel,
    topic: c.category,
  };
}

interface ViewContext {
  watch: Watchlist;
  deps: DailyDeps;
  deferredFrom?: DayKey;
}

function decimal(n: number): string {
  return String(Math.round(n * 10) / 10).replace('.', ',');
}

/** The forecast section for `reader`: the lines of the complaints it covers, and (leader only) the bottleneck. */
function forecastSection(
  forecast: Forecast | null,
  reader: Actor,
  deps: DailyDeps,
  unit?: string,
): DigestView['forecast'] {
  if (!forecast) return undefined;
  const mine = forecast.late.filter((f) => unit === undefined || sameUnit(f.complaint.unit, unit));
  const lines = mine.slice(0, MAX_DIGEST_LINES).map((f) => {
    const c = f.complaint;
    const released = releasedFingerprints(c);
    const seen = redact(
      {
        ...c,
        subject: stripPersonalData(c.subject, released),
        description: stripPersonalData(c.description, released),
      },
      reader,
    );
    return {
      regNumber: seen.regNumber,
      link: deps.rowLink(f.row),
      subject: seen.subject || seen.description.slice(0, 120) || '—',
      unit: seen.unit || NO_UNIT_LABEL,
      status: seen.status,
      deadline: formatDayLong(seen.deadline),
      note: FORECAST_TEXT.line(STEP_WAITING[f.step], decimal(f.needed), f.left),
    };
  });
  const b = unit === undefined ? forecast.bottleneck : null;
  return { lines, bottleneck: b ? FORECAST_TEXT.bottleneck(b.count, STEP_WAITING[b.step], b.threshold) : '' };
}

function view(
  ctx: ViewContext,
  audience: 'leader' | 'unit',
  groups: DigestGroup[],
  items: readonly WatchItem[],
  unit?: string,
): DigestView {
  const listed = groups.reduce((n, g) => n + g.lines.length, 0);
  return {
    omitted: items.length - listed,
    audience,
    unit,
    day: formatDayLong(ctx.watch.today),
    nextDay: formatDayLong(ctx.watch.nextWorkingDay),
    counts: countByCategory(items),
    groups,
    registerUrl: ctx.deps.registerUrl,
    deferredFrom: ctx.deferredFrom ? formatDay(ctx.deferredFrom) : undefined,
    mix: mixOf(items),
    workingDays: WORKING_DAYS_LIMIT,
    specialMonths: SPECIAL_CASE_MONTHS,
  };
}

/** The complaints the digest counts, by channel and by category (the sheet's order is not needed: by count). */
function mixOf(items: readonly WatchItem[]): string {
  const { byChannel, byCategory } = countByChannelAndCategory(
    items.map((i) => i.complaint),
    CHANNELS,
    [],
  );
  const byCount = (rows: { key: string; count: number }[]) =>
    [...rows].sort((a, b) => b.count - a.count || (a.key === '' ? 1 : b.key === '' ? -1 : a.key < b.key ? -1 : 1));
  return mixText(byCount(byChannel), byCount(byCategory));
}

/** The units that get a digest: the "Unit" sheet's, then any other unit a member belongs to; each with someone to read it. */
function digestUnits(deps: DailyDeps): { name: string }[] {
  const anggota = membersWithRole(deps.team, 'ANGGOTA');
  const names: string[] = deps.units.map((u) => u.name);
  for (const m of anggota) if (m.unit && !names.some((n) => sameUnit(n, m.unit))) names.push(m.unit);
  return names.filter((name) => unitAudience(deps, name).length > 0).map((name) => ({ name }));
}

function plan(
  deps: DailyDeps,
  watch: Watchlist,
  state: DailyState,
  madeToday: boolean,
  forecast: Forecast | null = null,
  notice: readonly RetentionNotice[] = [],
): Planned[] {
  const allClear = deps.settings.dailyAllClear;
  const since = (key: string) => state.deferred.find((d) => d.key === key)?.since;
  const out: Planned[] = [];

  const leaders = membersWithRole(deps.team, 'KETUA');
  if (leaders.length > 0) {
    const reader: Actor = leaders[0];
    // watch.items is sorted by urgency: the cap keeps the most urgent, still grouped by unit.
    const listed = new Set(watch.items.slice(0, MAX_DIGEST_LINES));
    const groups = watch.byUnit
      .map((g) => ({
        unit: g.unit || NO_UNIT_LABEL,
        lines: g.items.filter((i) => listed.has(i)).map((i) => lineOf(i, reader, deps.rowLink)),
      }))
      .filter((g) => g.lines.length > 0);
    const v = view({ watch, deps, deferredFrom: since(LEADER_KEY) }, 'leader', groups, watch.items);
    v.forecast = forecastSection(forecast, reader, deps);
    v.retention = notice.map((n) => ({ regNumber: n.regNumber, link: deps.rowLink(n.row), due: formatDayLong(n.due) }));
    const say = watch.items.length > 0 || (v.forecast?.lines.length ?? 0) > 0 || notice.length > 0 || allClear;
    out.push({
      key: LEADER_KEY,
      audience: { kind: 'leader', roles: ['KETUA'] },
      notice: say ? { kind: 'digest', view: v } : null,
      items: watch.items.length,
    });
  }

  // Units held back on an earlier day go before today's others, so a short quota cannot starve the same unit twice.
  const units = digestUnits(deps);
  units.sort((a, b) => Number(since(unitKey(b.name)) !== undefined) - Number(since(unitKey(a.name)) !== undefined));
  for (const u of units) {
    const key = unitKey(u.name);
    const items = watchForUnit(watch, u.name);
    const reader: Actor = { email: '', role: 'ANGGOTA', unit: u.name };
    const groups = [
      { unit: u.name, lines: items.slice(0, MAX_DIGEST_LINES).map((i) => lineOf(i, reader, deps.rowLink)) },
    ];
    const v = view({ watch, deps, deferredFrom: since(key) }, 'unit', groups, items, u.name);
    v.forecast = forecastSection(forecast, reader, deps, u.name);
    const say = items.length > 0 || (v.forecast?.lines.length ?? 0) > 0 || allClear;
    out.push({
      key,
      audience: { kind: 'unit', unit: u.name },
      notice: say ? { kind: 'digest', view: v } : null,
      items: items.length,
    });
  }

  const report = state.report;
  if (report && (madeToday || since(reportKey(report.monthKey)) !== undefined)) {
    if (membersWithRole(deps.team, 'KEPALA_DINAS').length + leaders.length > 0) {
      out.push({
        key: reportKey(report.monthKey),
        audience: { kind: 'leader', roles: ['KEPALA_DINAS', 'KETUA'] },
        notice: { kind: 'reportReady', links: report, agencyName: deps.settings.agencyName },
        items: 0,
      });
    }
  }
  return out;
}

interface RetentionNotice {
  regNumber: string;
  row: number;
  due: DayKey;
}

/**
 * Complaints never closed whose identity the purge removes within OPEN_NOTICE_DAYS (domain/retention.ts): listed for
 * the Ketua Tim, who closes them or acts on them (any step is activity and moves the day). Not one the purge itself
 * touched last: its identity is already gone. Needs status, receipt and the last write (updatedAt, updatedBy).
 */
function retentionNotice(stored: readonly StoredComplaint[], today: DayKey, years: number): RetentionNotice[] {
  const out: RetentionNotice[] = [];
  for (const s of stored) {
    if (s.complaint.regNumber === '' || s.complaint.updatedBy === RETENTION.actor) continue;
    const due = openPurgeSoon(s.complaint, today, years);
    if (due !== null) out.push({ regNumber: s.complaint.regNumber, row: s.row, due });
  }
  return out.slice(0, MAX_DIGEST_LINES);
}

/** The complaints some digest lists (the leader's most urgent, each unit's): read in full, once, before planning. */
function completeListed(deps: DailyDeps, watch: Watchlist): void {
  if (!deps.loadDetails) return;
  const listed = new Set(watch.items.slice(0, MAX_DIGEST_LINES));
  for (const u of digestUnits(deps))
    for (const i of watchForUnit(watch, u.name).slice(0, MAX_DIGEST_LINES)) listed.add(i);
  if (listed.size === 0) return;
  const full = deps.loadDetails([...listed].map((i) => i.row));
  for (const item of listed) item.complaint = full.get(item.row) ?? item.complaint;
}

function describe(outcome: DailyOutcome): string {
  const sent = outcome.sent.map((s) => `${s.key} → ${s.to} (${s.items})`).join('; ') || '-';
  const deferred = outcome.deferred.map((d) => DIGEST_TEXT.deferred(d.key, d.reason, d.since)).join('; ') || '-';
  return DIGEST_TEXT.runSummary(sent, deferred);
}

/** A run that has done nothing yet (also what the server reports when another run holds the claim). */
export function emptyDailyOutcome(day: DayKey): DailyOutcome {
  return { day, skipped: null, reconciled: 0, sent: [], deferred: [], report: null, errors: [] };
}

/** The whole daily run; every effect goes through the ports, so the same code runs in Apps Script and in tests. */
export function runDailyWatch(deps: DailyDeps): DailyOutcome {
  const budget = deps.budget ?? DEFAULT_BUDGET;
  const today = dayKeyOf(deps.now);
  const outcome = emptyDailyOutcome(today);
  // Weekends and holidays: nothing at all, not even reconcile (it would send receipts on a holiday morning).
  if (!deps.calendar.isWorkingDay(today)) return { ...outcome, skipped: 'notWorkingDay' };

  const loaded = deps.state.load();
  const state: DailyState =
    loaded.day === today ? { ...loaded, sent: [...loaded.sent] } : { ...loaded, day: today, sent: [] };
  state.deferred = [...loaded.deferred];

  try {
    outcome.reconciled = deps.reconcile();
  } catch (error) {
    outcome.errors.push(`reconcile: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (deps.elapsedMs() > budget.maxMs) {
    deps.state.save(state);
    return { ...outcome, skipped: 'timeUp' };
  }

  const stored = deps.loadRegister();
  const watch = slaWatch(
    stored,
    deps.now,
    deps.calendar,
    deps.units.map((u) => u.name),
  );

  completeListed(deps, watch);

  let madeToday = false;
  const due = reportDue(today, loaded.day, loaded.reportMonth, deps.calendar);
  if (!due && loaded.day === '') state.reportMonth = previousMonth(today); // installed mid-month: nothing owed
  if (due && deps.elapsedMs() < budget.maxMs - budget.reportReserveMs) {
    try {
      state.report = deps.makeReport(stored, due);
      state.reportMonth = due;
      outcome.report = state.report;
      madeToday = true;
      deps.state.save(state); // at once: a failure further on must not make the recap twice
    } catch (error) {
      outcome.errors.push(`report: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  let forecast: Forecast | null = null;
  if (deps.loadStepEvents) {
    try {
      forecast = forecastByStep(stored, deps.loadStepEvents(), today, deps.calendar);
      // Only the few forecast late are read in full, for their digest lines (subject, privacy, name).
      const late = forecast.late.map((f) => f.row);
      if (deps.loadDetails && late.length > 0) {
        const full = deps.loadDetails(late);
        for (const f of forecast.late) f.complaint = full.get(f.row) ?? f.complaint;
      }
    } catch (error) {
      // The forecast is an extra: the digests still go out without it.
      outcome.errors.push(`forecast: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const planned = plan(
    deps,
    watch,
    state,
    madeToday,
    forecast,
    retentionNotice(stored, today, deps.settings.retentionYears),
  );
  let messages = 0;
  const deferred: DeferredDigest[] = [];
  const defer = (key: string, reason: DeferReason) => {
    deferred.push({ key, reason, since: state.deferred.find((d) => d.key === key)?.since ?? today });
  };
  for (const p of planned) {
    if (state.sent.includes(p.key)) continue;
    if (p.notice === null) continue; // nothing to say (a digest deferred earlier is then simply no longer needed)
    if (messages >= budget.maxMessages || deps.elapsedMs() > budget.maxMs) {
      defer(p.key, 'time');
      continue;
    }
    // Claimed just before it is sent (after the quota check): a run that stops after sending (time limit, a
    // failed write) never sends it again.
    let claimed = false;
    const sent = deps.notifier.tell(p.audience, p.notice, () => {
      claimed = true;
      state.sent.push(p.key);
      deps.state.save(state);
    });
    if (sent.failure === 'quota') {
      defer(p.key, 'quota');
      continue;
    }
    if (sent.failure !== null) {
      if (claimed) state.sent.splice(state.sent.indexOf(p.key), 1);
      if (sent.failure !== 'nobody') defer(p.key, 'error');
      continue;
    }
    messages += 1;
    outcome.sent.push({ key: p.key, to: sent.reached.join(','), items: p.items });
  }
  // What was not planned today (a unit removed, an old report notice) is dropped with the rest.
  state.deferred = deferred;
  outcome.deferred = deferred;
  deps.state.save(state);

  if (outcome.sent.length > 0 || outcome.deferred.length > 0 || outcome.report) {
    const entry: AuditEntry = {
      at: deps.now,
      actor: DAILY_ACTOR,
      role: '',
      action: DIGEST_TEXT.auditAction,
      regNumber: '',
      before: '',
      after: JSON.stringify({
        terkirim: outcome.sent.map((s) => s.key),
        ditunda: outcome.deferred,
        laporan: outcome.report?.monthKey ?? '',
      }),
      note: describe(outcome),
    };
    deps.audit.append([entry]);
  }
  return outcome;
}
