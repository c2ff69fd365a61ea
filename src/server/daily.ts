// The daily trigger (07:00 WITA): the SLA watch use case wired to the workbook, mail, Script Properties and the report,
// then the retention purge (working days only, after the digests, so a slow purge never holds back a reminder).
import { recentStepEvents } from '../gas/auditLog';
import { describePurge, type PurgeOutcome } from '../app/retention';
import { DEFAULT_BUDGET, emptyDailyOutcome, runDailyWatch, type DailyOutcome } from '../app/daily';
import { makeReports } from '../app/report';
import { ScriptPropertiesDailyState } from '../gas/dailyState';
import { LockBusyError, type AuditPort, type StoredComplaint } from '../ports';
import type { ComplaintField } from '../domain/complaint';
import { REGISTER_COLUMNS, columnOf, rowToComplaint } from '../gas/registerColumns';
import { storedFrom, type RawRows } from '../gas/registerReads';
import { reconcileResponses } from './intake';
import { DAILY_LOG } from '../messages/emails';
import { reportDeps, reportRows } from './report';
import { purgeDue, purgeSummary } from './retention';
import { run, ANYONE, type Services } from './wiring';
import { sendOwedReceipts, sendQueued } from './queuedWork';
import { runLetterJobs } from './letters';
import { membersWithRole } from '../app/team';
import { formClosedReason } from '../gas/intakeFormBuilder';
import { startIndexGeneration, writeMonitoringIndex } from '../gas/monitoringIndex';

export interface DailyRunOutcome extends DailyOutcome {
  /** What the retention purge did; null when it did not run (holiday or weekend, time up, or it failed). */
  purge: PurgeOutcome | null;
  /** Administrators alerted today because the public form accepts nothing (empty when it is open). */
  formAlerted: string[];
}

/**
 * Every day, holidays included: a public form that stopped accepting (unpublished, closed, restricted to the domain,
 * or deleted) loses citizens' complaints silently, so each active Administrator gets an email until it is fixed.
 */
