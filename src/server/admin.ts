// Menu and administration: onOpen's role-aware menu, setup, and the short "about" note.
import { menuFor, showMenu, type MenuEntry } from '../ui/menu';
import { runSetup, scheduleBackgroundSetup, takeBackgroundSetup, type SetupReport } from '../gas/setup';
import { SHELL_TEXT } from '../messages/shell';
import { ADMIN_TEXT, TEXT } from '../messages/ui';
import { ANYONE, SETUP, alert, answeringShell, messageOf, run } from './wiring';

/** Builds (or replaces) the Dumas menu for the person; returns what was known about them. */
export function buildMenu(): { email: string; known: boolean } {
  let seen = { email: '', known: false };
  const entries: MenuEntry[] = run(
    ANYONE,
    (s) => {
      const email = s.userEmail();
      const role = s.actor()?.role ?? null;
      seen = { email, known: role !== null };
      return menuFor(role, s.configured(), email === '');
    },
    () => menuFor(null, false), // e.g. no permission to read yet: offer setup only
  );
  showMenu(entries);
  return seen;
}

/**
 * Menu "Tampilkan Menu Saya": onOpen is a simple trigger, and Google hides the email there from consumer accounts
 * and other domains. A menu click runs with the person's authorization, so the role-aware menu can be built now.
 */
export function loadMyMenu(): void {
  const seen = buildMenu();
  if (!seen.known) alert(seen.email === '' ? TEXT.emailHidden : TEXT.unknownUser);
}

/**
 * Setup's summary, also returned: a standalone core has no UI (getUi() throws there), so its setup logs the summary
 * instead of showing it, and gives it back to whoever called it.
 */
export function setupFromMenu(): string {
  return run(
    SETUP,
    (s) => {
      const email = s.userEmail() || Session.getEffectiveUser().getEmail().toLowerCase();
      if (answeringShell()) {
        // A first setup costs about 70 s of Apps Script time and UrlFetchApp gives up on a web app after 60 s:
        // through the shell it runs in a one-off trigger of the core's owner, which mails the summary.
        scheduleBackgroundSetup(email);
        alert(SHELL_TEXT.setupStarted(email));
        return '';
      }
      const report = runSetup(email);
      const summary = summaryOf(report);
      // A standalone core run from its editor has no UI: the summary goes to the log (and to the caller).
      if (answeringShell() || !s.workbook.split) alert(summary);
      else console.info(summary);
      if (!s.workbook.split) buildMenu(); // a new execution's view of the workbook; the shell builds its own
      return summary;
    },
    (message) => {
      if (!answeringShell() && SpreadsheetApp.getActiveSpreadsheet() === null) console.error(message);
      else alert(message);
      return message;
    },
  );
}

/** The one-off trigger of a setup asked through the shell: runs it, mails the summary to who asked, removes itself. */
export function setupInBackground(): void {
  run(ANYONE, (s) => {
    const requester = takeBackgroundSetup() || Session.getEffectiveUser().getEmail().toLowerCase();
    let summary: string;
    try {
      const report = runSetup(requester);
      summary = summaryOf(report);
    } catch (error) {
      summary = messageOf(error);
    }
    s.mailer().send({ to: requester, subject: SHELL_TEXT.setupMailSubject, body: summary });
  });
}

/** What setup says it did: each change on a line, or that there was nothing to repair. */
function summaryOf(report: SetupReport): string {
  return TEXT.setupDone(report.changes.length ? report.changes.join('\n') : ADMIN_TEXT.nothingToRepair);
}

export function showAbout(): void {
  run(ANYONE, (s) => {
    const known = s.workbook.has('team') ? s.actor() : undefined;
    alert(known ? ADMIN_TEXT.signedInAs(TEXT.appName, known.email, known.role) : TEXT.unknownUser);
  });
}
