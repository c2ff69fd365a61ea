// The daily trigger (07:00 WITA): the SLA watch use case wired to the workbook, mail, Script Properties and the report.
import { runDailyWatch, type DailyOutcome } from '../app/daily';
import { makeReports } from '../app/report';
import { ScriptPropertiesDailyState } from '../gas/dailyState';
import { reconcileResponses } from './intake';
import { reportDeps } from './report';
import { GasContext } from './session';

/** A link that opens the register at the complaint's row. */
export function rowLinker(ctx: GasContext): (row: number) => string {
  const url = ctx.workbook.url();
  const gid = ctx.workbook.sheet('register').getSheetId();
  return (row) => `${url}#gid=${gid}&range=A${row}`;
}

export function dailyRun(): DailyOutcome {
  const started = Date.now();
  const ctx = new GasContext();
  const outcome = runDailyWatch({
    now: ctx.now,
    elapsedMs: () => Date.now() - started,
    calendar: ctx.calendar(),
    settings: ctx.settings(),
    team: ctx.team(),
    units: ctx.units(),
    loadRegister: () => ctx.register().loadAll(),
    reconcile: () => reconcileResponses(ctx),
    makeReport: (complaints, month) => makeReports(reportDeps(ctx), complaints, month),
    mailer: ctx.mailer(),
    state: new ScriptPropertiesDailyState(),
    audit: ctx.audit(),
    rowLink: rowLinker(ctx),
    registerUrl: ctx.workbook.url(),
  });
  for (const e of outcome.errors) console.error(`Dumas harian: ${e}`);
  return outcome;
}