function alertIfFormClosed(ctx: Services, errors: string[]): string[] {
  try {
    const settings = ctx.settings();
    const reason = formClosedReason(settings.formId);
    if (reason === null) return [];
    const when = `${Utilities.formatDate(ctx.now, 'Asia/Makassar', 'dd/MM/yyyy HH.mm')} WITA`;
    const admins = membersWithRole(ctx.team(), 'ADMIN').map((m) => m.email);
    const notice = {
      kind: 'formClosed',
      agencyName: settings.agencyName,
      formUrl: settings.formUrl,
      reason,
      when,
    } as const;
    const sent = ctx.notifier().tell({ kind: 'admins' }, notice).reached;
    if (sent.length < admins.length) errors.push(`form alert: ${admins.length - sent.length} email(s) not sent`);
    console.error(DAILY_LOG.line(reason));
    return sent;
  } catch (error) {
    errors.push(`form check: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

/** A link that opens the register at the complaint's row. */
export function rowLinker(ctx: Services): (row: number) => string {
  const url = ctx.workbook.url();
  const gid = ctx.workbook.registerSheetForLinks().getSheetId();
  return (row) => `${url}#gid=${gid}&range=A${row}`;
}

/**
 * The run's summary row, appended under the script lock like every other audit row: the log is written at its last
 * row, and a form submission registered at the same moment would otherwise overwrite it (or be overwritten).
 * When the lock stays busy the summary goes to the execution log instead: the digests have been sent by then.
 */
function lockedAudit(ctx: Services): AuditPort {
  return {
    append(entries) {
      try {
        ctx.lock().withLock(() => ctx.audit().append(entries));
      } catch (error) {
        if (!(error instanceof LockBusyError)) throw error;
        console.error(DAILY_LOG.line(DAILY_LOG.summaryNotLogged(JSON.stringify(entries))));
      }
    },
  };
}

/** The purge as the system; its result goes to the execution log (each purged complaint has its own audit row). */
function dailyPurge(ctx: Services, read: readonly StoredComplaint[], errors: string[]): PurgeOutcome | null {
  try {
    const outcome = purgeDue(ctx, read);
    const extra = purgeSummary(outcome)
      .map((s) => ` ${s}`)
      .join('');
    console.info(DAILY_LOG.line(`${describePurge(outcome.plan, 20)}${extra}`));
    for (const e of outcome.errors) errors.push(`purge: ${e}`);
    return outcome;
  } catch (error) {
    errors.push(`purge: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/**
 * The register view's rows whose write failed (split deployment; registerView.ts), re-projected from the vault under
 * the lock, so a write of the same row meanwhile is not overwritten by an older projection.
 */
function repairView(ctx: Services, errors: string[]): void {
  const view = ctx.view();
  if (!view) return;
  try {
    const n = ctx.lock().withLock(() => view.repair(ctx.reader()));
    if (n > 0) console.info(DAILY_LOG.line(`register view: ${n} row(s) repaired`));
  } catch (error) {
    errors.push(`register view: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Receipts whose sending failed (quota, mail refused), after the digests: staff mail goes first. */
function retryOwedReceipts(ctx: Services, errors: string[]): void {
  try {
    sendOwedReceipts(ctx);
  } catch (error) {
    errors.push(`receipts: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * What the watch needs of every row: where it stands (the purge needs status and closing too); number, receipt and
 * channel (columns 1-3, one range) tie the audit log's rows to a unit and a path for the forecast by step.
 */
const WATCH_FIELDS: readonly ComplaintField[] = [
  'regNumber',
  'receivedAt',
  'channel',
  'status',
  'unit',
  'deadline',
  'closedAt',
  'deadlineKind',
  // The last write: a complaint never closed is purged after the retention period without activity (digest notice).
  'updatedAt',
  'updatedBy',
];
/**
 * What a digest line shows (number, name, subject, privacy…): columns 1 to 16, and the category, read only for the
 * listed rows.
 */
const LINE_FIELDS: readonly ComplaintField[] = [
  ...REGISTER_COLUMNS.slice(0, columnOf('deadlineKind')).map((c) => c.field),
  'category',
];

export function dailyRun(): DailyRunOutcome {
  const state = new ScriptPropertiesDailyState();
  if (!state.claimRun(Date.now())) {
    console.info(DAILY_LOG.line(DAILY_LOG.busy));
    return { ...idleOutcome(), skipped: 'busy' };
  }
  try {
    return claimedRun(state);
  } finally {
    state.releaseRun();
  }
}

function idleOutcome(): DailyRunOutcome {
  return { ...emptyDailyOutcome(''), purge: null, formAlerted: [] };
}

/** Pemantauan's index is a saving only: when Script Properties fail, Pemantauan reads every deadline instead. */
function indexStep<T>(step: () => T, otherwise: T): T {
  try {
    return step();
  } catch (error) {
    console.error(DAILY_LOG.line(DAILY_LOG.indexFailed(error instanceof Error ? error.message : String(error))));
    return otherwise;
  }
}

function claimedRun(state: ScriptPropertiesDailyState): DailyRunOutcome {
  const started = Date.now();
  return run(ANYONE, (ctx) => watchAndPurge(ctx, state, started));
}

function watchAndPurge(ctx: Services, state: ScriptPropertiesDailyState, started: number): DailyRunOutcome {
  const reader = ctx.reader();
  let raw: RawRows = new Map();
  // Pemantauan's index of open deadlines, made from the watch read (monitoringIndex.ts).
  const index = { gen: 0, lastRow: 0 };
  const outcome = runDailyWatch({
    now: ctx.now,
    elapsedMs: () => Date.now() - started,
    calendar: ctx.calendar(),
    settings: ctx.settings(),
    team: ctx.team(),
    units: ctx.units(),
    loadRegister: () => {
      index.gen = indexStep(() => startIndexGeneration(), 0);
      raw = reader.columns(WATCH_FIELDS);
      index.lastRow = reader.lastRow();
      return storedFrom(raw, false);
    },
    loadDetails: (rows) => {
      reader.rows(rows, LINE_FIELDS, raw);
      return new Map(rows.map((r) => [r, rowToComplaint(raw.get(r) ?? [])]));
    },
    reconcile: () => reconcileResponses(ctx),
    makeReport: (_stored, month) =>
      makeReports(
        reportDeps(ctx),
        reportRows(reader, raw).map((s) => s.complaint),
        month,
      ),
    notifier: ctx.notifier(),
    state,
    audit: lockedAudit(ctx),
    rowLink: rowLinker(ctx),
    registerUrl: ctx.workbook.url(),
    loadStepEvents: () => recentStepEvents(ctx.workbook.sheet('audit')),
  });
  // Same rule as the digests: nothing at all on a holiday or weekend, and nothing once the time budget is spent
  // (the next working day's run purges what is due then; the plan is recomputed from the register each time).
  const mayPurge = outcome.skipped === null && Date.now() - started < DEFAULT_BUDGET.maxMs;
  const errors = [...outcome.errors];
  if (index.gen > 0) indexStep(() => writeMonitoringIndex(index.gen, index.lastRow, storedFrom(raw, false)), undefined);
  // Every day, holidays too: letter steps and staff mail a failure left queued (gas/queuedWork.ts) wait no longer.
  try {
    runLetterJobs();
    sendQueued(ctx);
  } catch (error) {
    errors.push(`outbox: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (outcome.skipped === null) retryOwedReceipts(ctx, errors);
  const purge = mayPurge ? dailyPurge(ctx, storedFrom(raw, false), errors) : null;
  const formAlerted = alertIfFormClosed(ctx, errors);
  repairView(ctx, errors);
  for (const e of errors) console.error(DAILY_LOG.line(e));
  return { ...outcome, errors, purge, formAlerted };
}
