// The "Diagnostik Emulator" menu action: administrator only; runs every case against real Google and writes the results sheet.
import { CASES } from './cases';
import { runCases } from './runner';
import { RESULTS_SHEET, resultRows, writeResults } from './resultsSheet';
import type { GasServices } from './types';
import { DIAGNOSTICS_TEXT } from '../messages/diagnostics';
import { may, run } from '../server/wiring';
import { mintDiagnosticsLinks } from './webAppPage';

/** The real services, as the cases receive them. */
export function globalServices(): GasServices {
  return { SpreadsheetApp, DocumentApp, DriveApp, FormApp, Utilities, LockService, MailApp, HtmlService, Session };
}

/** Alerts in the Sheet; run from the script editor there is no UI, so the message goes to the log. */
function tell(message: string): void {
  try {
    SpreadsheetApp.getUi().alert(message);
  } catch {
    console.log(message);
  }
}

export function runDiagnosticsFromMenu(): void {
  run(
    may('diagnostics'),
    (ctx) => {
      const report = runCases(globalServices(), CASES);
      writeResults(ctx.workbook.spreadsheetOf('office'), resultRows(report.results, CASES));
      const count = (status: string) => report.results.filter((r) => r.status === status).length;
      const summary = DIAGNOSTICS_TEXT.done(count('pass'), count('fail'), count('skip'), RESULTS_SHEET);
      const links = mintDiagnosticsLinks(
        ctx.settings().statusPageUrl,
        ctx.workbook.spreadsheetOf('office').getOwner()?.getEmail() ?? '',
      );
      const web = links ? DIAGNOSTICS_TEXT.webLinks(links.signedIn, links.anonymous) : DIAGNOSTICS_TEXT.webNoUrl;
      const cleanup = report.cleanupProblems.length ? DIAGNOSTICS_TEXT.cleanupFailed(report.cleanupProblems) : '';
      tell(summary + web + cleanup);
    },
    tell,
  );
}
